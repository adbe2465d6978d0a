import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { createTokenVerifier, DEVELOPMENT_JWT_SECRET, InvalidTokenError, signDevelopmentToken } from './tokens';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

/** Resolves with the InvalidTokenError `promise` rejects with, failing on anything else. */
async function refusal(promise: Promise<unknown>): Promise<InvalidTokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidTokenError) return error;
    throw error;
  }
  throw new Error('expected the token to be refused, but it was accepted');
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('signDevelopmentToken and the HS256 verifier', () => {
  const verify = createTokenVerifier({ kind: 'hs256', secret: SECRET });

  it('round-trips the subject, roles and name', async () => {
    const token = signDevelopmentToken({ sub: 'agent-7', roles: ['agent', 'trainer'], name: 'Zoë Ångström' }, { secret: SECRET });
    await expect(verify(token)).resolves.toEqual({ userId: 'agent-7', roles: ['agent', 'trainer'], name: 'Zoë Ångström' });
  });

  it('leaves out a name that is not given', async () => {
    const token = signDevelopmentToken({ sub: 'u1', roles: ['analyst'] }, { secret: SECRET });
    expect(jwt.decode(token)).not.toHaveProperty('name');
    await expect(verify(token)).resolves.toEqual({ userId: 'u1', roles: ['analyst'], name: undefined });
  });

  it('signs with HS256, the development secret by default, and expires in 12 hours unless told otherwise', async () => {
    const token = signDevelopmentToken({ sub: 'u1', roles: ['agent'] });
    const decoded = jwt.decode(token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    const payload = decoded.payload as jwt.JwtPayload;
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    await expect(createTokenVerifier({ kind: 'hs256', secret: DEVELOPMENT_JWT_SECRET })(token)).resolves.toMatchObject({ userId: 'u1' });
    const short = jwt.decode(signDevelopmentToken({ sub: 'u1', roles: [] }, { expiresInSeconds: 60 })) as jwt.JwtPayload;
    expect(short.exp! - short.iat!).toBe(60);
  });

  it('refuses an expired token, saying so', async () => {
    const token = jwt.sign({ roles: ['agent'] }, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: -10 });
    expect((await refusal(verify(token))).message).toBe('token has expired');
  });

  it('refuses a token signed with another secret', async () => {
    const token = signDevelopmentToken({ sub: 'u1', roles: ['admin'] }, { secret: `${SECRET}-other` });
    expect((await refusal(verify(token))).message).toBe('token signature or claims are invalid');
  });

  it('refuses a token with the development secret when another secret is configured', async () => {
    await refusal(verify(signDevelopmentToken({ sub: 'u1', roles: ['admin'] })));
  });

  it('refuses a token without a subject', async () => {
    const token = jwt.sign({ roles: ['agent'] }, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect((await refusal(verify(token))).message).toBe('token has no subject (sub)');
  });

  it('refuses unsigned tokens and other algorithms', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'u1', roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    await refusal(verify(unsigned));
    await refusal(verify(jwt.sign({ roles: ['admin'] }, SECRET, { algorithm: 'HS512', subject: 'u1', expiresIn: 60 })));
    await refusal(verify('not-a-token'));
    await refusal(verify(''));
  });

  it('keeps only known roles and ignores roles that are not strings', async () => {
    const token = jwt.sign({ roles: ['agent', 'superuser', 'ADMIN', 42, { admin: true }, 'analyst'] }, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: 60 });
    await expect(verify(token)).resolves.toEqual({ userId: 'u1', roles: ['agent', 'analyst'], name: undefined });
  });

  it('refuses a token without a role Carebridge knows, whether the claim is missing, not a list or only unknown roles', async () => {
    const missing = jwt.sign({}, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: 60 });
    const text = jwt.sign({ roles: 'admin' }, SECRET, { algorithm: 'HS256', subject: 'u2', expiresIn: 60 });
    const unknown = jwt.sign({ roles: ['superuser', 'ADMIN'] }, SECRET, { algorithm: 'HS256', subject: 'u3', expiresIn: 60 });
    for (const token of [missing, text, unknown]) expect((await refusal(verify(token))).message).toBe('token carries no known role');
  });

  it('ignores a name that is not a string', async () => {
    const token = jwt.sign({ roles: ['agent'], name: { first: 'x' } }, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: 60 });
    await expect(verify(token)).resolves.toEqual({ userId: 'u1', roles: ['agent'], name: undefined });
  });

  it('refuses a token without an expiry', async () => {
    const token = jwt.sign({ roles: ['agent'] }, SECRET, { algorithm: 'HS256', subject: 'u1' });
    expect((await refusal(verify(token))).message).toBe('token has no expiry (exp)');
  });

  it('refuses a token living longer than the maximum, 12 hours unless configured', async () => {
    const long = jwt.sign({ roles: ['agent'] }, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: 12 * 3600 + 60 });
    expect((await refusal(verify(long))).message).toBe('token lives longer than the 43200 s allowed');
    const noIat = jwt.sign({ roles: ['agent'], exp: Math.floor(Date.now() / 1000) + 13 * 3600 }, SECRET, { algorithm: 'HS256', subject: 'u1', noTimestamp: true });
    await refusal(verify(noIat));
    const hourly = createTokenVerifier({ kind: 'hs256', secret: SECRET, maxLifetimeSeconds: 3600 });
    await refusal(hourly(signDevelopmentToken({ sub: 'u1', roles: ['agent'] }, { secret: SECRET, expiresInSeconds: 7200 })));
    await expect(hourly(signDevelopmentToken({ sub: 'u1', roles: ['agent'] }, { secret: SECRET, expiresInSeconds: 3600 }))).resolves.toMatchObject({ userId: 'u1' });
  });

  it.each([['a newline', 'u1\nadmin'], ['a NUL', 'u\u00001'], ['an escape', 'u\u001b[31m'], ['a C1 control', 'u\u00851'], ['too much', 'u'.repeat(257)]])(
    'refuses a subject with %s',
    async (_label, sub) => {
      const token = jwt.sign({ roles: ['agent'] }, SECRET, { algorithm: 'HS256', subject: sub, expiresIn: 60 });
      expect((await refusal(verify(token))).message).toBe('token subject (sub) holds control characters or is too long');
    },
  );

  describe('with an issuer and an audience', () => {
    const strict = createTokenVerifier({ kind: 'hs256', secret: SECRET, issuer: 'https://id.carebridge.test', audience: 'carebridge-api' });
    const sign = (options: { issuer?: string; audience?: string }) => signDevelopmentToken({ sub: 'u1', roles: ['agent'] }, { secret: SECRET, ...options });

    it('accepts a token from that issuer for that audience', async () => {
      await expect(strict(sign({ issuer: 'https://id.carebridge.test', audience: 'carebridge-api' }))).resolves.toMatchObject({ userId: 'u1' });
    });

    it.each([
      ['another issuer', { issuer: 'https://evil.test', audience: 'carebridge-api' }],
      ['another audience', { issuer: 'https://id.carebridge.test', audience: 'another-api' }],
      ['no issuer', { audience: 'carebridge-api' }],
      ['no audience', { issuer: 'https://id.carebridge.test' }],
    ])('refuses a token with %s', async (_label, options) => {
      expect((await refusal(strict(sign(options)))).message).toBe('token signature or claims are invalid');
    });
  });
});

