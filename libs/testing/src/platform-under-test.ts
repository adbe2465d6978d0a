import { randomBytes } from 'node:crypto';
import { IDENTITY_HEADERS, type Role } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { startPlatform, testPostgresUrl, type RunningPlatform } from '@carebridge/local-platform';
import { GraphQLClient } from './graphql-client';

export interface PlatformUnderTest extends RunningPlatform {
  /** A client app signed in with these roles. */
  as(role: Role | Role[], user?: string): GraphQLClient;
  anonymous(): GraphQLClient;
  /** Moves every subgraph's clock to `time` (NODE_ENV=test only). */
  setTime(time: Date | string): Promise<void>;
  /** Runs a subgraph's scheduled job now and returns what it reported. */
  runJob(subgraph: string, job: string): Promise<{ ran: boolean; result?: any }>;
}

/**
 * The whole platform as separate processes on free ports, with databases of its own on the test
 * server, configured as in production (explicit secrets, no stack traces, no introspection) but with
 * the test controls of NODE_ENV=test: a clock to move (`setTime`) and scheduled jobs to run now (`runJob`).
 * Set CAREBRIDGE_E2E_LOGS=1 to see the services' logs.
 *
 * Each call starts a platform of its own (15–20 s on two cores). A test file that needs nothing but the
 * default configuration and scopes its assertions to the data it creates itself can take the run's
 * shared platform instead: `sharedPlatformUnderTest()` (shared-platform.ts).
 */
export async function startPlatformUnderTest(env: Record<string, string> = {}): Promise<PlatformUnderTest> {
  const jwtSecret = randomBytes(32).toString('hex');
  const secrets = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, randomBytes(24).toString('hex')]));
  const platform = await startPlatform({
    databaseUrl: testPostgresUrl(),
    databasePrefix: `e2e_${randomBytes(4).toString('hex')}`,
    ports: 'free',
    env: {
      NODE_ENV: 'test',
      JWT_SECRET: jwtSecret,
      ...secrets,
      LOG_LEVEL: process.env.CAREBRIDGE_E2E_LOGS ? 'info' : 'warn',
      OUTBOX_POLL_INTERVAL_MS: '200',
      // Tracing is off unless a test asks for it (observability.spec.ts): it slows every start.
      OTEL_SDK_DISABLED: 'true',
      ...env,
    },
    onOutput: process.env.CAREBRIDGE_E2E_LOGS ? (name, line) => process.stdout.write(`[${name}] ${line}\n`) : undefined,
  });
  return underTest(platform, jwtSecret);
}

/** The test controls and clients on a running platform (started here, or shared and described in a file). */
export function underTest(platform: RunningPlatform, jwtSecret: string): PlatformUnderTest {
  const control = async (subgraph: string, path: string, body: unknown) => {
    const process = platform.subgraphs.get(subgraph);
    if (!process) throw new Error(`No subgraph ${subgraph}`);
    const response = await fetch(process.options.readyUrl.replace('/readyz', path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADERS.secret]: String(process.options.env.SUBGRAPH_SECRET) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${subgraph} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as any;
  };
  return {
    ...platform,
    as: (role, user) => GraphQLClient.as(platform.gatewayUrl, role, user, jwtSecret),
    anonymous: () => new GraphQLClient(platform.gatewayUrl),
    async setTime(time) {
      const now = new Date(time).toISOString();
      await Promise.all([...platform.subgraphs.keys()].map((name) => control(name, '/test/clock', { now })));
    },
    runJob: (subgraph, job) => control(subgraph, `/test/jobs/${job}`, {}),
  };
}
