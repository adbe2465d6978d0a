import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentSubgraphSecret, IDENTITY_HEADERS, signDevelopmentToken } from '@carebridge/auth';
import { freePort, REPOSITORY_ROOT } from '@carebridge/local-platform';

/** A request whose body is sent in two halves: in flight, on the server, from the first half on. */
function requestInTwoHalves(url: string, headers: Record<string, string>, body: string): { finish(): Promise<{ status: number; body: any }> } {
  const half = Math.floor(body.length / 2);
  let answered: (value: { status: number; body: any }) => void;
  let failed: (error: Error) => void;
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => ((answered = resolve), (failed = reject)));
  const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => (text += chunk));
    response.on('end', () => answered({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
  });
  req.on('error', (error) => failed(error));
  req.write(body.slice(0, half));
  return {
    finish() {
      req.end(body.slice(half));
      return answer;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm start stopped with Ctrl-C', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'carebridge-start-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach its folder inside this one.
  chmodSync(dataDir, 0o755);
  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the gateway, then the drained subgraphs, then PostgreSQL: requests in flight succeed, no stack trace', async () => {
    let output = '';
    // Its own process group, as a terminal runs a command; Ctrl-C then signals the whole group.
    child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'tools/run.js'), 'tools/platform/src/start.ts'], {
      cwd: REPOSITORY_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        EMBEDDED_POSTGRES_DATA_DIR: join(dataDir, 'postgres'),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        CAREBRIDGE_TRACES_FILE: join(dataDir, 'traces.jsonl'),
        OTEL_SDK_DISABLED: 'true',
        // A loaded machine (CI running other suites) may take minutes to start eight processes.
        SERVICE_START_TIMEOUT_MS: '400000',
        NODE_ENV: 'development',
      },
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const until = async (what: RegExp, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!what.test(output)) {
        if (Date.now() > deadline || child?.exitCode !== null) throw new Error(`no ${what} in the output of npm start:\n${output.slice(-4000)}`);
        await sleep(200);
      }
    };
    await until(/Carebridge is running/, 420_000);

    const query = JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' });
    const token = signDevelopmentToken({ sub: 'shutdown-test', roles: ['supervisor'], name: 'Shutdown Test' });
    const throughGateway = requestInTwoHalves('http://127.0.0.1:4000/graphql', { authorization: `Bearer ${token}` }, query);
    const atCrm = requestInTwoHalves(
      'http://127.0.0.1:4001/graphql',
      { [IDENTITY_HEADERS.secret]: developmentSubgraphSecret('crm'), [IDENTITY_HEADERS.userId]: 'shutdown-test', [IDENTITY_HEADERS.roles]: 'supervisor' },
      query,
    );
    await sleep(300);
    const stoppingAt = output.length;
    process.kill(-(child.pid as number), 'SIGINT');

    // The gateway drains: the request it had when Ctrl-C came is answered, with the subgraphs still up.
    await sleep(1000);
    const viaGateway = await throughGateway.finish();
    expect(viaGateway).toMatchObject({ status: 200, body: { data: { customers: { totalCount: expect.any(Number) } } } });
    expect(viaGateway.body.errors).toBeUndefined();
    // The gateway gone, crm drains: its request in flight still reaches PostgreSQL.
    await until(/gateway\s.*stopped/, 20_000);
    const viaCrm = await atCrm.finish();
    expect(viaCrm).toMatchObject({ status: 200, body: { data: { customers: { totalCount: expect.any(Number) } } } });

    expect(await exited).toBe(0);
    const shutdown = output.slice(stoppingAt);
    expect(shutdown).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(shutdown).not.toMatch(/\b(error|fatal)\b/);
    // PostgreSQL stops after every subgraph has stopped.
    const postgresStops = shutdown.indexOf('stopping PostgreSQL');
    expect(postgresStops).toBeGreaterThan(0);
    for (const service of ['crm', 'complaint', 'inquiry', 'after-sales', 'communication', 'training', 'analytics']) {
      const stopped = new RegExp(`^${service}\\s+\\S+\\s+info\\s+stopped`, 'm').exec(shutdown);
      expect({ service, stoppedBeforePostgres: stopped !== null && stopped.index < postgresStops }).toEqual({ service, stoppedBeforePostgres: true });
    }
  });
});
