import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SUBGRAPHS } from '@carebridge/config';
import type { TraceFileSpan } from '@carebridge/service-kit';
import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const CREATE_CUSTOMER = `mutation CreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const REGISTER = `mutation RegisterComplaint($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`;
// Another operation text than REGISTER's, so that the traced request is planned (a cached plan has no gateway.plan span).
const REGISTER_WITH_CUSTOMER = `mutation RegisterComplaint($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id customer { id fullName } } }`;
const SPAN_KIND = { SERVER: 1, CLIENT: 2, PRODUCER: 3, CONSUMER: 4 };

/**
 * Operating the platform: one trace from a client's traceparent through the gateway, two
 * subgraphs, the outbox and another service's consumer; /metrics of every process as promtool
 * reads it; the gateway's /readyz naming the subgraphs of the supergraph it serves.
 */
describe('traces, metrics and readiness of the running platform', () => {
  const folder = mkdtempSync(join(tmpdir(), 'carebridge-traces-'));
  const tracesFile = join(folder, 'traces.jsonl');
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let customerId: string;

  const spans = (): TraceFileSpan[] =>
    readFileSync(tracesFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as TraceFileSpan);
  const input = () => ({ customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My suitcase did not arrive.', occurredAt: new Date(Date.now() - 86_400_000).toISOString() });

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ CAREBRIDGE_TRACES_FILE: tracesFile, OTEL_SDK_DISABLED: 'false' });
    agent = platform.as('agent', 'agent-ana');
    ({ createCustomer: { id: customerId } } = await agent.data(CREATE_CUSTOMER, { input: { fullName: 'Tracy Trace', email: 'tracy@example.com' } }));
    // Once crm's customer.created has reached the complaint service, a complaint can name the customer.
    await eventually(async () => (await agent.data(REGISTER, { input: input() })).registerComplaint);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('continues the client trace through the gateway, complaint and crm, the outbox, and inquiry consuming the event', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpan = randomBytes(8).toString('hex');
    const traced = agent.withHeaders({ traceparent: `00-${traceId}-${clientSpan}-01` });
    const { registerComplaint } = await traced.data(REGISTER_WITH_CUSTOMER, { input: input() });
    expect(registerComplaint.customer).toEqual({ id: customerId, fullName: 'Tracy Trace' });

    const inTrace = () => spans().filter((s) => s.traceId === traceId);
    const consumed = await eventually(async () => {
      const found = inTrace().find((s) => s.name === 'complaint.registered process' && s.service === 'inquiry');
      if (!found) throw new Error('inquiry has not handled the event yet');
      return found;
    }, 30_000);
    const trace = inTrace();
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (span: TraceFileSpan): TraceFileSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    // The gateway's request continues the client's span; Apollo Gateway plans and fetches inside it.
    const gatewayRequest = trace.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER);
    expect(gatewayRequest?.parentSpanId).toBe(clientSpan);
    expect(trace.filter((s) => s.service === 'gateway').map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']));

    // Each subgraph's request is a child of a gateway fetch, its resolvers and SQL inside it.
    for (const service of ['complaint', 'crm']) {
      const server = trace.find((s) => s.service === service && s.kind === SPAN_KIND.SERVER);
      expect({ service, chain: ancestors(server as TraceFileSpan).map((s) => s.service) }).toEqual({ service, chain: expect.arrayContaining(['gateway']) });
      expect(trace.some((s) => s.service === service && s.attributes['db.system.name'] === 'postgresql')).toBe(true);
      expect(trace.some((s) => s.service === service && s.name.startsWith('graphql.'))).toBe(true);
    }

    // The outbox write is part of complaint's request; inquiry's handler is its child, linked to the relay's publish.
    const write = trace.find((s) => s.name === 'outbox write complaint.registered');
    expect(write?.service).toBe('complaint');
    expect(ancestors(write as TraceFileSpan).some((s) => s.service === 'complaint' && s.kind === SPAN_KIND.SERVER)).toBe(true);
    expect(consumed.parentSpanId).toBe(write?.spanId);
    expect(consumed.kind).toBe(SPAN_KIND.CONSUMER);
    expect(consumed.attributes['messaging.consumer.group.name']).toBe('carebridge.inquiry');
    const publish = spans().find((s) => s.name === 'outbox relay publish' && s.links.some((l) => l.spanId === write?.spanId));
    expect(publish?.service).toBe('complaint');
    expect(consumed.links.map((l) => l.spanId)).toContain(publish?.spanId);
  });

  it('serves /metrics on every process in a form promtool reads, with the series of each part', async () => {
    const metricsUrl = (readyUrl: string) => readyUrl.replace('/readyz', '/metrics');
    const processes = [['gateway', metricsUrl(platform.gateway.options.readyUrl)], ...[...platform.subgraphs].map(([name, p]) => [name, metricsUrl(p.options.readyUrl)])];
    expect(processes.map(([name]) => name).sort()).toEqual(['gateway', ...SUBGRAPHS.map((s) => s.name)].sort());
    const texts = new Map<string, string>();
    for (const [name, url] of processes) {
      const response = await fetch(url);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      texts.set(name, await response.text());
    }
    for (const [name, text] of texts) expect({ name, problems: promtoolProblems(text) }).toEqual({ name, problems: [] });

    const gateway = texts.get('gateway') ?? '';
    expect(sample(gateway, 'carebridge_gateway_requests_total', { operation: 'RegisterComplaint', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'carebridge_gateway_subgraph_fetches_total', { subgraph: 'crm', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'carebridge_gateway_request_duration_seconds_count', { operation: 'RegisterComplaint' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'carebridge_gateway_query_plan_cache_misses_total', {})).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'process_cpu_seconds_total', {})).toBeGreaterThan(0);

    const complaint = texts.get('complaint') ?? '';
    const service = { service: 'complaint' };
    expect(sample(complaint, 'carebridge_graphql_resolver_duration_seconds_count', { ...service, parent_type: 'Mutation', field: 'registerComplaint' })).toBeGreaterThanOrEqual(2);
    expect(sample(complaint, 'carebridge_outbox_published_total', service)).toBeGreaterThanOrEqual(1);
    expect(sample(complaint, 'carebridge_outbox_pending_events', service)).toBeGreaterThanOrEqual(0);
    expect(sample(complaint, 'carebridge_db_pool_connections', { ...service, state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(complaint, 'carebridge_consumer_lag_messages', { ...service, group: 'carebridge.complaint', topic: 'carebridge.crm.customer' })).toBeGreaterThanOrEqual(0);
    expect(sample(complaint, 'carebridge_consumer_events_handled_total', { ...service, group: 'carebridge.complaint', event_type: 'customer.created' })).toBeGreaterThanOrEqual(1);
    expect(sample(texts.get('inquiry') ?? '', 'carebridge_consumer_events_handled_total', { service: 'inquiry', group: 'carebridge.inquiry', event_type: 'complaint.registered' })).toBeGreaterThanOrEqual(1);
  });

  it('reports on /readyz the supergraph it serves and the readiness of each of its subgraphs', async () => {
    const ready = await fetch(platform.gateway.options.readyUrl);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { supergraph: { subgraphs: string[] }; subgraphs: Record<string, string> };
    expect([...body.supergraph.subgraphs].sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    expect(body.subgraphs).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 'ready'])));
  });
});

/**
 * What `promtool check metrics` finds in a /metrics text, less prom-client's three default gauges
 * named `nodejs_active_*_total` (its naming, which promtool's lint flags; Carebridge's own series
 * have none). Exit code 1 (unparseable) fails outright.
 */
function promtoolProblems(text: string): string[] {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is needed (Debian: apt-get install prometheus): ${run.error.message}`);
  if (run.status !== 0 && run.status !== 3) throw new Error(`promtool could not read the metrics: ${run.stderr}${run.stdout}`);
  return `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((line) => line.trim() && !/^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/.test(line.trim()));
}

/** The value of the sample `name` whose labels include `labels` (in any order), from Prometheus text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => has[key] === value)) return Number(match[3]);
  }
  return undefined;
}
