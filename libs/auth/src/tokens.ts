import jwt, { type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { type Identity, type Role, isRole } from './roles';

/**
 * Bearer tokens: HS256 with a shared secret in development, RS256 with keys from a JWKS URL in
 * production. Claims: `sub` (user id), `roles` (string array), optional `name`.
 */
export type TokenVerification =
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer?: string; audience?: string };

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

export function createTokenVerifier(verification: TokenVerification): (token: string) => Promise<Identity> {
  const common = {
    ...(verification.issuer ? { issuer: verification.issuer } : {}),
    ...(verification.audience ? { audience: verification.audience } : {}),
  };
  if (verification.kind === 'hs256') {
    return async (token) => toIdentity(verifyWith(token, verification.secret, { ...common, algorithms: ['HS256'] }));
  }
  const jwks = new JwksClient({ jwksUri: verification.jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 });
  return async (token) => {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded === 'string') throw new InvalidTokenError('token is not a JWT');
    let key: string;
    try {
      key = (await jwks.getSigningKey(decoded.header.kid)).getPublicKey();
    } catch {
      throw new InvalidTokenError('token is signed with an unknown key');
    }
    return toIdentity(verifyWith(token, key, { ...common, algorithms: ['RS256'] }));
  };
}

function verifyWith(token: string, key: string, options: jwt.VerifyOptions): JwtPayload {
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
  const claimed = Array.isArray(payload.roles) ? (payload.roles as unknown[]) : [];
  const roles = claimed.filter((r): r is Role => typeof r === 'string' && isRole(r));
  return { userId: payload.sub, roles, name: typeof payload.name === 'string' ? payload.name : undefined };
}
