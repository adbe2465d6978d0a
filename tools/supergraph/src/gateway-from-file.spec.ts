import { join } from 'node:path';
import { signDevelopmentToken } from '@carebridge/auth';
import { freePort, ServiceProcess } from '@carebridge/local-platform';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from './compose';

/**
 * Production runs the gateway from the composed file instead of introspecting the subgraphs:
 * start the real gateway process on infra/supergraph.graphql (no subgraph running) and ask it.
 */
const JWT_SECRET = 'supergraph-check-secret-of-32-characters-at-least';

describe('the gateway on the committed supergraph file', () => {
  let gateway: ServiceProcess;
  let url: string;
  const output: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    gateway = new ServiceProcess({
      name: 'gateway',
      entry: 'apps/gateway/src/main.ts',
      env: { SUPERGRAPH_FILE: join(REPOSITORY_ROOT, SUPERGRAPH_FILE), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', JWT_SECRET, JWKS_URL: undefined },
      readyUrl: `${url}/readyz`,
      onOutput: (_name, line) => output.push(line),
      startTimeoutMs: 60_000,
    });
    await gateway.start();
  }, 90_000);

  afterAll(async () => {
    await gateway?.stop(5_000);
  });

  it('becomes ready', async () => {
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
  });

  it('serves the composed schema', async () => {
    const token = signDevelopmentToken({ sub: 'supergraph-check', roles: ['analyst'], name: 'Supergraph check' }, { secret: JWT_SECRET, expiresInSeconds: 60 });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __type(name: "Customer") { fields { name } } }' }),
    });
    const body = (await response.json()) as { data?: { __type?: { fields: { name: string }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.__type?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['id', 'fullName', 'interactions', 'complaints']));
  });
});
