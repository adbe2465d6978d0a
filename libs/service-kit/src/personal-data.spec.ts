import { Writable } from 'node:stream';
import pino from 'pino';
import { maskEmail, maskPhone, REDACTED_LOG_PATHS } from './personal-data';

describe('maskEmail', () => {
  it.each([
    ['jane.doe@example.com', 'j***@example.com'],
    ['J@x.io', 'J***@x.io'],
    ['li.wei@mail.example.cn', 'l***@mail.example.cn'],
    ['"jane@home"@example.com', '"***@example.com'],
  ])('keeps the first letter and the domain of %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('masks what is not an e-mail address entirely', () => {
    expect(maskEmail('jane.doe')).toBe('***');
    expect(maskEmail('jane@')).toBe('***');
  });

  it('passes no address through as it is', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail(undefined)).toBeNull();
    expect(maskEmail('')).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['+44 20 7946 0958', '+*********958'],
    ['+8613800138000', '+**********000'],
    ['020 7946 0958', '********958'],
    ['+1 (555) 010-0199', '+********199'],
  ])('keeps the plus sign and the last three digits of %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than the last three digits', () => {
    for (const phone of ['+44 20 7946 0958', '555-0100', '+1-202-555-0143']) {
      const masked = maskPhone(phone)!;
      expect(masked.replace(/\D/g, '')).toBe(phone.replace(/\D/g, '').slice(-3));
    }
  });

  it('passes no number through as it is', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});

describe('REDACTED_LOG_PATHS', () => {
  function logLine(fields: object): string {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink).info(fields, 'message');
    return written;
  }

  it('removes personal data and credentials from log lines, at the top and one level down', () => {
    const line = logLine({
      email: 'jane@example.com',
      phone: '+447946000958',
      fullName: 'Jane Doe',
      customer: { email: 'li@example.cn', phone: '+8613800138000', fullName: '李伟', tier: 'GOLD' },
      req: { headers: { authorization: 'Bearer eyJhbGciOi.payload.sig', 'x-carebridge-subgraph-secret': 's3cret-subgraph-value', host: 'crm' } },
      variables: { input: { email: 'x@example.org', phone: '+15550100199', fullName: 'Ana Lima', tier: 'VIP' } },
      password: 'hunter2',
      token: 'tok-123',
    });
    for (const secret of ['jane@example.com', '+447946000958', 'Jane Doe', 'li@example.cn', '8613800138000', '李伟', 'eyJhbGciOi', 's3cret-subgraph-value', 'x@example.org', 'Ana Lima', 'hunter2', 'tok-123']) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line);
    expect(parsed.customer).toEqual({ email: '[redacted]', phone: '[redacted]', fullName: '[redacted]', tier: 'GOLD' });
    expect(parsed.req.headers.host).toBe('crm');
    expect(parsed.variables.input.tier).toBe('VIP');
  });
});
