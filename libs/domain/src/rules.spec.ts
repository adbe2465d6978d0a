import { BadUserInputError } from './errors';
import { ensureNotInFuture, isUuid, normalizePhone, PHONE_PATTERN, REPORTED_TIME_TOLERANCE_MS } from './rules';

describe('isUuid', () => {
  it('accepts UUIDs in either case and nothing else', () => {
    expect(isUuid('00000000-0000-4000-8000-00000000dead')).toBe(true);
    expect(isUuid('0AF3C2D1-9B7E-4C1A-8D2F-123456789ABC')).toBe(true);
    for (const value of ['', 'c-1', '00000000-0000-4000-8000-00000000dea', '00000000-0000-4000-8000-00000000deadx', ' 00000000-0000-4000-8000-00000000dead', 'g0000000-0000-4000-8000-000000000000']) {
      expect(isUuid(value)).toBe(false);
    }
  });
});

describe('the phone rule', () => {
  it('accepts international numbers as people write them', () => {
    for (const phone of ['+44 20 7946 0958', '+1 (555) 010-9999', '+49.30.1234567', '+4915112345678']) expect(PHONE_PATTERN.test(phone)).toBe(true);
  });

  it('refuses numbers without + and country code, and other text', () => {
    for (const phone of ['020 7946 0958', '+0 20 7946 0958', '+44 20 ext 12', '+12345', `+1${'2'.repeat(23)}`]) expect(PHONE_PATTERN.test(phone)).toBe(false);
  });

  it('normalises to + and digits, blank to no number', () => {
    expect(normalizePhone(' +44 (20) 7946-0958 ')).toBe('+442079460958');
    expect(normalizePhone('+1.555.010.9999')).toBe('+15550109999');
    expect(normalizePhone('   ')).toBeNull();
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });
});

describe('ensureNotInFuture', () => {
  const now = new Date('2026-11-02T09:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('allows the past, the present and clocks running up to five minutes ahead', () => {
    expect(REPORTED_TIME_TOLERANCE_MS).toBe(5 * 60_000);
    for (const time of [at(-86_400_000), now, at(60_000), at(REPORTED_TIME_TOLERANCE_MS)]) expect(() => ensureNotInFuture(time, now, 'input.receivedAt')).not.toThrow();
  });

  it('refuses a time beyond the tolerance, naming the field and the rule', () => {
    let thrown: unknown;
    try {
      ensureNotInFuture(at(REPORTED_TIME_TOLERANCE_MS + 1), now, 'input.occurredAt');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect(thrown).toMatchObject({
      message: 'input.occurredAt: must not be in the future',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.occurredAt', problems: [{ field: 'input.occurredAt', rule: 'past', message: 'must not be in the future' }] },
    });
  });
});