describe('the RS256 verifier with keys from a JWKS URL', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });

  let server: Server;
  let jwksUrl: string;
  let jwksRequests = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') {
        response.statusCode = 404;
        response.end();
        return;
      }
      jwksRequests += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk(signing.publicKey, 'key-1'), jwk(rotated.publicKey, 'key-2')] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    jwksRequests = 0;
  });

  const sign = (privateKey: KeyObject, kid: string | undefined, claims: object = { roles: ['complaint_specialist'], name: '李伟' }, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, privateKey, { algorithm: 'RS256', subject: 'specialist-1', expiresIn: 300, ...(kid ? { keyid: kid } : {}), ...options });

  it('verifies a token signed with a published key, fetching each key once', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    await expect(verify(sign(signing.privateKey, 'key-1'))).resolves.toEqual({ userId: 'specialist-1', roles: ['complaint_specialist'], name: '李伟' });
    await expect(verify(sign(rotated.privateKey, 'key-2'))).resolves.toMatchObject({ userId: 'specialist-1' });
    await expect(verify(sign(signing.privateKey, 'key-1', { roles: ['agent'] }))).resolves.toMatchObject({ roles: ['agent'] });
    await expect(verify(sign(rotated.privateKey, 'key-2'))).resolves.toMatchObject({ userId: 'specialist-1' });
    expect(jwksRequests).toBe(2);
  });

  it('refuses a token whose kid is not published', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    expect((await refusal(verify(sign(stranger.privateKey, 'key-unknown')))).message).toBe('token is signed with an unknown key');
  });

  it('refuses a token without a kid when several keys are published', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    expect((await refusal(verify(sign(signing.privateKey, undefined)))).message).toBe('token is signed with an unknown key');
  });

  it('refuses a token signed with another key under a published kid', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    expect((await refusal(verify(sign(stranger.privateKey, 'key-1')))).message).toBe('token signature or claims are invalid');
  });

  it('refuses an HS256 token made with the public key as its secret (algorithm confusion)', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    const publicPem = signing.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })}.${base64url({ sub: 'intruder', roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 60 })}`;
    const forged = `${unsigned}.${createHmac('sha256', publicPem).update(unsigned).digest('base64url')}`;
    await refusal(verify(forged));
  });

  it('refuses an expired token and what is not a JWT', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    expect((await refusal(verify(sign(signing.privateKey, 'key-1', { roles: [] }, { expiresIn: -5 })))).message).toBe('token has expired');
    expect((await refusal(verify('garbage'))).message).toBe('token is not a JWT');
  });

  it('enforces the issuer and the audience', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl, issuer: 'https://id.airline.test', audience: 'carebridge' });
    await expect(verify(sign(signing.privateKey, 'key-1', { roles: ['agent'] }, { issuer: 'https://id.airline.test', audience: 'carebridge' }))).resolves.toMatchObject({
      userId: 'specialist-1',
    });
    await refusal(verify(sign(signing.privateKey, 'key-1', { roles: ['agent'] }, { issuer: 'https://other.test', audience: 'carebridge' })));
    await refusal(verify(sign(signing.privateKey, 'key-1', { roles: ['agent'] }, { issuer: 'https://id.airline.test', audience: 'other' })));
  });

  it('refuses a token without a subject', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl });
    const token = jwt.sign({ roles: ['agent'] }, signing.privateKey, { algorithm: 'RS256', keyid: 'key-1', expiresIn: 60 });
    expect((await refusal(verify(token))).message).toBe('token has no subject (sub)');
  });

  it('refuses tokens (rather than failing otherwise) when the JWKS URL cannot be reached', async () => {
    const verify = createTokenVerifier({ kind: 'jwks', jwksUrl: jwksUrl.replace('/.well-known/jwks.json', '/missing.json') });
    await refusal(verify(sign(signing.privateKey, 'key-1')));
  });
});

describe('the cache of verified tokens', () => {
  // Only the clock is faked: expiry is read from Date.now(), and the test servers need real timers.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'performance', 'hrtime'] }));
  afterEach(() => jest.useRealTimers());

  const signAt = (claims: object, expiresIn: number) => jwt.sign({ roles: ['agent'], ...claims }, SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn });

  it('serves a verified token again without checking its signature, and a changed token never', async () => {
    const verify = createTokenVerifier({ kind: 'hs256', secret: SECRET });
    const token = signAt({}, 600);
    const spy = jest.spyOn(jwt, 'verify');
    await verify(token);
    await verify(token);
    await expect(verify(token)).resolves.toEqual({ userId: 'u1', roles: ['agent'], name: undefined });
    expect(spy).toHaveBeenCalledTimes(1);
    const [header, payload] = token.split('.');
    const tampered = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await refusal(verify(tampered))).message).toBe('token signature or claims are invalid');
    spy.mockRestore();
  });

  it('does not serve a token from the cache once it has expired', async () => {
    const verify = createTokenVerifier({ kind: 'hs256', secret: SECRET }, { maxAgeMs: 3_600_000 });
    const token = signAt({}, 30);
    await expect(verify(token)).resolves.toMatchObject({ userId: 'u1' });
    jest.setSystemTime(Date.now() + 29_000);
    await expect(verify(token)).resolves.toMatchObject({ userId: 'u1' });
    jest.setSystemTime(Date.now() + 1_000);
    expect((await refusal(verify(token))).message).toBe('token has expired');
  });

  it('holds at most its number of tokens, checking again those it has dropped', async () => {
    const verify = createTokenVerifier({ kind: 'hs256', secret: SECRET }, { maxEntries: 2 });
    const tokens = ['a', 'b', 'c'].map((name) => signAt({ name }, 600));
    const spy = jest.spyOn(jwt, 'verify');
    for (const token of tokens) await verify(token);
    await verify(tokens[2]);
    await verify(tokens[1]);
    expect(spy).toHaveBeenCalledTimes(3);
    await verify(tokens[0]);
    expect(spy).toHaveBeenCalledTimes(4);
    spy.mockRestore();
  });

  it('checks every time when turned off', async () => {
    const verify = createTokenVerifier({ kind: 'hs256', secret: SECRET }, { maxEntries: 0 });
    const token = signAt({}, 600);
    const spy = jest.spyOn(jwt, 'verify');
    await verify(token);
    await verify(token);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  describe('with keys from a JWKS URL', () => {
    const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid: 'key-1', alg: 'RS256', use: 'sig' };
    let published = [jwk];
    let server: Server;
    let jwksUrl: string;

    beforeAll(async () => {
      server = createServer((_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: published }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('stops accepting a token whose signing key was withdrawn (revoked) once the cache age has passed', async () => {
      const verify = createTokenVerifier({ kind: 'jwks', jwksUrl }, { maxAgeMs: 60_000 });
      const token = jwt.sign({ roles: ['agent'] }, signing.privateKey, { algorithm: 'RS256', subject: 'u1', keyid: 'key-1', expiresIn: 3600 });
      await expect(verify(token)).resolves.toMatchObject({ userId: 'u1' });
      published = [];
      jest.setSystemTime(Date.now() + 30_000);
      await expect(verify(token)).resolves.toMatchObject({ userId: 'u1' });
      jest.setSystemTime(Date.now() + 31_000);
      expect((await refusal(verify(token))).message).toBe('token is signed with an unknown key');
    });
  });
});
