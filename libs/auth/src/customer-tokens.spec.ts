import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { createCallerVerifier, signDevelopmentCustomerToken } from './customer-tokens';
import { createTokenVerifier, InvalidTokenError, signDevelopmentToken } from './tokens';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const CUSTOMER_ID = '5b0c7a8e-1d2f-4e3a-9b4c-6d7e8f9a0b1c';
const staff = createTokenVerifier({ kind: 'hs256', secret: SECRET });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('customer tokens in development', () => {
  const verify = createCallerVerifier(staff);

  it('make a customer caller whose user id is the crm customer id', async () => {
    await expect(verify(signDevelopmentCustomerToken(CUSTOMER_ID, { secret: SECRET }))).resolves.toEqual({ userId: CUSTOMER_ID, roles: ['customer'] });
    expect(jwt.decode(signDevelopmentCustomerToken(CUSTOMER_ID))).toMatchObject({ sub: CUSTOMER_ID, roles: ['customer'] });
  });

  it('leave staff tokens as they are', async () => {
    await expect(verify(signDevelopmentToken({ sub: 'agent-7', roles: ['agent'], name: 'Ana' }, { secret: SECRET }))).resolves.toEqual({ userId: 'agent-7', roles: ['agent'], name: 'Ana' });
  });

  it('refuse the customer role mixed with a staff role, and a subject that is no crm id', async () => {
    expect(await refusal(verify(signDevelopmentToken({ sub: CUSTOMER_ID, roles: ['customer', 'admin'] }, { secret: SECRET })))).toBe('a customer token carries no other role');
    expect(await refusal(verify(signDevelopmentToken({ sub: 'dev-customer', roles: ['customer'] }, { secret: SECRET })))).toMatch(/crm customer id/);
  });

  it('refuse what the staff verifier refuses', async () => {
    await refusal(verify(signDevelopmentCustomerToken(CUSTOMER_ID, { secret: `${SECRET}-other` })));
    await refusal(verify(signDevelopmentCustomerToken(CUSTOMER_ID, { secret: SECRET, expiresInSeconds: -10 })));
  });
});

describe("customer tokens from the company's customer identity provider", () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ISSUER = 'https://login.travel.test';
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'c-1', alg: 'RS256', use: 'sig' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, keys.privateKey, { algorithm: 'RS256', keyid: 'c-1', subject: CUSTOMER_ID, issuer: ISSUER, audience: 'customer-apps', expiresIn: 300, ...options });

  it('become customer callers, whatever roles they claim', async () => {
    const verify = createCallerVerifier(staff, { jwksUrl, issuer: ISSUER, audience: 'customer-apps' });
    await expect(verify(sign({ roles: ['admin'], name: 'Lucía' }))).resolves.toEqual({ userId: CUSTOMER_ID, roles: ['customer'] });
  });

  it('are refused for another audience, and staff tokens still pass the staff verifier', async () => {
    const verify = createCallerVerifier(staff, { jwksUrl, issuer: ISSUER, audience: 'customer-apps' });
    await refusal(verify(sign({}, { audience: 'another-app' })));
    await expect(verify(signDevelopmentToken({ sub: 'agent-7', roles: ['agent'] }, { secret: SECRET }))).resolves.toMatchObject({ userId: 'agent-7', roles: ['agent'] });
  });
});
