import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { documentId, identityFromHeaders, signDevelopmentToken, TRUSTED_DOCUMENT_MANIFEST_FORMAT } from '@carebridge/auth';
import jwt from 'jsonwebtoken';
import { ConfigurationError, envName, SUBGRAPHS } from '@carebridge/config';
import { freePort } from '@carebridge/local-platform';
import { createLogger, headerValue, type HttpHost, hostApollo } from '@carebridge/service-kit';
import { parse } from 'graphql';
import { type RunningGateway, startGateway } from './gateway';

const JWT_SECRET = 'gateway-spec-jwt-secret-of-32-chars!';
const CRM_SECRET = 'crm-secret-'.padEnd(40, 'c');
const COMPLAINT_SECRET = 'complaint-secret-'.padEnd(40, 'k');

const CRM_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    me: Caller
    receivedHeaders: String
    slow: String
    explode: String
    node: Node
    byKind(kind: Kind): String
  }
  enum Kind { ONE TWO }
  type Caller { userId: ID!, roles: [String!]!, name: String }
  type Node { id: ID, child: Node }
`;
const COMPLAINT_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { openComplaints: Int }
`;

/** A stand-in crm subgraph that answers from the headers the gateway sent it. */
async function startCrmStub(): Promise<{ host: HttpHost; received: IncomingHttpHeaders[] }> {
  const received: IncomingHttpHeaders[] = [];
  type StubContext = { headers: IncomingHttpHeaders; get: (name: string) => string | undefined };
  const apollo = new ApolloServer<StubContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(CRM_SDL),
      resolvers: {
        Query: {
          me: (_: unknown, __: unknown, context: StubContext) => identityFromHeaders(context.get),
          receivedHeaders: (_: unknown, __: unknown, context: StubContext) => JSON.stringify(context.headers),
          slow: () => new Promise((resolve) => setTimeout(() => resolve('late'), 1500).unref()),
          explode: () => {
            throw new Error('password authentication failed for user "carebridge" at 10.9.8.7:5432');
          },
          node: () => ({ id: '1' }),
          byKind: (_: unknown, args: { kind: string }) => args.kind,
        },
        Node: { child: (node: { id: string }) => ({ id: `${node.id}.1` }) },
      } as never,
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const host = await hostApollo({
    port: 0,
    host: '127.0.0.1',
    apollo,
    logger: createLogger({ service: 'crm-stub', level: 'silent' }),
    context: async (request) => {
      received.push(request.headers);
      return { headers: request.headers, get: (name: string) => headerValue(request, name) };
    },
    readiness: async () => ({ ready: true, details: {} }),
  });
  return {
    received,
    host: {
      ...host,
      async close(timeoutMs) {
        await host.close(timeoutMs);
        await apollo.stop();
      },
    },
  };
}

function supergraph(crmUrl: string, complaintUrl: string): string {
  const composition = composeServices([
    { name: 'crm', url: crmUrl, typeDefs: parse(CRM_SDL) },
    { name: 'complaint', url: complaintUrl, typeDefs: parse(COMPLAINT_SDL) },
  ]);
  if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  return composition.supergraphSdl;
}

