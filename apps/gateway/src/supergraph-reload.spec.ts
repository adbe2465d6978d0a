import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { signDevelopmentToken } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { freePort } from '@carebridge/local-platform';
import { createLogger, type HttpHost, hostApollo } from '@carebridge/service-kit';
import { parse } from 'graphql';
import { type RunningGateway, startGateway } from './gateway';
import { reloadingSupergraph } from './supergraph-reload';

const JWT_SECRET = 'supergraph-reload-spec-secret-32-chars';
const BEFORE = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { greeting: String }
`;
// The subgraph deployed first, then its new field published in a new supergraph.
const AFTER = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { greeting: String, farewell: String }
`;

function supergraph(sdl: string, url: string): string {
  const composition = composeServices([{ name: 'crm', url, typeDefs: parse(sdl) }]);
  if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  return composition.supergraphSdl;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the gateway reloads its supergraph', () => {
  let folder: string;
  let crm: HttpHost & { stopApollo(): Promise<void> };
  let gateway: RunningGateway;
  const token = signDevelopmentToken({ sub: 'agent-1', roles: ['agent'] }, { secret: JWT_SECRET });
  const query = async (text: string) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: text }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
  };
  const root = () => gateway.url.replace(/\/graphql$/, '');
  const metric = async (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(await (await fetch(`${root()}/metrics`)).text())?.[1] ?? 0);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'carebridge-supergraph-reload-'));
    const apollo = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: parse(AFTER), resolvers: { Query: { greeting: () => 'hello', farewell: () => 'goodbye' } } }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await apollo.start();
    const host = await hostApollo({ port: 0, host: '127.0.0.1', apollo, logger: createLogger({ service: 'crm-stub', level: 'silent' }), context: async () => ({}), readiness: async () => ({ ready: true, details: {} }) });
    crm = { ...host, stopApollo: () => apollo.stop() };
    writeFileSync(join(folder, 'supergraph.graphql'), supergraph(BEFORE, crm.url));
    gateway = await startGateway({
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.SPEC_LOG ?? 'silent',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      JWT_SECRET,
      SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
      SUPERGRAPH_POLL_INTERVAL_MS: '50',
      SHUTDOWN_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await crm?.close(500);
    await crm?.stopApollo();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves a new field once the file has it, without a restart', async () => {
    expect(await query('{ greeting }')).toEqual({ data: { greeting: 'hello' } });
    expect((await query('{ farewell }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    writeFileSync(join(folder, 'supergraph.graphql'), supergraph(AFTER, crm.url));
    await until(async () => (await query('{ farewell }')).data?.farewell === 'goodbye');
    expect(await query('{ greeting farewell }')).toEqual({ data: { greeting: 'hello', farewell: 'goodbye' } });
    expect(await metric('carebridge_gateway_supergraph_updates_total{outcome="loaded"}')).toBe(1);
  });

  it('refuses a supergraph that is not valid, keeps serving the one it has, and says so on /readyz and /metrics', async () => {
    writeFileSync(join(folder, 'supergraph.graphql'), 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query } type Query { farewell: Strin');
    await until(async () => (await metric('carebridge_gateway_supergraph_updates_total{outcome="refused"}')) === 1);
    expect(await query('{ greeting farewell }')).toEqual({ data: { greeting: 'hello', farewell: 'goodbye' } });
    const ready = await fetch(`${root()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', supergraphReload: { refused: { at: expect.any(String), reason: expect.any(String) } } });

    // A valid one again is taken, and the refusal is no longer reported.
    writeFileSync(join(folder, 'supergraph.graphql'), supergraph(BEFORE, crm.url));
    await until(async () => (await query('{ farewell }')).errors?.[0].extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
    expect(await (await fetch(`${root()}/readyz`)).json()).not.toHaveProperty('supergraphReload');
  });
});

describe('reloadingSupergraph from a registry URL', () => {
  let server: Server;
  let answer: { status: number; body: string };
  let url: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.statusCode = answer.status;
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/supergraph?token=registry-credential`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('hands each changed text to update, once, and keeps the served one while the registry fails', async () => {
    answer = { status: 200, body: 'first' };
    const outcomes: string[] = [];
    const updates: string[] = [];
    const reload = reloadingSupergraph({ source: { kind: 'url', url }, pollIntervalMs: 30, timeoutMs: 1000, logger: createLogger({ service: 'gateway', level: 'silent' }), onOutcome: (o) => outcomes.push(o) });
    const started = await reload.hook({
      update: (text) => {
        if (text === 'broken') throw new Error('Invalid supergraph: syntax error');
        updates.push(text);
      },
      healthCheck: async () => undefined,
      getDataSource: () => {
        throw new Error('not used');
      },
    });
    try {
      expect(started.supergraphSdl).toBe('first');
      answer = { status: 503, body: '' };
      await until(async () => outcomes.includes('unreachable'));
      expect(reload.state()).toMatchObject({ source: url.replace(/\?.*$/, ''), unreachable: { reason: expect.stringContaining('HTTP 503') } });
      expect(JSON.stringify(reload.state())).not.toContain('registry-credential');
      answer = { status: 200, body: 'broken' };
      await until(async () => outcomes.includes('refused'));
      answer = { status: 200, body: 'second' };
      await until(async () => updates.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(updates).toEqual(['second']);
      expect(outcomes.filter((o) => o !== 'unreachable')).toEqual(['refused', 'loaded']);
      expect(reload.state()).not.toHaveProperty('refused');
    } finally {
      await started.cleanup?.();
    }
  });
});
