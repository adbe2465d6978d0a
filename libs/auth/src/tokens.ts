import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { LRUCache } from 'lru-cache';
import { type Identity, type Role, isRole } from './roles';

/**
 * Bearer tokens: HS256 with a shared secret in development, RS256 with keys from a JWKS URL in
 * production. Claims: `sub` (user id), `roles` (string array), optional `name`.
 */
export type TokenVerification = (
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string }
) & {
  /** The longest a token may live, from `iat` (or from now, without one) to `exp`; 12 hours unless set. */
  maxLifetimeSeconds?: number;
};

/** A token that never expires, or lives for days, is a stolen credential that keeps working: refused. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** A user id fit for a header and a log line: no control character (C0, DEL, C1), at most 256 characters. */
function isFitSubject(sub: string): boolean {
  if (sub.length > 256) return false;
  for (let i = 0; i < sub.length; i += 1) {
    const code = sub.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

export interface TokenCacheOptions {
  /** How many verified tokens are remembered at most; the least recently used go first. 0 turns the cache off. */
  maxEntries?: number;
  /**
   * The longest one verification is reused, however far away the token's expiry. The JWKS keys are
   * re-read as often, so a signing key withdrawn from the JWKS stops being accepted within this time.
   */
  maxAgeMs?: number;
}

export const DEFAULT_TOKEN_CACHE: Required<TokenCacheOptions> = { maxEntries: 10_000, maxAgeMs: 60_000 };

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

export const DEVELOPMENT_JWT_SECRET = 'carebridge-development-jwt-secret-change-me';

export function signDevelopmentToken(
  claims: { sub: string; roles: Role[]; name?: string },
  options: { secret?: string; expiresInSeconds?: number; issuer?: string; audience?: string } = {},
): string {
  return jwt.sign({ roles: claims.roles, name: claims.name }, options.secret ?? DEVELOPMENT_JWT_SECRET, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn: options.expiresInSeconds ?? 12 * 3600,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  });
}

interface VerifiedToken {
  identity: Identity;
  /** Epoch ms after which the entry must not be served: the token's expiry or the cache's age limit, whichever is first. */
  reusableUntil: number;
}

export function createTokenVerifier(verification: TokenVerification, cacheOptions: TokenCacheOptions = {}): (token: string) => Promise<Identity> {
  const { maxEntries, maxAgeMs } = { ...DEFAULT_TOKEN_CACHE, ...cacheOptions };
  const common = {
    ...(verification.issuer ? { issuer: verification.issuer } : {}),
    ...(verification.audience ? { audience: verification.audience } : {}),
  };
  const maxLifetimeSeconds = verification.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const checkedOnce = verification.kind === 'hs256' ? hs256Verifier(verification.secret, common) : jwksVerifier(verification.jwksUrl, common, maxAgeMs);
  const verifyOnce: VerifyOnce = async (token) => identified(await checkedOnce(token), maxLifetimeSeconds);
  if (maxEntries === 0) return async (token) => (await verifyOnce(token)).identity;

  const verified = new LRUCache<string, VerifiedToken>({ max: maxEntries });
  return async (token) => {
    // Expiry is checked here against Date.now() rather than with the cache's own TTL clock, so that it
    // is exactly the token's `exp` (jsonwebtoken reads Date.now() too).
    const cached = verified.get(token);
    if (cached && cached.reusableUntil > Date.now()) return cached.identity;
    if (cached) verified.delete(token);
    const { identity, expiresAtMs } = await verifyOnce(token);
    verified.set(token, { identity, reusableUntil: Math.min(expiresAtMs ?? Infinity, Date.now() + maxAgeMs) });
    return identity;
  };
}

type VerifyOnce = (token: string) => Promise<{ identity: Identity; expiresAtMs?: number }>;
type CheckOnce = (token: string) => Promise<JwtPayload>;

function hs256Verifier(secret: string, common: jwt.VerifyOptions): CheckOnce {
  // A KeyObject prepared once: given the string, jsonwebtoken would first try (and fail) to read it as a public key on every check.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const options: jwt.VerifyOptions = { ...common, algorithms: ['HS256'] };
  return async (token) => verifyWith(token, key, options);
}

function jwksVerifier(jwksUrl: string, common: jwt.VerifyOptions, maxAgeMs: number): CheckOnce {
  const jwks = new JwksClient({ jwksUri: jwksUrl, cache: true, cacheMaxAge: maxAgeMs, rateLimit: true, jwksRequestsPerMinute: 10 });
  // The PEM jwks-rsa hands out, read into a KeyObject once per key.
  const publicKeys = new LRUCache<string, KeyObject>({ max: 16 });
  const options: jwt.VerifyOptions = { ...common, algorithms: ['RS256'] };
  return async (token) => {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded === 'string') throw new InvalidTokenError('token is not a JWT');
    let pem: string;
    try {
      pem = (await jwks.getSigningKey(decoded.header.kid)).getPublicKey();
    } catch {
      throw new InvalidTokenError('token is signed with an unknown key');
    }
    let key = publicKeys.get(pem);
    if (!key) publicKeys.set(pem, (key = createPublicKey(pem)));
    return verifyWith(token, key, options);
  };
}

function identified(payload: JwtPayload, maxLifetimeSeconds: number): { identity: Identity; expiresAtMs: number } {
  if (typeof payload.exp !== 'number') throw new InvalidTokenError('token has no expiry (exp)');
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
  if (payload.exp - issuedAt > maxLifetimeSeconds) throw new InvalidTokenError(`token lives longer than the ${maxLifetimeSeconds} s allowed`);
  return { identity: toIdentity(payload), expiresAtMs: payload.exp * 1000 };
}

function verifyWith(token: string, key: KeyObject, options: jwt.VerifyOptions): JwtPayload {
  try {
    const payload = jwt.verify(token, key, options);
    if (typeof payload === 'string') throw new InvalidTokenError('token payload is not an object');
    return payload;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'token has expired' : 'token signature or claims are invalid');
  }
}

function toIdentity(payload: JwtPayload): Identity {
  if (!payload.sub) throw new InvalidTokenError('token has no subject (sub)');
  if (!isFitSubject(payload.sub)) throw new InvalidTokenError('token subject (sub) holds control characters or is too long');
  const claimed = Array.isArray(payload.roles) ? (payload.roles as unknown[]) : [];
  const roles = claimed.filter((r): r is Role => typeof r === 'string' && isRole(r));
  // A bare @Authorized() admits any verified caller: a token with no role Carebridge knows must not become one.
  if (roles.length === 0) throw new InvalidTokenError('token carries no known role');
  return { userId: payload.sub, roles, name: typeof payload.name === 'string' ? payload.name : undefined };
}
