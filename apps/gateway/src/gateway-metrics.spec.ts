import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import type { GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '@carebridge/service-kit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context';
import { GatewayMetrics } from './gateway-metrics';

/** The gateway's series and access log around a real Apollo Server (the same plugin and scope as gateway.ts). */
describe('GatewayMetrics', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'gateway',
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  });
  const metrics = new GatewayMetrics(logger, () => ({ hits: 4, misses: 2, evictions: 0, size: 2 }), 2);
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: 'type Query { hello(email: String): String, broken: String }',
    resolvers: {
      Query: {
        hello: () => 'hi',
        broken: () => {
          throw new GraphQLError('no', { extensions: { code: 'NOT_FOUND' } });
        },
      },
    },
    plugins: [metrics.plugin()],
  });
  const staff: GatewayContext = { identity: { userId: 'agent-7', roles: ['agent'] }, requestId: 'req-1' };
  const run = (query: string, contextValue: GatewayContext = staff, variables?: Record<string, unknown>) =>
    metrics.observe(undefined as never, async () => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      return { status: response.http.status ?? 200, body: response.body };
    });
  const sample = async (name: string, labels: Record<string, string>) => {
    // A histogram's samples are named <name>_bucket, _sum and _count.
    const values = (await metrics.registry.getMetricsAsJSON()).flatMap((m) => m.values.map((v) => ({ ...v, metricName: (v as { metricName?: string }).metricName ?? m.name })));
    return values.find((v) => v.metricName === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
  };

  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  it('counts requests by operation and status, and writes one access line without variables', async () => {
    await run('query Greeting($email: String) { hello(email: $email) }', staff, { email: 'tracy@example.com' });
    expect(await sample('carebridge_gateway_requests_total', { operation: 'Greeting', status: '200' })).toBe(1);
    expect(await sample('carebridge_gateway_request_duration_seconds_count', { operation: 'Greeting' })).toBe(1);
    const access = lines.filter((l) => l.access);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ msg: 'request', operation: 'Greeting', status: 200, userId: 'agent-7', requestId: 'req-1', durationMs: expect.any(Number) });
    expect(JSON.stringify(access[0])).not.toContain('tracy@example.com');
  });

  it('counts the error codes of an answer', async () => {
    await run('query Broken { broken }');
    expect(await sample('carebridge_gateway_request_errors_total', { operation: 'Broken', code: 'NOT_FOUND' })).toBe(1);
    expect(lines.filter((l) => l.access).at(-1)).toMatchObject({ operation: 'Broken', errors: ['NOT_FOUND'] });
  });

  it('keeps operation names bounded: after the limit, and for callers without a token, they count as "other"', async () => {
    await run('query Third { hello }');
    expect(await sample('carebridge_gateway_requests_total', { operation: 'other', status: '200' })).toBe(1);
    await run('query Greeting { hello }', { requestId: 'req-2' });
    expect(await sample('carebridge_gateway_requests_total', { operation: 'Greeting', status: '200' })).toBe(2);
    await run('{ hello }');
    expect(await sample('carebridge_gateway_requests_total', { operation: 'anonymous', status: '200' })).toBe(1);
  });

  it('times each subgraph fetch by outcome', async () => {
    const answering = (answer: () => Promise<{ data?: Record<string, unknown>; errors?: GraphQLError[] }>): GraphQLDataSource<GatewayContext> => ({ process: answer as never });
    await metrics.measured('crm', answering(async () => ({ data: { a: 1 } }))).process({} as never);
    await metrics.measured('crm', answering(async () => ({ errors: [new GraphQLError('x')] }))).process({} as never);
    await expect(metrics.measured('crm', answering(async () => Promise.reject(new Error('down')))).process({} as never)).rejects.toThrow('down');
    for (const outcome of ['ok', 'error', 'unavailable']) expect(await sample('carebridge_gateway_subgraph_fetches_total', { subgraph: 'crm', outcome })).toBe(1);
    expect(await sample('carebridge_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'crm' })).toBe(3);
  });

  it('moves the query plan cache counters to prom-client, and writes what promtool reads', async () => {
    const text = await metrics.text();
    expect(text).toMatch(/^carebridge_gateway_query_plan_cache_hits_total 4$/m);
    expect(text).toMatch(/^carebridge_gateway_query_plan_cache_plans 2$/m);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    if (promtool.error) return expect(process.env.CI).toBeUndefined(); // CI installs promtool (.ci/run)
    // prom-client's default nodejs_active_*_total gauges are the only names promtool's lint flags.
    const problems = `${promtool.stdout}${promtool.stderr}`.split('\n').filter((l) => l.trim() && !/^nodejs_active_\w+_total non-counter/.test(l));
    expect(problems).toEqual([]);
    expect([0, 3]).toContain(promtool.status);
  });
});
