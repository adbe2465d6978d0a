import { DEVELOPMENT_JWT_SECRET, developmentSubgraphSecret } from '@carebridge/auth';
import { ConfigurationError, type Environment, envName, SUBGRAPHS } from '@carebridge/config';
import { gatewaySettings } from './gateway.settings';

const JWT_SECRET = 'j'.repeat(32);
/** SUBGRAPH_<NAME>_SECRET for every subgraph of the topology. */
const SECRETS: Record<string, string> = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret-`.padEnd(32, 's')]));
const secretMissing = (name: string) => `SUBGRAPH_${envName(name)}_SECRET: must be set in production (the secret this subgraph expects)`;

function problems(env: Environment): string[] {
  try {
    gatewaySettings(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('gatewaySettings', () => {
  it('runs in development with nothing set: development token secret, local subgraphs, derived secrets', () => {
    const settings = gatewaySettings({});
    expect(settings).toMatchObject({ NODE_ENV: 'development', production: false, HOST: '127.0.0.1', PORT: 4000, MAX_QUERY_DEPTH: 12, MAX_BODY_BYTES: 1_000_000, SUBGRAPH_TIMEOUT_MS: 5000 });
    expect(settings.verification).toEqual({ kind: 'hs256', secret: DEVELOPMENT_JWT_SECRET, issuer: undefined, audience: undefined, maxLifetimeSeconds: 12 * 3600 });
    expect(settings.subgraphs).toEqual(
      SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:${s.defaultPort}/graphql`, urlFromEnvironment: false, secret: developmentSubgraphSecret(s.name) })),
    );
    expect(settings.subgraphs.slice(0, 2)).toEqual([
      { name: 'crm', url: 'http://127.0.0.1:4001/graphql', urlFromEnvironment: false, secret: developmentSubgraphSecret('crm') },
      { name: 'complaint', url: 'http://127.0.0.1:4002/graphql', urlFromEnvironment: false, secret: developmentSubgraphSecret('complaint') },
    ]);
  });

  it('takes subgraph URLs and secrets from SUBGRAPH_<NAME>_URL and _SECRET', () => {
    const settings = gatewaySettings({ SUBGRAPH_CRM_URL: 'https://crm.internal/graphql', ...SECRETS });
    expect(settings.subgraphs[0]).toEqual({ name: 'crm', url: 'https://crm.internal/graphql', urlFromEnvironment: true, secret: SECRETS.SUBGRAPH_CRM_SECRET });
    expect(settings.subgraphs[1]).toMatchObject({ name: 'complaint', urlFromEnvironment: false, secret: SECRETS.SUBGRAPH_COMPLAINT_SECRET });
  });

  describe('in production', () => {
    it('needs a way to verify tokens and each subgraph’s secret, naming every missing variable', () => {
      expect(problems({ NODE_ENV: 'production' })).toEqual([
        'JWKS_URL: must be set in production (or JWT_SECRET for HS256 tokens)',
        ...SUBGRAPHS.map((s) => secretMissing(s.name)),
      ]);
      expect(problems({ NODE_ENV: 'production', JWT_SECRET, ...SECRETS, SUBGRAPH_COMPLAINT_SECRET: undefined })).toEqual([secretMissing('complaint')]);
    });

    it('treats empty variables as missing', () => {
      expect(problems({ NODE_ENV: 'production', JWKS_URL: '', ...SECRETS, SUBGRAPH_CRM_SECRET: '' })).toEqual([
        'JWKS_URL: must be set in production (or JWT_SECRET for HS256 tokens)',
        secretMissing('crm'),
      ]);
    });

    it('verifies RS256 tokens from JWKS_URL with the issuer and audience', () => {
      const settings = gatewaySettings({
        NODE_ENV: 'production',
        JWKS_URL: 'https://id.airline.example/.well-known/jwks.json',
        JWT_ISSUER: 'https://id.airline.example/',
        JWT_AUDIENCE: 'carebridge',
        ...SECRETS,
      });
      expect(settings.production).toBe(true);
      expect(settings.verification).toEqual({ kind: 'jwks', jwksUrl: 'https://id.airline.example/.well-known/jwks.json', issuer: 'https://id.airline.example/', audience: 'carebridge', maxLifetimeSeconds: 12 * 3600 });
    });

    it('verifies HS256 tokens with JWT_SECRET', () => {
      expect(gatewaySettings({ NODE_ENV: 'production', JWT_SECRET, ...SECRETS }).verification).toEqual({ kind: 'hs256', secret: JWT_SECRET, issuer: undefined, audience: undefined, maxLifetimeSeconds: 12 * 3600 });
    });
  });

  it('refuses JWT_SECRET and JWKS_URL together', () => {
    expect(problems({ JWT_SECRET, JWKS_URL: 'https://id.example/jwks.json' })).toEqual(['JWT_SECRET and JWKS_URL: set one of them, not both']);
  });

  it('reads the supergraph from a file or a registry URL, not both, and polls it as often as SUPERGRAPH_POLL_INTERVAL_MS says', () => {
    expect(gatewaySettings({ SUPERGRAPH_URL: 'https://registry.internal/carebridge/supergraph', SUPERGRAPH_POLL_INTERVAL_MS: '30000' })).toMatchObject({
      SUPERGRAPH_URL: 'https://registry.internal/carebridge/supergraph',
      SUPERGRAPH_POLL_INTERVAL_MS: 30000,
    });
    expect(problems({ SUPERGRAPH_FILE: 'infra/supergraph.graphql', SUPERGRAPH_URL: 'https://registry.internal/supergraph' })).toEqual(['SUPERGRAPH_FILE and SUPERGRAPH_URL: set one of them, not both']);
    expect(problems({ SUPERGRAPH_URL: 'ftp://registry.internal/supergraph' })[0]).toMatch(/^SUPERGRAPH_URL: /);
  });

  it('refuses a short JWT_SECRET without showing it', () => {
    expect(problems({ JWT_SECRET: 'too-short-secret' })).toEqual(['JWT_SECRET: must be at least 32 bytes (got "***")']);
  });

  it('refuses a JWKS_URL that is not http(s)', () => {
    expect(problems({ JWKS_URL: 'file:///etc/jwks.json' })).toEqual(['JWKS_URL: must be a URL starting with https:// or http:// (got "file:///etc/jwks.json")']);
  });

  it.each(['ftp://crm.internal/graphql', 'crm.internal:4001', 'not a url'])('refuses SUBGRAPH_CRM_URL=%s', (url) => {
    expect(problems({ SUBGRAPH_CRM_URL: url })).toEqual([`SUBGRAPH_CRM_URL: must be an http:// or https:// URL (got "${url}")`]);
  });

  it('names every bad variable at once, those of the base settings and the subgraph ones', () => {
    expect(problems({ NODE_ENV: 'production', PORT: 'abc', MAX_QUERY_DEPTH: '0', SUBGRAPH_CRM_URL: 'ftp://crm', ...SECRETS })).toEqual([
      'PORT: must be a port number (got "abc")',
      'MAX_QUERY_DEPTH: must be greater than 0 (got "0")',
      'JWKS_URL: must be set in production (or JWT_SECRET for HS256 tokens)',
      'SUBGRAPH_CRM_URL: must be an http:// or https:// URL (got "ftp://crm")',
    ]);
  });

  it('coerces the numeric settings', () => {
    const settings = gatewaySettings({ PORT: '8080', MAX_QUERY_DEPTH: '5', MAX_BODY_BYTES: '2048', SUBGRAPH_TIMEOUT_MS: '250', SHUTDOWN_TIMEOUT_MS: '0', SUPERGRAPH_POLL_INTERVAL_MS: '10000' });
    expect(settings).toMatchObject({ PORT: 8080, MAX_QUERY_DEPTH: 5, MAX_BODY_BYTES: 2048, SUBGRAPH_TIMEOUT_MS: 250, SHUTDOWN_TIMEOUT_MS: 0, SUPERGRAPH_POLL_INTERVAL_MS: 10000 });
  });

  describe('secrets in production', () => {
    const production = (env: Environment) => problems({ NODE_ENV: 'production', JWT_SECRET, ...SECRETS, ...env });

    it('refuses the development JWT secret, naming the variable', () => {
      expect(production({ JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual(['JWT_SECRET: is the development secret; production needs its own']);
    });

    it('refuses a subgraph secret derived from the development seed, whichever subgraph it was derived for', () => {
      expect(production({ SUBGRAPH_CRM_SECRET: developmentSubgraphSecret('crm'), SUBGRAPH_COMPLAINT_SECRET: developmentSubgraphSecret('inquiry') })).toEqual([
        'SUBGRAPH_CRM_SECRET: is derived from the development seed; production needs its own secret',
        'SUBGRAPH_COMPLAINT_SECRET: is derived from the development seed; production needs its own secret',
      ]);
    });

    it('refuses secrets shorter than 32 bytes', () => {
      expect(production({ SUBGRAPH_INQUIRY_SECRET: 'i'.repeat(31) })).toEqual(['SUBGRAPH_INQUIRY_SECRET: must be at least 32 bytes in production']);
    });

    it('accepts the development secrets outside production', () => {
      expect(() => gatewaySettings({ JWT_SECRET: DEVELOPMENT_JWT_SECRET, SUBGRAPH_CRM_SECRET: developmentSubgraphSecret('crm') })).not.toThrow();
    });
  });

  describe('limits, CORS, tokens and trusted documents', () => {
    it('have safe defaults', () => {
      expect(gatewaySettings({})).toMatchObject({
        MAX_QUERY_DEPTH: 12,
        MAX_ALIASES: 15,
        MAX_QUERY_COST: 20000,
        MAX_DIRECTIVES: 20,
        MAX_TOKENS: 3000,
        TOKEN_MAX_LIFETIME_MINUTES: 720,
        CORS_ALLOWED_ORIGINS: [],
        TRUSTED_DOCUMENTS: 'off',
        TRUSTED_DOCUMENTS_MANIFESTS: [],
      });
    });

    it('read a token lifetime, origins and a manifest', () => {
      const settings = gatewaySettings({
        TOKEN_MAX_LIFETIME_MINUTES: '60',
        CORS_ALLOWED_ORIGINS: 'https://desk.example.com, http://localhost:5173',
        TRUSTED_DOCUMENTS: 'required',
        TRUSTED_DOCUMENTS_MANIFESTS: 'a.json,b.json',
      });
      expect(settings).toMatchObject({ CORS_ALLOWED_ORIGINS: ['https://desk.example.com', 'http://localhost:5173'], TRUSTED_DOCUMENTS_MANIFESTS: ['a.json', 'b.json'] });
      expect(settings.verification.maxLifetimeSeconds).toBe(3600);
    });

    it('refuse an unknown mode, an origin that is not a URL and a mode without a manifest', () => {
      expect(problems({ TRUSTED_DOCUMENTS: 'strict' })[0]).toMatch(/^TRUSTED_DOCUMENTS: must be one of off, allow-listed-plus-ad-hoc-for-staff, required/);
      expect(problems({ CORS_ALLOWED_ORIGINS: 'desk.example.com' })[0]).toMatch(/^CORS_ALLOWED_ORIGINS/);
      expect(problems({ TRUSTED_DOCUMENTS: 'required' })).toEqual(['TRUSTED_DOCUMENTS_MANIFESTS: must name at least one manifest file when TRUSTED_DOCUMENTS is required']);
    });
  });
});
