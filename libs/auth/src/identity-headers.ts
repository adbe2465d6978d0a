import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Identity, isRole } from './roles';

/**
 * Headers the gateway sets on every subgraph request. Whatever a client sends under these names
 * is dropped by the gateway; a subgraph believes them only next to its own shared secret.
 */
export const IDENTITY_HEADERS = {
  userId: 'x-carebridge-user-id',
  roles: 'x-carebridge-user-roles',
  name: 'x-carebridge-user-name',
  secret: 'x-carebridge-subgraph-secret',
  requestId: 'x-request-id',
} as const;

/** A client's request id is kept only as a short token of safe characters: it goes into headers and log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's request id when it is a safe short token, otherwise a fresh one. */
export function acceptedRequestId(given: string | undefined, fresh: () => string): string {
  return given && SAFE_REQUEST_ID.test(given) ? given : fresh();
}

export function identityToHeaders(identity: Identity): Record<string, string> {
  const headers: Record<string, string> = {
    [IDENTITY_HEADERS.userId]: identity.userId,
    [IDENTITY_HEADERS.roles]: identity.roles.join(','),
  };
  // Names may hold any Unicode; headers may not.
  if (identity.name) headers[IDENTITY_HEADERS.name] = encodeURIComponent(identity.name);
  return headers;
}

export function identityFromHeaders(get: (name: string) => string | undefined): Identity | undefined {
  const userId = get(IDENTITY_HEADERS.userId);
  if (!userId) return undefined;
  const roles = (get(IDENTITY_HEADERS.roles) ?? '').split(',').map((r) => r.trim()).filter(isRole);
  const rawName = get(IDENTITY_HEADERS.name);
  let name: string | undefined;
  try {
    name = rawName ? decodeURIComponent(rawName) : undefined;
  } catch {
    name = undefined;
  }
  return { userId, roles, name };
}

/**
 * In development and tests each subgraph's secret is derived from a fixed seed and its name, so a
 * service started alone still talks to a local gateway. Production sets every secret explicitly.
 */
const DEVELOPMENT_SECRET_SEED = 'carebridge-development-only';

export function developmentSubgraphSecret(subgraphName: string): string {
  return createHmac('sha256', DEVELOPMENT_SECRET_SEED).update(subgraphName).digest('hex');
}

export function secretsMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
