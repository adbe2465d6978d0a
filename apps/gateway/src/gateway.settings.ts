import { DEVELOPMENT_JWT_SECRET, developmentSubgraphSecret, type TokenVerification } from '@carebridge/auth';
import { envName, GATEWAY_DEFAULT_PORT, loadConfig, setting, SUBGRAPHS, type Environment, ConfigurationError } from '@carebridge/config';
import { z } from 'zod';

export interface SubgraphEndpoint {
  name: string;
  url: string;
  /** Whether SUBGRAPH_<NAME>_URL set `url`; otherwise it is the default, and a supergraph file's URL wins. */
  urlFromEnvironment: boolean;
  secret: string;
}

export function gatewaySettings(env: Environment) {
  const problems: string[] = [];
  let base: ReturnType<typeof loadBase> | undefined;
  try {
    base = loadBase(env);
  } catch (error) {
    // Reported together with the checks below, so that one error names every bad variable.
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  const production = (base?.NODE_ENV ?? env.NODE_ENV) === 'production';
  if (env.JWT_SECRET && env.JWKS_URL) problems.push('JWT_SECRET and JWKS_URL: set one of them, not both');
  if (production && !env.JWKS_URL && !env.JWT_SECRET) problems.push('JWKS_URL: must be set in production (or JWT_SECRET for HS256 tokens)');

  const subgraphs: SubgraphEndpoint[] = SUBGRAPHS.map((subgraph) => {
    const prefix = `SUBGRAPH_${envName(subgraph.name)}`;
    const url = env[`${prefix}_URL`] || `http://127.0.0.1:${subgraph.defaultPort}/graphql`;
    try {
      if (!['http:', 'https:'].includes(new URL(url).protocol)) throw new Error();
    } catch {
      problems.push(`${prefix}_URL: must be an http:// or https:// URL (got "${url}")`);
    }
    const secret = env[`${prefix}_SECRET`];
    if (!secret && production) problems.push(`${prefix}_SECRET: must be set in production (the secret this subgraph expects)`);
    return { name: subgraph.name, url, urlFromEnvironment: Boolean(env[`${prefix}_URL`]), secret: secret || developmentSubgraphSecret(subgraph.name) };
  });
  if (!base || problems.length) throw new ConfigurationError(problems);

  const verification: TokenVerification = base.JWKS_URL
    ? { kind: 'jwks', jwksUrl: base.JWKS_URL, issuer: base.JWT_ISSUER, audience: base.JWT_AUDIENCE }
    : { kind: 'hs256', secret: base.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, issuer: base.JWT_ISSUER, audience: base.JWT_AUDIENCE };
  return { ...base, production, subgraphs, verification };
}

function loadBase(env: Environment) {
  return loadConfig(
    {
      NODE_ENV: setting.nodeEnv(),
      LOG_LEVEL: setting.logLevel(),
      HOST: z.string().default('127.0.0.1'),
      PORT: setting.port(GATEWAY_DEFAULT_PORT),
      SUPERGRAPH_FILE: z.string().optional(),
      SUPERGRAPH_POLL_INTERVAL_MS: setting.milliseconds(0),
      JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
      JWKS_URL: setting.url(['https', 'http']).optional(),
      JWT_ISSUER: z.string().optional(),
      JWT_AUDIENCE: z.string().optional(),
      SUBGRAPH_TIMEOUT_MS: setting.positiveInt(5_000),
      MAX_QUERY_DEPTH: setting.positiveInt(12),
      MAX_BODY_BYTES: setting.positiveInt(1_000_000),
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: setting.positiveInt(30),
      SHUTDOWN_TIMEOUT_MS: setting.milliseconds(10_000),
    },
    env,
  );
}

export type GatewaySettings = ReturnType<typeof gatewaySettings>;
