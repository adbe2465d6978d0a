import { developmentLinkSecret, SignedLinks } from './signed-links';

const SECRET = 'a-link-secret-that-is-at-least-32-chars';
const SUBJECT = '3f0e8a52-9a4b-4c1e-8f61-0c2d7b9e5a10';

describe('signed links', () => {
  const links = new SignedLinks('case-status', SECRET);
  const now = new Date('2026-11-20T10:00:00.000Z');
  const expiresAt = new Date('2026-11-27T10:00:00.000Z');

  it('grant their subject until they expire, to the second', () => {
    const token = links.sign(SUBJECT, expiresAt);
    expect(token).toMatch(/^v1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/);
    expect(links.check(token, now)).toEqual({ valid: true, subject: SUBJECT, expiresAt });
    expect(links.check(` ${token} `, now)).toMatchObject({ valid: true });
    expect(links.check(token, new Date(expiresAt.getTime() - 1000))).toMatchObject({ valid: true });
    expect(links.check(token, expiresAt)).toEqual({ valid: false, rule: 'expired', expiresAt });
  });

  it('refuse a changed subject, expiry or signature, and what is not a link', () => {
    const [v, subject, expiry, signature] = links.sign(SUBJECT, expiresAt).split('.');
    const refused = { valid: false, rule: 'signature' };
    expect(links.check(`${v}.${subject.replace('3f0e', '3f0f')}.${expiry}.${signature}`, now)).toEqual(refused);
    expect(links.check(`${v}.${subject}.${Number(expiry) + 86_400}.${signature}`, now)).toEqual(refused);
    expect(links.check(`${v}.${subject}.${expiry}.${signature.slice(0, -2)}AA`, now)).toEqual(refused);
    expect(links.check(`v2.${subject}.${expiry}.${signature}`, now)).toEqual(refused);
    for (const junk of ['', 'not-a-link', 'v1.a.b.c', `${v}.${subject}.${expiry}`, `${v}.${subject}.${expiry}.${signature}.x`]) expect(links.check(junk, now)).toEqual(refused);
  });

  it('of one purpose never pass for another, nor under another secret', () => {
    const token = links.sign(SUBJECT, expiresAt);
    expect(new SignedLinks('followup-survey', SECRET).check(token, now)).toEqual({ valid: false, rule: 'signature' });
    expect(new SignedLinks('case-status', `${SECRET}-other`).check(token, now)).toEqual({ valid: false, rule: 'signature' });
  });

  it('need a kebab-case purpose, a long secret and an id as subject', () => {
    expect(() => new SignedLinks('case-status', 'short')).toThrow(/at least 32/);
    expect(() => new SignedLinks('Case Status', SECRET)).toThrow(/kebab-case/);
    expect(() => links.sign('a.b', expiresAt)).toThrow(/id/);
  });

  it('have a stable development secret per purpose', () => {
    expect(developmentLinkSecret('case-status')).toBe(developmentLinkSecret('case-status'));
    expect(developmentLinkSecret('case-status')).not.toBe(developmentLinkSecret('followup-survey'));
    expect(developmentLinkSecret('case-status')).toHaveLength(64);
  });
});
