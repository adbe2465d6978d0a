import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { identityFromHeaders, signDevelopmentToken } from '@carebridge/auth';
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
  }
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
    expect(deep.body.errors[0].message).toBe('Operation is nested 5 levels deep; at most 4 are allowed');
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
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: SUBGRAPHS.map((s) => s.name) });
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
});
