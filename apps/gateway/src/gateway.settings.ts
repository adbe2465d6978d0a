import { DEVELOPMENT_JWT_SECRET, developmentSubgraphSecret, type TokenVerification } from '@carebridge/auth';
import { envName, GATEWAY_DEFAULT_PORT, loadConfig, MIN_SECRET_BYTES, productionSecretProblems, setting, SUBGRAPHS, type Environment, ConfigurationError } from '@carebridge/config';
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
  if (env.SUPERGRAPH_FILE && env.SUPERGRAPH_URL) problems.push('SUPERGRAPH_FILE and SUPERGRAPH_URL: set one of them, not both');
  if (production && !env.JWKS_URL && !env.JWT_SECRET) problems.push('JWKS_URL: must be set in production (or JWT_SECRET for HS256 tokens)');
  if (production && env.JWT_SECRET) problems.push(...productionSecretProblems('JWT_SECRET', env.JWT_SECRET));
  if (base && base.TRUSTED_DOCUMENTS !== 'off' && base.TRUSTED_DOCUMENTS_MANIFESTS.length === 0) {
    problems.push(`TRUSTED_DOCUMENTS_MANIFESTS: must name at least one manifest file when TRUSTED_DOCUMENTS is ${base.TRUSTED_DOCUMENTS}`);
  }

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
    if (secret && production) problems.push(...productionSecretProblems(`${prefix}_SECRET`, secret));
    return { name: subgraph.name, url, urlFromEnvironment: Boolean(env[`${prefix}_URL`]), secret: secret || developmentSubgraphSecret(subgraph.name) };
  });
  if (!base || problems.length) throw new ConfigurationError(problems);

  const maxLifetimeSeconds = base.TOKEN_MAX_LIFETIME_MINUTES * 60;
  const verification: TokenVerification = base.JWKS_URL
    ? { kind: 'jwks', jwksUrl: base.JWKS_URL, issuer: base.JWT_ISSUER, audience: base.JWT_AUDIENCE, maxLifetimeSeconds }
    : { kind: 'hs256', secret: base.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, issuer: base.JWT_ISSUER, audience: base.JWT_AUDIENCE, maxLifetimeSeconds };
  return { ...base, production, subgraphs, verification };
}

/** The trusted-documents modes (trusted-documents.ts). */
export const TRUSTED_DOCUMENT_MODES = ['off', 'allow-listed-plus-ad-hoc-for-staff', 'required'] as const;
export type TrustedDocumentMode = (typeof TRUSTED_DOCUMENT_MODES)[number];

function loadBase(env: Environment) {
  return loadConfig(
    {
      NODE_ENV: setting.nodeEnv(),
      LOG_LEVEL: setting.logLevel(),
      HOST: z.string().default('127.0.0.1'),
      PORT: setting.port(GATEWAY_DEFAULT_PORT),
      // The composed supergraph (production): a file, or a registry URL answering its text; neither: compose from the running subgraphs.
      SUPERGRAPH_FILE: z.string().optional(),
      SUPERGRAPH_URL: setting.url(['https', 'http']).optional(),
      // How often the source is read again and a changed supergraph swapped in (supergraph-reload.ts); 0: never.
      SUPERGRAPH_POLL_INTERVAL_MS: setting.milliseconds(0),
      JWT_SECRET: z.string().refine((secret) => Buffer.byteLength(secret, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`).optional(),
      JWKS_URL: setting.url(['https', 'http']).optional(),
      JWT_ISSUER: z.string().optional(),
      JWT_AUDIENCE: z.string().optional(),
      SUBGRAPH_TIMEOUT_MS: setting.positiveInt(5_000),
      // The limits of one operation (operation-limits.ts); each is refused with HTTP 400 naming the setting.
      MAX_QUERY_DEPTH: setting.positiveInt(12),
      MAX_ALIASES: setting.positiveInt(15),
      MAX_QUERY_COST: setting.positiveInt(20_000),
      MAX_DIRECTIVES: setting.positiveInt(20),
      MAX_TOKENS: setting.positiveInt(3_000),
      MAX_BODY_BYTES: setting.positiveInt(1_000_000),
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: setting.positiveInt(30),
      TOKEN_MAX_LIFETIME_MINUTES: setting.positiveInt(12 * 60),
      /** Browser origins allowed to call the gateway (`https://desk.example.com`); none by default. */
      CORS_ALLOWED_ORIGINS: setting.list().default([]).pipe(z.array(setting.url(['https', 'http']))),
      TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENT_MODES, { message: `must be one of ${TRUSTED_DOCUMENT_MODES.join(', ')}` }).default('off'),
      /** Manifest files written by `npm run trusted-documents` (one per client app), comma-separated. */
      TRUSTED_DOCUMENTS_MANIFESTS: setting.list().default([]),
      SHUTDOWN_TIMEOUT_MS: setting.milliseconds(10_000),
    },
    env,
  );
}

export type GatewaySettings = ReturnType<typeof gatewaySettings>;
