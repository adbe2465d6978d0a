import { createCallerVerifier, type CustomerIdentityProvider, type Identity, isCustomerCaller, type TokenVerification, createTokenVerifier } from '@carebridge/auth';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import { isAllowedForCustomer, NON_STAFF_OPERATIONS } from './anonymous-operations';
import type { DocumentNode } from 'graphql';

/**
 * The company's customer identity provider, when customer apps sign customers in with it:
 * CUSTOMER_TOKEN_JWKS_URL and CUSTOMER_TOKEN_ISSUER together (its tokens are told apart from staff
 * tokens by their issuer), CUSTOMER_TOKEN_AUDIENCE optionally. Without them, customer tokens are
 * the staff identity provider's tokens with the role `customer` (in development:
 * `npm run token -- --customer <crm id>`).
 */
export function customerIdentityProvider(env: Environment): CustomerIdentityProvider | undefined {
  const s = loadConfig(
    {
      CUSTOMER_TOKEN_JWKS_URL: setting.url(['https', 'http']).optional(),
      CUSTOMER_TOKEN_ISSUER: z.string().min(1, 'must not be empty').optional(),
      CUSTOMER_TOKEN_AUDIENCE: z.string().min(1, 'must not be empty').optional(),
    },
    env,
  );
  if (!s.CUSTOMER_TOKEN_JWKS_URL && !s.CUSTOMER_TOKEN_ISSUER) return undefined;
  if (!s.CUSTOMER_TOKEN_JWKS_URL || !s.CUSTOMER_TOKEN_ISSUER) {
    throw new ConfigurationError(['CUSTOMER_TOKEN_JWKS_URL and CUSTOMER_TOKEN_ISSUER: set both (the customer identity provider is known by its issuer) or neither']);
  }
  return { jwksUrl: s.CUSTOMER_TOKEN_JWKS_URL, issuer: s.CUSTOMER_TOKEN_ISSUER, audience: s.CUSTOMER_TOKEN_AUDIENCE };
}

/** The gateway's verifier of bearer tokens: staff tokens as configured, customer tokens as above. */
export function callerVerifier(staffTokens: TokenVerification, env: Environment): (token: string) => Promise<Identity> {
  return createCallerVerifier(createTokenVerifier(staffTokens), customerIdentityProvider(env));
}

/**
 * Why a verified caller may not run this document, or undefined when it may: staff may run any
 * (each resolver checks their roles), a customer only the customer-facing operations.
 */
export function customerRefusal(identity: Identity, document: DocumentNode): string | undefined {
  if (!isCustomerCaller(identity) || isAllowedForCustomer(document)) return undefined;
  return `A customer token runs only the customer-facing operations, one at a time: ${NON_STAFF_OPERATIONS.map((o) => o.field).join(', ')}`;
}
