import { DEVELOPMENT_JWT_SECRET, developmentSubgraphSecret } from '@carebridge/auth';
import { SUBGRAPHS } from './topology';

/** The shortest secret production accepts, in bytes: 256 bits, the size of the HMAC-SHA256 key. */
export const MIN_SECRET_BYTES = 32;

/**
 * Why production must not run with this secret: one every development machine knows (the
 * development JWT secret, or a subgraph secret derived from the development seed), or one too
 * short to resist guessing. The gateway and every subgraph check their secrets with this one rule;
 * the problem names the variable, never the value.
 */
export function productionSecretProblems(variable: string, secret: string): string[] {
  if (secret === DEVELOPMENT_JWT_SECRET) return [`${variable}: is the development secret; production needs its own`];
  if (SUBGRAPHS.some((subgraph) => developmentSubgraphSecret(subgraph.name) === secret)) {
    return [`${variable}: is derived from the development seed; production needs its own secret`];
  }
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) return [`${variable}: must be at least ${MIN_SECRET_BYTES} bytes in production`];
  return [];
}