interface Reply {
  status: number;
  body: any;
  text: string;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const agentToken = signDevelopmentToken({ sub: 'agent-7', roles: ['agent'], name: 'Zoë Ångström 李' }, { secret: JWT_SECRET });

describe('startGateway', () => {
  let folder: string;
  let crm: Awaited<ReturnType<typeof startCrmStub>>;
  let complaintPort: number;
  let complaintUrl: string;
  let gateway: RunningGateway;
  const extraGateways: RunningGateway[] = [];

  const env = (overrides: Record<string, string | undefined> = {}) => ({
    // Subgraphs of the topology beyond the two in this spec's supergraph need a secret in production.
    ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
    JWT_SECRET,
    SUBGRAPH_CRM_URL: crm.host.url,
    SUBGRAPH_CRM_SECRET: CRM_SECRET,
    SUBGRAPH_COMPLAINT_URL: complaintUrl,
    SUBGRAPH_COMPLAINT_SECRET: COMPLAINT_SECRET,
    SUBGRAPH_TIMEOUT_MS: '400',
    MAX_QUERY_DEPTH: '4',
    MAX_BODY_BYTES: '20000',
    SHUTDOWN_TIMEOUT_MS: '1000',
    ...overrides,
  });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'carebridge-gateway-spec-'));
    crm = await startCrmStub();
    // Nothing listens on the complaint subgraph's port: it is down.
    complaintPort = await freePort();
    complaintUrl = `http://127.0.0.1:${complaintPort}/graphql`;
    // The file names other URLs than the environment, which wins where it is set.
    writeFileSync(join(folder, 'supergraph.graphql'), supergraph('http://127.0.0.1:9/graphql', 'http://127.0.0.1:9/graphql'));
    gateway = await startGateway({ ...env(), PORT: String(await freePort()) });
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(extraGateways.map((g) => g.stop()));
    await crm?.host.close(1000);
    rmSync(folder, { recursive: true, force: true });
  });

  describe('refuses requests without a valid bearer token with 401', () => {
    it.each([
      ['no Authorization header', {}],
      ['a Basic credential', { authorization: 'Basic YWdlbnQ6cGFzc3dvcmQ=' }],
      ['a token that is not a JWT', bearer('garbage')],
      ['a token signed with another secret', bearer(signDevelopmentToken({ sub: 'u', roles: ['admin'] }, { secret: 'x'.repeat(40) }))],
      ['an expired token', bearer(signDevelopmentToken({ sub: 'u', roles: ['admin'] }, { secret: JWT_SECRET, expiresInSeconds: -30 }))],
    ])('%s', async (_label, headers) => {
      const reply = await post(gateway.url, { query: '{ me { userId } }' }, headers);
      expect(reply.status).toBe(401);
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(reply.body.data).toBeUndefined();
    });

    it('says what is missing or wrong', async () => {
      expect((await post(gateway.url, { query: '{ me { userId } }' })).body.errors[0].message).toMatch(/Authorization: Bearer/);
      const expired = await post(gateway.url, { query: '{ me { userId } }' }, bearer(signDevelopmentToken({ sub: 'u', roles: [] }, { secret: JWT_SECRET, expiresInSeconds: -30 })));
      expect(expired.body.errors[0].message).toBe('The bearer token was refused: token has expired');
    });
  });

  it('passes the verified caller to the subgraph, Unicode name included', async () => {
    const reply = await post(gateway.url, { query: '{ me { userId roles name } }' }, bearer(agentToken));
    expect(reply).toMatchObject({ status: 200, body: { data: { me: { userId: 'agent-7', roles: ['agent'], name: 'Zoë Ångström 李' } } } });
  });

  it('forwards none of the client’s headers: only the secret, the identity from the token and the request id', async () => {
    crm.received.length = 0;
    const reply = await post(gateway.url, { query: '{ receivedHeaders }' }, {
      ...bearer(agentToken),
      'x-request-id': 'client-req-1',
      'x-carebridge-user-id': 'admin-1',
      'x-carebridge-user-roles': 'admin',
      'x-carebridge-user-name': 'Mallory',
      'x-carebridge-subgraph-secret': 'guessed',
      cookie: 'session=abc',
      'x-forwarded-for': '203.0.113.9',
      'x-custom': 'anything',
    });
    expect(reply.status).toBe(200);
    const received = JSON.parse(reply.body.data.receivedHeaders) as Record<string, string>;
    expect(received).toMatchObject({
      'x-carebridge-subgraph-secret': CRM_SECRET,
      'x-carebridge-user-id': 'agent-7',
      'x-carebridge-user-roles': 'agent',
      'x-carebridge-user-name': encodeURIComponent('Zoë Ångström 李'),
      'x-request-id': 'client-req-1',
    });
    const ours = ['x-carebridge-subgraph-secret', 'x-carebridge-user-id', 'x-carebridge-user-roles', 'x-carebridge-user-name', 'x-request-id'];
    const transport = ['host', 'connection', 'content-type', 'content-length', 'accept', 'accept-language', 'accept-encoding', 'sec-fetch-mode', 'user-agent'];
    expect(Object.keys(received).filter((name) => !transport.includes(name)).sort()).toEqual([...ours].sort());
    expect(received).not.toHaveProperty('authorization');
    expect(received).not.toHaveProperty('cookie');
  });

  it('makes up a request id when the client sends none', async () => {
    const reply = await post(gateway.url, { query: '{ receivedHeaders }' }, bearer(agentToken));
    expect(JSON.parse(reply.body.data.receivedHeaders)['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers SERVICE_UNAVAILABLE naming a subgraph that is down, with no address, and keeps the rest', async () => {
    const reply = await post(gateway.url, { query: '{ openComplaints me { userId } }' }, bearer(agentToken));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ openComplaints: null, me: { userId: 'agent-7' } });
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        message: 'The complaint service is unavailable; data from it is missing from this response',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' },
      }),
    ]);
    expect(reply.text).not.toContain('127.0.0.1');
    expect(reply.text).not.toContain(String(complaintPort));
    expect(reply.text).not.toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('answers SERVICE_UNAVAILABLE for a subgraph that fails, without what it answered', async () => {
    const broken: Server = createServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('panic: pg at 10.0.0.9:5432 refused; stack /srv/complaint/main.js:12');
    });
    await new Promise<void>((resolve) => broken.listen(complaintPort, '127.0.0.1', resolve));
    try {
      const reply = await post(gateway.url, { query: '{ openComplaints }' }, bearer(agentToken));
      expect(reply.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' } })]);
      expect(reply.text).not.toMatch(/panic|10\.0\.0\.9|srv/);
    } finally {
      broken.closeAllConnections();
      await new Promise((resolve) => broken.close(resolve));
    }
  });

  it('answers SERVICE_UNAVAILABLE when a subgraph is slower than SUBGRAPH_TIMEOUT_MS', async () => {
    // The stub answers after 1.5 s; within the limit (400 ms, kept to about a second) it would have answered "late".
    const reply = await post(gateway.url, { query: '{ slow }' }, bearer(agentToken));
    expect(reply.body).toMatchObject({ data: { slow: null } });
    expect(reply.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'crm' } })]);
  });

  it('plans an operation once and counts the plans it finds again on /metrics', async () => {
    const root = gateway.url.replace(/\/graphql$/, '');
    const counter = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(`${root}/metrics`)).text())?.[1]);
    const before = { hits: gateway.queryPlanCache.hits, misses: gateway.queryPlanCache.misses };
    const query = '{ me { userId roles } }';
    for (let i = 0; i < 3; i += 1) expect((await post(gateway.url, { query }, bearer(agentToken))).body.data.me.userId).toBe('agent-7');
    expect(gateway.queryPlanCache.misses - before.misses).toBe(1);
    expect(gateway.queryPlanCache.hits - before.hits).toBe(2);
    expect(await counter('carebridge_gateway_query_plan_cache_hits_total')).toBe(gateway.queryPlanCache.hits);
    expect(await counter('carebridge_gateway_query_plan_cache_misses_total')).toBe(gateway.queryPlanCache.misses);
    expect(await counter('carebridge_gateway_query_plan_cache_plans')).toBe(gateway.queryPlanCache.size);
  });

  it('hides what a subgraph let slip of an internal error', async () => {
    const reply = await post(gateway.url, { query: '{ explode }' }, bearer(agentToken));
    expect(reply.body.errors).toEqual([{ message: 'Internal server error', path: ['explode'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(reply.text).not.toMatch(/password|10\.9\.8\.7/);
  });

  it('refuses a request body over MAX_BODY_BYTES with 413', async () => {
    const reply = await post(gateway.url, { query: '{ me { userId } }', variables: { padding: 'x'.repeat(20_001) } }, bearer(agentToken));
    expect(reply.status).toBe(413);
    expect(reply.body.errors[0].message).toBe('Request body exceeds 20000 bytes');
  });

  it('refuses operations nested deeper than MAX_QUERY_DEPTH', async () => {
    const ok = await post(gateway.url, { query: '{ node { child { child { id } } } }' }, bearer(agentToken));
    expect(ok.body).toEqual({ data: { node: { child: { child: { id: '1.1.1' } } } } });
    const deep = await post(gateway.url, { query: '{ node { child { child { child { id } } } } }' }, bearer(agentToken));
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toMatchObject({ message: "The operation is over the gateway's MAX_QUERY_DEPTH limit of 4 (it has 5)", extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_QUERY_DEPTH' } });
  });

  it('turns introspection off in production', async () => {
    const reply = await post(gateway.url, { query: '{ __schema { queryType { name } } }' }, bearer(agentToken));
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports itself alive and ready', async () => {
    const root = gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/healthz`)).status).toBe(200);
    const ready = await fetch(`${root}/readyz`);
    expect(ready.status).toBe(200);
    // The subgraphs of the supergraph served, each asked for its own readiness (the complaint stub answers none).
    expect(await ready.json()).toMatchObject({ status: 'ready', supergraph: { subgraphs: ['complaint', 'crm'] }, subgraphs: { crm: 'ready', complaint: expect.any(String) } });
  });

  it('routes to the URLs of the supergraph file where the environment sets none, and stops cleanly', async () => {
    writeFileSync(join(folder, 'routed.graphql'), supergraph(crm.host.url, complaintUrl));
    const routed = await startGateway({ ...env({ SUBGRAPH_CRM_URL: undefined, SUBGRAPH_COMPLAINT_URL: undefined }), SUPERGRAPH_FILE: join(folder, 'routed.graphql'), PORT: String(await freePort()) });
    extraGateways.push(routed);
    const reply = await post(routed.url, { query: '{ me { userId } }' }, bearer(agentToken));
    expect(reply.body).toEqual({ data: { me: { userId: 'agent-7' } } });
    await routed.stop();
    await expect(post(routed.url, { query: '{ me { userId } }' }, bearer(agentToken))).rejects.toThrow();
  });

  it('does not start with a bad configuration, naming each bad variable', async () => {
    const error = await startGateway({ NODE_ENV: 'production', PORT: 'abc', SUBGRAPH_CRM_URL: 'ftp://crm' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    const { problems } = error as ConfigurationError;
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'JWKS_URL',
      'SUBGRAPH_CRM_URL',
      'SUBGRAPH_CRM_SECRET',
      ...SUBGRAPHS.filter((s) => s.name !== 'crm').map((s) => `SUBGRAPH_${envName(s.name)}_SECRET`),
    ]);
  });

  describe('limits of one operation, refused with 400 naming the setting before any subgraph is called', () => {
    const refusedBeforeSubgraphs = async (body: unknown, limit: string) => {
      crm.received.length = 0;
      const reply = await post(gateway.url, body, bearer(agentToken));
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].extensions).toMatchObject({ limit });
      expect(reply.body.errors[0].message).toContain(limit);
      expect(crm.received).toHaveLength(0);
      return reply;
    };

    it('refuses 200 aliases of one query (MAX_ALIASES)', async () => {
      const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: me { userId }`).join(' ');
      const reply = await refusedBeforeSubgraphs({ query: `{ ${aliases} }` }, 'MAX_ALIASES');
      expect(reply.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses an operation over MAX_QUERY_COST, MAX_DIRECTIVES and MAX_TOKENS', async () => {
      const limited = await startGateway({ ...env({ MAX_QUERY_COST: '10', MAX_DIRECTIVES: '2', MAX_TOKENS: '60', MAX_ALIASES: '100' }), PORT: String(await freePort()) });
      extraGateways.push(limited);
      const at = async (query: string) => post(limited.url, { query }, bearer(agentToken));
      expect((await at('{ me { userId } }')).status).toBe(200);
      crm.received.length = 0;
      const costly = await at(`{ ${Array.from({ length: 6 }, (_, i) => `m${i}: me { userId roles }`).join(' ')} }`);
      expect(costly).toMatchObject({ status: 400, body: { errors: [{ extensions: { limit: 'MAX_QUERY_COST' } }] } });
      const directives = await at('{ me @include(if: true) { userId @include(if: true) roles @skip(if: false) } }');
      expect(directives).toMatchObject({ status: 400, body: { errors: [{ extensions: { limit: 'MAX_DIRECTIVES' } }] } });
      const tokens = await at(`{ me { ${Array.from({ length: 60 }, () => 'userId').join(' ')} } }`);
      expect(tokens).toMatchObject({ status: 400, body: { errors: [{ message: "The operation is over the gateway's MAX_TOKENS limit of 60", extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'MAX_TOKENS' } }] } });
      expect(crm.received).toHaveLength(0);
    });
  });

  describe('leaks nothing of the schema in production', () => {
    it.each([
      ['a field', { query: '{ me { userid } }' }],
      ['an argument', { query: '{ byKind(kindd: ONE) }' }],
      ['a type', { query: 'query($k: Kindd) { byKind(kind: $k) }' }],
      ['an enum value', { query: '{ byKind(kind: ONEE) }' }],
      ['an enum value in a variable', { query: 'query($k: Kind) { byKind(kind: $k) }', variables: { k: 'ONEE' } }],
    ])('suggests no name for %s', async (_label, body) => {
      const reply = await post(gateway.url, body, bearer(agentToken));
      expect(reply.status).toBe(400);
      expect(reply.body.errors.length).toBeGreaterThan(0);
      expect(reply.text).not.toMatch(/Did you mean|userId|"ONE"|"Kind"\?|kind"\?/);
    });

    it('answers no __type or __schema', async () => {
      for (const query of ['{ __type(name: "Caller") { fields { name } } }', '{ __schema { types { name } } }']) {
        const reply = await post(gateway.url, { query }, bearer(agentToken));
        expect(reply.status).toBe(400);
        expect(reply.text).not.toContain('userId');
      }
    });
  });

  describe('tokens', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it.each([
      ['without exp', jwt.sign({ roles: ['agent'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'agent-7' })],
      ['living 13 hours', jwt.sign({ roles: ['agent'], iat: now(), exp: now() + 13 * 3600 }, JWT_SECRET, { algorithm: 'HS256', subject: 'agent-7' })],
      ['without a known role', jwt.sign({ roles: ['root'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'agent-7', expiresIn: 60 })],
      ['with a control character in sub', jwt.sign({ roles: ['agent'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'agent\r\nx-carebridge-user-roles: admin', expiresIn: 60 })],
    ])('refuses a token %s with 401 before any subgraph is called', async (_label, token) => {
      crm.received.length = 0;
      const reply = await post(gateway.url, { query: '{ me { userId roles } }' }, bearer(token));
      expect(reply.status).toBe(401);
      expect(reply.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(crm.received).toHaveLength(0);
    });

    it('keeps a client request id only if it is a safe short token', async () => {
      const sent = async (id: string) => JSON.parse((await post(gateway.url, { query: '{ receivedHeaders }' }, { ...bearer(agentToken), 'x-request-id': id })).body.data.receivedHeaders)['x-request-id'];
      expect(await sent('abc-123.x')).toBe('abc-123.x');
      expect(await sent('<script>alert(1)</script>')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await sent('r'.repeat(200))).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('trusted documents', () => {
    const registered = '{ me { userId } }';
    let manifest: string;
    beforeAll(() => {
      manifest = join(folder, 'desk.manifest.json');
      writeFileSync(manifest, JSON.stringify({ format: TRUSTED_DOCUMENT_MANIFEST_FORMAT, client: 'desk', documents: { [documentId(registered)]: registered }, operations: {} }));
    });
    const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

    it('required: runs registered documents, by text or by id, and refuses any other with 400', async () => {
      const strict = await startGateway({ ...env({ TRUSTED_DOCUMENTS: 'required', TRUSTED_DOCUMENTS_MANIFESTS: manifest }), PORT: String(await freePort()) });
      extraGateways.push(strict);
      expect((await post(strict.url, { query: registered }, bearer(agentToken))).body).toEqual({ data: { me: { userId: 'agent-7' } } });
      expect((await post(strict.url, byHash(documentId(registered)), bearer(agentToken))).body).toEqual({ data: { me: { userId: 'agent-7' } } });
      crm.received.length = 0;
      const adHoc = await post(strict.url, { query: '{ me { userId roles } }' }, bearer(agentToken));
      expect(adHoc).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'UNTRUSTED_DOCUMENT' } }] } });
      expect(crm.received).toHaveLength(0);
    });

    it('allow-listed-plus-ad-hoc-for-staff: staff tokens run any document, customers and callers without a token only registered ones', async () => {
      const mixed = await startGateway({ ...env({ TRUSTED_DOCUMENTS: 'allow-listed-plus-ad-hoc-for-staff', TRUSTED_DOCUMENTS_MANIFESTS: manifest }), PORT: String(await freePort()) });
      extraGateways.push(mixed);
      expect((await post(mixed.url, { query: '{ me { userId roles } }' }, bearer(agentToken))).status).toBe(200);
      const customer = signDevelopmentToken({ sub: '0b6f3c1e-8a4d-4c2b-9f1e-2d3c4b5a6f70', roles: ['customer'] }, { secret: JWT_SECRET });
      const refused = await post(mixed.url, { query: '{ me { roles } }' }, bearer(customer));
      expect(refused).toMatchObject({ status: 400, body: { errors: [{ extensions: { reason: 'UNTRUSTED_DOCUMENT' } }] } });
    });

    it('accepts persisted-query ids from the manifests only: a client cannot register one', async () => {
      const adHoc = '{ me { roles } }';
      const registering = await post(gateway.url, { query: adHoc, ...byHash(documentId(adHoc)) }, bearer(agentToken));
      expect(registering.body).toEqual({ data: { me: { roles: ['agent'] } } });
      const replay = await post(gateway.url, byHash(documentId(adHoc)), bearer(agentToken));
      expect(replay.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('refuses to start on a manifest whose ids do not match their texts', async () => {
      const forged = join(folder, 'forged.manifest.json');
      writeFileSync(forged, JSON.stringify({ format: TRUSTED_DOCUMENT_MANIFEST_FORMAT, client: 'x', documents: { [documentId(registered)]: '{ me { roles } }' } }));
      await expect(startGateway({ ...env({ TRUSTED_DOCUMENTS: 'required', TRUSTED_DOCUMENTS_MANIFESTS: forged }), PORT: String(await freePort()) })).rejects.toThrow(/does not match its text/);
    });
  });

  describe('CORS_ALLOWED_ORIGINS', () => {
    it('answers the preflight of an allowed origin, and gives another origin no CORS header', async () => {
      const open = await startGateway({ ...env({ CORS_ALLOWED_ORIGINS: 'https://desk.example.com' }), PORT: String(await freePort()) });
      extraGateways.push(open);
      const preflight = (origin: string) =>
        fetch(open.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      const allowed = await preflight('https://desk.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      const other = await preflight('https://evil.example');
      expect([...other.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      const call = await post(open.url, { query: '{ me { userId } }' }, { ...bearer(agentToken), origin: 'https://desk.example.com' });
      expect(call.status).toBe(200);
      const otherCall = await fetch(open.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', ...bearer(agentToken) }, body: '{"query":"{ me { userId } }"}' });
      expect(otherCall.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('honest errors from subgraphs', () => {
    const withComplaint = async (status: number, body: unknown, run: () => Promise<void>) => {
      const stub: Server = createServer((_request, response) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      await new Promise<void>((resolve) => stub.listen(complaintPort, '127.0.0.1', resolve));
      try {
        await run();
      } finally {
        stub.closeAllConnections();
        await new Promise((resolve) => stub.close(resolve));
      }
    };

    it('passes on the typed error of a subgraph answering 400 with a GraphQL body', async () => {
      await withComplaint(400, { errors: [{ message: 'occurredAt must be a date', extensions: { code: 'BAD_USER_INPUT', field: 'occurredAt' } }] }, async () => {
        const reply = await post(gateway.url, { query: '{ openComplaints }' }, bearer(agentToken));
        expect(reply.body.errors).toEqual([expect.objectContaining({ message: 'occurredAt must be a date', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'occurredAt' }) })]);
      });
    });

    it('logs a refused secret once as a configuration error, and answers SERVICE_UNAVAILABLE', async () => {
      const errors = jest.spyOn(gateway.logger, 'error');
      try {
        await withComplaint(401, { errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] }, async () => {
          const reply = await post(gateway.url, { query: '{ openComplaints }' }, bearer(agentToken));
          expect(reply.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' } })]);
        });
        expect(errors).toHaveBeenCalledTimes(1);
        expect(errors.mock.calls[0]).toEqual([expect.objectContaining({ service: 'complaint', cause: 'secret-refused', configurationError: true }), expect.stringContaining('SUBGRAPH_COMPLAINT_SECRET')]);
      } finally {
        errors.mockRestore();
      }
    });

    it('logs every SERVICE_UNAVAILABLE once with the service and its cause', async () => {
      const warnings = jest.spyOn(gateway.logger, 'warn');
      try {
        await post(gateway.url, { query: '{ openComplaints }' }, bearer(agentToken));
        expect(warnings).toHaveBeenCalledTimes(1);
        expect(warnings.mock.calls[0][0]).toMatchObject({ service: 'complaint', cause: 'unreachable' });
      } finally {
        warnings.mockRestore();
      }
    });

    it('reports a subgraph whose schema is not the composed one on /readyz', async () => {
      await withComplaint(400, { errors: [{ message: 'Cannot query field "openComplaints" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, async () => {
        const reply = await post(gateway.url, { query: '{ openComplaints }' }, bearer(agentToken));
        expect(reply.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' } })]);
        expect(reply.text).not.toContain('Cannot query');
      });
      const ready = (await (await fetch(gateway.url.replace(/\/graphql$/, '/readyz'))).json()) as { schemaMismatch?: Record<string, string> };
      expect(Object.keys(ready.schemaMismatch ?? {})).toEqual(['complaint']);
    });
  });
});
