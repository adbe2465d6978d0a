import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentSubgraphSecret } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { freePort, REPOSITORY_ROOT, ServiceProcess, startEmbeddedPostgres, type LocalPostgres } from '@carebridge/local-platform';
import { Client } from 'pg';
import type { WatchedProcess } from './process-usage';

/** The subgraphs the benchmark's operations reach; the others stay down, so that only these share the machine. */
const BENCH_SUBGRAPHS = ['crm', 'complaint'] as const;
type BenchSubgraph = (typeof BENCH_SUBGRAPHS)[number];

export const BENCH_JWT_SECRET = 'carebridge-graph-benchmark-jwt-secret';
const DATABASE_PREFIX = 'bench';

export interface BenchPlatform {
  postgres: LocalPostgres;
  subgraphUrl: Record<BenchSubgraph, string>;
  subgraphSecret: Record<BenchSubgraph, string>;
  gatewayUrl: string;
  hiveUrl: string;
  processes: WatchedProcess[];
  /** A client on one service's database. */
  database(service: BenchSubgraph): Promise<Client>;
  /** Our gateway's query plan cache counters, from its /metrics. */
  gatewayQueryPlanCache(): Promise<{ hits: number; misses: number }>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL, crm and complaint as `npm start` runs them, then our gateway and Hive Gateway, both on
 * one supergraph file.
 */
export async function startBenchPlatform(log: (line: string) => void, options: { profileGatewayTo?: string } = {}): Promise<BenchPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'carebridge-graph-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  const postmasterPid = Number((await readFile(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const started: ServiceProcess[] = [];
  const output = (name: string, line: string) => {
    if (/"level":(50|60)|error/i.test(line)) log(`${name}: ${line.slice(0, 400)}`);
  };
  const stop = async () => {
    for (const service of [...started].reverse()) await service.stop();
    await postgres.stop();
  };

  try {
    const subgraphUrl = {} as Record<BenchSubgraph, string>;
    const subgraphSecret = {} as Record<BenchSubgraph, string>;
    const subgraphs = await Promise.all(
      BENCH_SUBGRAPHS.map(async (name) => {
        const placement = SUBGRAPHS.find((s) => s.name === name);
        if (!placement) throw new Error(`${name} is not in the topology (libs/config/src/topology.ts)`);
        const port = await freePort();
        subgraphUrl[name] = `http://127.0.0.1:${port}/graphql`;
        subgraphSecret[name] = developmentSubgraphSecret(name);
        const service = new ServiceProcess({
          name,
          entry: `apps/${placement.project}/src/main.ts`,
          env: {
            PORT: String(port),
            LOG_LEVEL: 'warn',
            DATABASE_URL: postgres.url,
            DATABASE_NAME: `${DATABASE_PREFIX}_${name}`,
            EVENTS_DATABASE_NAME: `${DATABASE_PREFIX}_events`,
            SUBGRAPH_SECRET: subgraphSecret[name],
          },
          readyUrl: `http://127.0.0.1:${port}/readyz`,
          onOutput: output,
          startTimeoutMs: 120_000,
        });
        started.push(service);
        await service.start();
        return service;
      }),
    );
    log('subgraphs ready');

    // The committed supergraph, which production runs from, pointing at the running crm and
    // complaint; the other subgraphs are not running, and no operation of the benchmark reaches them.
    const supergraphFile = join(dataDir, 'supergraph.graphql');
    let supergraph = await readFile(join(REPOSITORY_ROOT, 'infra', 'supergraph.graphql'), 'utf8');
    for (const name of BENCH_SUBGRAPHS) {
      const graph = new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`);
      if (!graph.test(supergraph)) throw new Error(`infra/supergraph.graphql has no subgraph ${name}`);
      supergraph = supergraph.replace(graph, `$1"${subgraphUrl[name]}"`);
    }
    await writeFile(supergraphFile, supergraph);

    const gatewayPort = await freePort();
    const gatewayEnv: Record<string, string> = {
      PORT: String(gatewayPort),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SUPERGRAPH_FILE: supergraphFile,
      JWT_SECRET: BENCH_JWT_SECRET,
      // On a saturated machine a call may wait longer than production's 5 s; the benchmark measures, it does not shed load.
      SUBGRAPH_TIMEOUT_MS: '60000',
    };
    for (const placement of SUBGRAPHS) gatewayEnv[`SUBGRAPH_${envName(placement.name)}_SECRET`] = developmentSubgraphSecret(placement.name);
    for (const name of BENCH_SUBGRAPHS) gatewayEnv[`SUBGRAPH_${envName(name)}_URL`] = subgraphUrl[name];
    // A CPU profile of our gateway, written when it stops.
    if (options.profileGatewayTo) gatewayEnv.PROFILE_DIR = options.profileGatewayTo;
    const gateway = new ServiceProcess({
      name: 'gateway',
      entry: options.profileGatewayTo ? 'tools/bench/src/graph/profiled-gateway.ts' : 'apps/gateway/src/main.ts',
      env: gatewayEnv, readyUrl: `http://127.0.0.1:${gatewayPort}/readyz`, onOutput: output });
    started.push(gateway);
    const hivePort = await freePort();
    const hive = new ServiceProcess({
      name: 'hive-gateway',
      entry: 'tools/bench/src/graph/hive-gateway.ts',
      env: { HIVE_PORT: String(hivePort), NODE_ENV: 'production', SUPERGRAPH_FILE: supergraphFile, JWT_SECRET: BENCH_JWT_SECRET, SUBGRAPH_SECRETS: JSON.stringify(subgraphSecret) },
      readyUrl: `http://127.0.0.1:${hivePort}/healthcheck`,
      onOutput: output,
    });
    started.push(hive);
    await Promise.all([gateway.start(), hive.start()]);
    log('our gateway and Hive Gateway ready');

    const [crm, complaint] = subgraphs;
    return {
      postgres,
      subgraphUrl,
      subgraphSecret,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      hiveUrl: `http://127.0.0.1:${hivePort}/graphql`,
      processes: [
        { name: 'our gateway', pid: () => gateway.pid },
        { name: 'Hive Gateway', pid: () => hive.pid },
        { name: 'complaint', pid: () => complaint.pid },
        { name: 'crm', pid: () => crm.pid },
        { name: 'PostgreSQL', pid: () => postmasterPid, withChildren: true },
      ],
      async database(service) {
        const url = new URL(postgres.url);
        url.pathname = `/${DATABASE_PREFIX}_${service}`;
        const client = new Client({ connectionString: url.toString() });
        await client.connect();
        return client;
      },
      async gatewayQueryPlanCache() {
        const text = await (await fetch(`http://127.0.0.1:${gatewayPort}/metrics`)).text();
        const counter = (name: string) => Number(new RegExp(`^carebridge_gateway_query_plan_cache_${name}_total (\\d+)$`, 'm').exec(text)?.[1]);
        return { hits: counter('hits'), misses: counter('misses') };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
