import jwt from 'jsonwebtoken';
import { CUSTOMER_ROLE, type Identity } from './roles';
import { createTokenVerifier, InvalidTokenError, signDevelopmentToken } from './tokens';

/**
 * Customer tokens: bearer tokens of a customer signed in to a customer app. Their subject is the
 * customer's crm id and their one role is `customer`.
 *
 * - Development: `npm run token -- --customer <crm id>` signs one with the development secret, like
 *   staff tokens.
 * - Production: the company's customer identity provider (the login of its website and apps) issues
 *   them, RS256 with keys at CUSTOMER_TOKEN_JWKS_URL, from CUSTOMER_TOKEN_ISSUER (and for
 *   CUSTOMER_TOKEN_AUDIENCE), with the crm customer id as `sub`. Every token of that issuer is a
 *   customer token, whatever roles it claims: a customer login never grants a staff role.
 */
export interface CustomerIdentityProvider {
  jwksUrl: string;
  issuer: string;
  audience?: string;
}

/** crm's customer ids are UUIDs; a customer token naming anything else names no customer. */
const CUSTOMER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function signDevelopmentCustomerToken(customerId: string, options: { secret?: string; expiresInSeconds?: number } = {}): string {
  return signDevelopmentToken({ sub: customerId, roles: [CUSTOMER_ROLE] }, options);
}

/**
 * The gateway's one verifier for staff and customer tokens. A token of the customer identity
 * provider becomes a customer caller; any other token is verified as a staff token, and if it
 * claims the customer role it must claim nothing else. A customer caller's user id is a crm id.
 */
export function createCallerVerifier(verifyStaffToken: (token: string) => Promise<Identity>, customers?: CustomerIdentityProvider): (token: string) => Promise<Identity> {
  const verifyCustomerToken = customers && createTokenVerifier({ kind: 'jwks', jwksUrl: customers.jwksUrl, issuer: customers.issuer, audience: customers.audience });
  return async (token) => {
    if (verifyCustomerToken && issuerOf(token) === customers.issuer) {
      return customerCaller((await verifyCustomerToken(token)).userId);
    }
    const identity = await verifyStaffToken(token);
    if (!identity.roles.includes(CUSTOMER_ROLE)) return identity;
    if (identity.roles.length > 1) throw new InvalidTokenError('a customer token carries no other role');
    return customerCaller(identity.userId);
  };
}

function customerCaller(customerId: string): Identity {
  if (!CUSTOMER_ID.test(customerId)) throw new InvalidTokenError('a customer token names a crm customer id as its subject (sub)');
  // No name: a customer's name is personal data the subgraphs have from crm where they need it.
  return { userId: customerId.toLowerCase(), roles: [CUSTOMER_ROLE] };
}

function issuerOf(token: string): string | undefined {
  const payload = jwt.decode(token);
  return payload && typeof payload === 'object' && typeof payload.iss === 'string' ? payload.iss : undefined;
}
