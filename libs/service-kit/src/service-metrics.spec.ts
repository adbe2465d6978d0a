import { spawnSync } from 'node:child_process';
import { ApolloServer } from '@apollo/server';
import { createTestDatabase, type TestDatabase } from '@carebridge/local-platform';
import type { DataSource } from 'typeorm';
import { openDatabase } from './database';
import { ServiceMetrics } from './service-metrics';

/** A subgraph's /metrics through prom-client: root resolvers, the pool of a real database, jobs; in a form promtool reads. */
describe('ServiceMetrics', () => {
  const metrics = new ServiceMetrics('crm');
  let database: TestDatabase;
  let dataSource: DataSource;
  const sample = async (name: string, labels: Record<string, string> = {}) => {
    // A histogram's samples are named <name>_bucket, _sum and _count.
    const values = (await metrics.registry.getMetricsAsJSON()).flatMap((m) => m.values.map((v) => ({ ...v, metricName: (v as { metricName?: string }).metricName ?? m.name })));
    return values.find((v) => v.metricName === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
  };

  beforeAll(async () => {
    database = await createTestDatabase('service_metrics');
    dataSource = await openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [], migrations: [], poolSize: 3 });
    metrics.watchPool(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('times the root resolvers only, by parent type and field', async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { customer: Customer } type Customer { name: String }',
      resolvers: { Query: { customer: () => ({}) }, Customer: { name: () => 'Tracy' } },
      plugins: [metrics.plugin()],
    });
    await apollo.start();
    await apollo.executeOperation({ query: '{ customer { name } }' });
    await apollo.stop();
    expect(await sample('carebridge_graphql_resolver_duration_seconds_count', { parent_type: 'Query', field: 'customer' })).toBe(1);
    expect(await sample('carebridge_graphql_resolver_duration_seconds_count', { parent_type: 'Customer' })).toBeUndefined();
  });

  it('reads the pool of the database: total, idle and waiting connections', async () => {
    await Promise.all([dataSource.query('SELECT pg_sleep(0.05)'), dataSource.query('SELECT pg_sleep(0.05)')]);
    expect(await sample('carebridge_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(await sample('carebridge_db_pool_connections', { state: 'idle' })).toBe(await sample('carebridge_db_pool_connections', { state: 'total' }));
    expect(await sample('carebridge_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('counts job runs by outcome and times them', async () => {
    const [ok, broken] = metrics.measuredJobs([
      { name: 'sla-monitor', everyMs: 1000, run: async () => 'breaches: 0' },
      { name: 'expiry', everyMs: 1000, run: async () => Promise.reject(new Error('no')) },
    ]);
    expect(await ok.run(new Date())).toBe('breaches: 0');
    await expect(broken.run(new Date())).rejects.toThrow('no');
    expect(await sample('carebridge_job_runs_total', { scheduled_job: 'sla-monitor', outcome: 'done' })).toBe(1);
    expect(await sample('carebridge_job_runs_total', { scheduled_job: 'expiry', outcome: 'failed' })).toBe(1);
    expect(await sample('carebridge_job_duration_seconds_count', { scheduled_job: 'expiry' })).toBe(1);
  });

  it('labels every series with the service and writes what promtool reads', async () => {
    metrics.requests.inc();
    const text = await metrics.text();
    expect(text).toMatch(/^carebridge_graphql_requests_total\{service="crm"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total\{service="crm"\} /m);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    if (promtool.error) return expect(process.env.CI).toBeUndefined(); // CI installs promtool (.ci/run)
    // prom-client's default nodejs_active_*_total gauges are the only names promtool's lint flags.
    const problems = `${promtool.stdout}${promtool.stderr}`.split('\n').filter((l) => l.trim() && !/^nodejs_active_\w+_total non-counter/.test(l));
    expect(problems).toEqual([]);
  });
});
