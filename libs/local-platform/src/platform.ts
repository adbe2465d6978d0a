import { developmentSubgraphSecret } from '@carebridge/auth';
import { envName, GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '@carebridge/config';
import { freePort } from './ports';
import { ServiceProcess } from './service-process';

export interface PlatformOptions {
  /** Postgres server URL; each service uses its own database on it. */
  databaseUrl: string;
  /** Fixed ports (4000, 4001, …) as in development, or free ports (tests). */
  ports: 'default' | 'free';
  /** Database names become `<prefix>_<service>` (default `carebridge`), so several platforms can share a server. */
  databasePrefix?: string;
  /** Extra environment for every process (e.g. KAFKA_BROKERS, LOG_LEVEL). */
  env?: Record<string, string | undefined>;
  onOutput?: (name: string, line: string) => void;
  /** How long each process may take to be ready (default 150 s). */
  startTimeoutMs?: number;
}

export interface RunningPlatform {
  gatewayUrl: string;
  gateway: ServiceProcess;
  subgraphs: Map<string, ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The whole platform on one machine: each subgraph as its own process, then the gateway composing
 * them. `npm start` and the end-to-end tests both start it this way.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const subgraphs = new Map<string, ServiceProcess>();
  const gatewayEnv: Record<string, string | undefined> = { ...options.env };
  const prefix = options.databasePrefix ?? 'carebridge';
  for (const subgraph of SUBGRAPHS) {
    const port = options.ports === 'default' ? subgraph.defaultPort : await freePort();
    const secret = options.env?.[`SUBGRAPH_${envName(subgraph.name)}_SECRET`] ?? developmentSubgraphSecret(subgraph.name);
    gatewayEnv[`SUBGRAPH_${envName(subgraph.name)}_URL`] = `http://127.0.0.1:${port}/graphql`;
    subgraphs.set(
      subgraph.name,
      new ServiceProcess({
        name: subgraph.name,
        entry: `apps/${subgraph.project}/src/main.ts`,
        env: {
          ...options.env,
          PORT: String(port),
          DATABASE_URL: options.databaseUrl,
          DATABASE_NAME: `${prefix}_${subgraph.name.replace(/-/g, '_')}`,
          EVENTS_DATABASE_NAME: `${prefix}_events`,
          CUSTOMER_KEYS_DATABASE_NAME: `${prefix}_keys`,
          SUBGRAPH_SECRET: secret,
        },
        readyUrl: `http://127.0.0.1:${port}/readyz`,
        onOutput: options.onOutput,
        startTimeoutMs: options.startTimeoutMs,
      }),
    );
  }
  const gatewayPort = options.ports === 'default' ? GATEWAY_DEFAULT_PORT : await freePort();
  const gateway = new ServiceProcess({
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    env: { ...gatewayEnv, PORT: String(gatewayPort) },
    readyUrl: `http://127.0.0.1:${gatewayPort}/readyz`,
    onOutput: options.onOutput,
    startTimeoutMs: options.startTimeoutMs,
  });

  const stop = async () => {
    await gateway.stop();
    await Promise.all([...subgraphs.values()].map((s) => s.stop()));
  };
  try {
    // Subgraphs start side by side; the gateway composes once all of them answer.
    await Promise.all([...subgraphs.values()].map((s) => s.start()));
    await gateway.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, gateway, subgraphs, stop };
}
