import { randomBytes } from 'node:crypto';
import type { Role } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { startPlatform, type RunningPlatform } from '@carebridge/local-platform';
import { GraphQLClient } from './graphql-client';
import { testPostgresUrl } from './test-database';

export interface PlatformUnderTest extends RunningPlatform {
  /** A client app signed in with these roles. */
  as(role: Role | Role[], user?: string): GraphQLClient;
  anonymous(): GraphQLClient;
}

/**
 * The whole platform as separate processes on free ports, with databases of its own on the test
 * server, configured as in production (explicit secrets, no stack traces, no introspection).
 * Set CAREBRIDGE_E2E_LOGS=1 to see the services' logs.
 */
export async function startPlatformUnderTest(env: Record<string, string> = {}): Promise<PlatformUnderTest> {
  const jwtSecret = randomBytes(32).toString('hex');
  const secrets = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, randomBytes(24).toString('hex')]));
  const platform = await startPlatform({
    databaseUrl: testPostgresUrl(),
    databasePrefix: `e2e_${randomBytes(4).toString('hex')}`,
    ports: 'free',
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: jwtSecret,
      ...secrets,
      LOG_LEVEL: process.env.CAREBRIDGE_E2E_LOGS ? 'info' : 'warn',
      OUTBOX_POLL_INTERVAL_MS: '200',
      ...env,
    },
    onOutput: process.env.CAREBRIDGE_E2E_LOGS ? (name, line) => process.stdout.write(`[${name}] ${line}\n`) : undefined,
  });
  return {
    ...platform,
    as: (role, user) => GraphQLClient.as(platform.gatewayUrl, role, user, jwtSecret),
    anonymous: () => new GraphQLClient(platform.gatewayUrl),
  };
}
