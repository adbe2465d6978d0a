// Graph benchmark: our gateway next to a direct subgraph call and next to Hive Gateway, on one
// supergraph (crm + complaint) over generated data, in one run with rounds interleaved A/B/A/B.
//
//   npm run bench:graph -- [--complaints 20000] [--customers 2000] [--seconds 5] [--rounds 2]
//                          [--connections 20] [--write-connections 20] [--page-size 100]
//                          [--rows 1,2,3,4] [--profile-gateway <dir>]   (a CPU profile of our gateway, written there)
//
// Sizes up to 1 000 000 complaints and 100 000 customers. Before any load each target's answer is
// checked (same data as the reference target, no errors); under load every answer is checked for
// errors too. Rows:
//   1  a simple query (one complaint by id): direct to complaint / our gateway / Hive Gateway
//   2  a federated list (20 complaints with their customer's name and tier): our gateway / Hive Gateway
//   3  registerComplaint through our gateway, sustained, then every registration awaited in crm's interactions
//   4  paging through all complaints, without and with the customer's name, through our gateway
//   5  each process's resident memory, idle and at its highest under load
// CPU per request comes from /proc/<pid>/stat of each process (PostgreSQL with all its backends).
// Prints a markdown table on stdout; progress goes to stderr. Run it in its own network namespace:
//   unshare -n bash -c 'ip link set lo up; npm run bench:graph'
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { identityToHeaders, signDevelopmentToken, type Identity } from '@carebridge/auth';
import { BENCH_JWT_SECRET, startBenchPlatform, type BenchPlatform } from './graph/bench-platform';
import { generateData, registerInput, type GeneratedData } from './graph/generated-data';
import { graphql } from './graph/graphql-call';
import { cpuBetween, type Memory, peakMemoryDuring, usage } from './graph/process-usage';

interface Options {
  complaints: number;
  customers: number;
  seconds: number;
  rounds: number;
  connections: number;
  writeConnections: number;
  pageSize: number;
  rows: Set<number>;
  profileGateway?: string;
}

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
}

interface Measured {
  row: string;
  target: string;
  connections: number;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  cpuMs: Map<string, number>;
  load: number;
}

const log = (message: string) => process.stderr.write(`[bench:graph] ${message}\n`);
const IDENTITY: Identity = { userId: 'bench-agent', roles: ['agent'], name: 'Bench Agent' };

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string', default: '20000' },
      customers: { type: 'string', default: '2000' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      'write-connections': { type: 'string', default: '20' },
      'page-size': { type: 'string', default: '100' },
      rows: { type: 'string', default: '1,2,3,4' },
      'profile-gateway': { type: 'string' },
    },
  });
  const int = (name: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    complaints: int('complaints', values.complaints, 100, 1_000_000),
    customers: int('customers', values.customers, 10, 100_000),
    seconds: int('seconds', values.seconds, 1, 600),
    rounds: int('rounds', values.rounds, 1, 20),
    connections: int('connections', values.connections, 1, 1000),
    writeConnections: int('write-connections', values['write-connections'], 1, 1000),
    pageSize: int('page-size', values['page-size'], 1, 100),
    rows: new Set((values.rows ?? '').split(',').map((row) => int('rows', row.trim(), 1, 4))),
    profileGateway: values['profile-gateway'],
  };
}

const SIMPLE = 'query Simple($id: ID!) { complaint(id: $id) { id registrationNumber status urgency category } }';
const LIST = 'query List { complaints(first: 20) { edges { node { id registrationNumber status customer { fullName tier } } } } }';
const REGISTER = 'mutation Register($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id registrationNumber } }';
const page = (withName: boolean, size: number) =>
  `query Page($after: String) { complaints(first: ${size}, after: $after) { edges { node { id registrationNumber${withName ? ' customer { fullName }' : ''} } } pageInfo { hasNextPage endCursor } } }`;

async function main(): Promise<void> {
  const options = parseOptions();
  const token = signDevelopmentToken({ sub: IDENTITY.userId, roles: IDENTITY.roles, name: IDENTITY.name }, { secret: BENCH_JWT_SECRET });
  const platform = await startBenchPlatform(log, { profileGatewayTo: options.profileGateway });
  const results: Measured[] = [];
  const peaks = new Map<string, Memory>();
  let idle = new Map<string, Memory>();
  let delivery = '';
  let plans: { hits: number; misses: number } | undefined;
  try {
    const data = await generateData(platform, token, options, log);
    log(`${data.complaints} complaints, ${options.customers} customers`);
    const bearer = { authorization: `Bearer ${token}` };
    const ours: Target = { label: 'our gateway', url: platform.gatewayUrl, headers: bearer };
    const hive: Target = { label: 'Hive Gateway', url: platform.hiveUrl, headers: bearer };
    const direct: Target = {
      label: 'complaint, direct',
      url: platform.subgraphUrl.complaint,
      headers: { ...identityToHeaders(IDENTITY), 'x-carebridge-subgraph-secret': platform.subgraphSecret.complaint },
    };
    await new Promise((resolve) => setTimeout(resolve, 2000));
    idle = new Map([...usage(platform.processes)].map(([name, s]) => [name, { rssBytes: s.rssBytes, pssBytes: s.memoryBytes }]));

    await peakMemoryDuring(platform.processes, async () => {
      // Row 1
      if (options.rows.has(1)) {
        const simple = { query: SIMPLE, variables: { id: data.complaintId } };
        await sameAnswers([direct, ours, hive], simple, (answer) => (answer as { complaint?: { id?: string } }).complaint?.id === data.complaintId);
        results.push(...(await interleaved(platform, '1 simple query', [direct, ours, hive], simple, options.connections, options)));
      }
      // Row 2
      if (options.rows.has(2)) {
        const list = { query: LIST };
        await sameAnswers([ours, hive], list, (answer) => {
          const edges = (answer as { complaints: { edges: { node: { customer?: { fullName?: string } } }[] } }).complaints.edges;
          return edges.length === 20 && edges.every((e) => typeof e.node.customer?.fullName === 'string');
        });
        results.push(...(await interleaved(platform, '2 federated list (20 + customers)', [ours, hive], list, options.connections, options)));
      }
      // Row 4 before row 3, so that it pages over exactly the generated complaints.
      if (options.rows.has(4)) results.push(...(await paging(platform, ours, data, options)));
      // Row 3
      if (options.rows.has(3)) {
        const written = await registrations(platform, ours, data, options);
        results.push(...written.results);
        delivery = written.delivery;
      }
    }, peaks);
    plans = await platform.gatewayQueryPlanCache();
  } finally {
    await platform.stop();
  }
  print(results, idle, peaks, platform, options, delivery, plans);
}

/** Every target gives the reference target's (the first's) data, which `valid` accepts. */
async function sameAnswers(targets: Target[], body: { query: string; variables?: Record<string, unknown> }, valid: (data: unknown) => boolean): Promise<void> {
  const answers = await Promise.all(targets.map((t) => graphql<unknown>(t.url, t.headers, body)));
  if (!valid(answers[0])) throw new Error(`${targets[0].label} gave an unexpected answer: ${JSON.stringify(answers[0]).slice(0, 400)}`);
  for (let i = 1; i < targets.length; i += 1) {
    if (JSON.stringify(answers[i]) !== JSON.stringify(answers[0])) {
      throw new Error(`${targets[i].label} answered differently from ${targets[0].label}: ${JSON.stringify(answers[i]).slice(0, 400)}`);
    }
  }
}

/** Load with `connections` clients for `seconds`, counting every answer that is not a clean GraphQL response. */
async function load(target: Target, body: string, connections: number, seconds: number, onData?: (text: string) => void) {
  let failed = 0;
  let firstFailure = '';
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 60,
    // A request id of its own on every request, as clients send: identical requests in flight at the
    // same time would otherwise be merged into one subgraph call by Hive Gateway's deduplication.
    idReplacement: true,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'bench-[<id>]', ...target.headers },
        body,
        onResponse: (status, text) => {
          if (status !== 200 || text.includes('"errors"')) {
            failed += 1;
            firstFailure ||= `${status} ${text.slice(0, 300)}`;
          } else onData?.(text);
        },
      },
    ],
  });
  if (failed || result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${target.label}: ${failed} failed answers (the first: ${firstFailure}), ${result.errors} errors, ${result.timeouts} timeouts under load`);
  }
  return result;
}

/** Rounds A/B/(C)/A/B/(C), after a warm-up of each target (3 s, for the JIT); CPU summed over the rounds. */
async function interleaved(platform: BenchPlatform, row: string, targets: Target[], request: object, connections: number, options: Options): Promise<Measured[]> {
  const body = JSON.stringify(request);
  for (const target of targets) await load(target, body, connections, 3);
  const sums = targets.map(emptySum);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [i, target] of targets.entries()) {
      log(`row ${row}: ${target.label}, round ${round + 1}`);
      const before = usage(platform.processes);
      const result = await load(target, body, connections, options.seconds);
      add(sums[i], result, cpuBetween(before, usage(platform.processes)));
    }
  }
  return targets.map((target, i) => summary(row, target.label, connections, sums[i]));
}

type Sum = { requests: number; seconds: number; p50: number[]; p99: number[]; cpu: Map<string, number>; load: number[] };

function emptySum(): Sum {
  return { requests: 0, seconds: 0, p50: [], p99: [], cpu: new Map(), load: [] };
}

function add(sum: Sum, result: { requests: { total: number }; duration: number; latency: { p50: number; p99: number } }, cpu: Map<string, number>) {
  sum.requests += result.requests.total;
  sum.seconds += result.duration;
  sum.p50.push(result.latency.p50);
  sum.p99.push(result.latency.p99);
  sum.load.push(loadavg()[0]);
  for (const [name, ms] of cpu) sum.cpu.set(name, (sum.cpu.get(name) ?? 0) + ms);
}

function summary(row: string, target: string, connections: number, sum: Sum): Measured {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    row,
    target,
    connections,
    requests: sum.requests,
    seconds: sum.seconds,
    p50: mean(sum.p50),
    p99: Math.max(...sum.p99),
    cpuMs: new Map([...sum.cpu].map(([name, ms]) => [name, ms / Math.max(1, sum.requests)])),
    load: mean(sum.load),
  };
}

/** Row 4: one client pages through every complaint, alternating passes without and with the customer's name. */
async function paging(platform: BenchPlatform, target: Target, data: GeneratedData, options: Options): Promise<Measured[]> {
  const variants = [
    { label: 'our gateway, without name', query: page(false, options.pageSize) },
    { label: 'our gateway, with customer name', query: page(true, options.pageSize) },
  ];
  const sums = variants.map(emptySum);
  type Page = { complaints: { edges: { node: { id: string; customer?: { fullName: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [i, variant] of variants.entries()) {
      log(`row 4 paging: ${variant.label}, round ${round + 1}`);
      const before = usage(platform.processes);
      const started = performance.now();
      const times: number[] = [];
      let after: string | null = null;
      let seen = 0;
      for (;;) {
        const t0 = performance.now();
        const answer: Page = await graphql<Page>(target.url, target.headers, { query: variant.query, variables: { after } });
        times.push(performance.now() - t0);
        const edges = answer.complaints.edges;
        if (i === 1 && !edges.every((e) => typeof e.node.customer?.fullName === 'string')) throw new Error('a page came without the customer names');
        seen += edges.length;
        if (!answer.complaints.pageInfo.hasNextPage) break;
        after = answer.complaints.pageInfo.endCursor;
      }
      if (seen !== data.complaints) throw new Error(`${variant.label} paged through ${seen} complaints, not ${data.complaints}`);
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
      add(sums[i], { requests: { total: times.length }, duration: (performance.now() - started) / 1000, latency: { p50: at(0.5), p99: at(0.99) } }, cpuBetween(before, usage(platform.processes)));
    }
  }
  return variants.map((variant, i) => summary('4 paging all complaints', `${variant.label} (${options.pageSize}/page)`, 1, sums[i]));
}

/** Row 3: registerComplaint at a sustained rate, then every registered complaint awaited in crm's interaction history. */
async function registrations(platform: BenchPlatform, target: Target, data: GeneratedData, options: Options): Promise<{ results: Measured[]; delivery: string }> {
  const bodies = data.customerIds.slice(0, 50).map((customer) => JSON.stringify({ query: REGISTER, variables: { input: registerInput(customer) } }));
  const ids: string[] = [];
  const sum = emptySum();
  const collect = (text: string) => ids.push((JSON.parse(text) as { data: { registerComplaint: { id: string } } }).data.registerComplaint.id);
  const crm = await platform.database('crm');
  let delivery = '';
  try {
    for (let round = 0; round < options.rounds; round += 1) {
      log(`row 3 registerComplaint, round ${round + 1}`);
      const before = usage(platform.processes);
      const result = await load(target, bodies[round % bodies.length], options.writeConnections, options.seconds, collect);
      const loadEnded = performance.now();
      // Delivery: each registration's timeline entry applied in crm (outbox → relay → event log → crm's consumer).
      let delivered = 0;
      while (performance.now() - loadEnded < 120_000) {
        const found = await crm.query<{ n: string }>('SELECT count(DISTINCT reference_id) AS n FROM interaction WHERE reference_id = ANY($1::text[])', [ids]);
        delivered = Number(found.rows[0].n);
        if (delivered === ids.length) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (delivered !== ids.length) throw new Error(`only ${delivered} of ${ids.length} registrations reached crm within 120 s`);
      // CPU up to the last delivery, so that the relay's and the consumer's share is counted too.
      add(sum, result, cpuBetween(before, usage(platform.processes)));
      delivery = `${ids.length} registrations, all delivered to crm; the last ${Math.round(performance.now() - loadEnded)} ms after the load ended (round ${round + 1})`;
    }
  } finally {
    await crm.end();
  }
  return { results: [summary('3 registerComplaint', 'our gateway', options.writeConnections, sum)], delivery };
}

function print(results: Measured[], idle: Map<string, Memory>, peaks: Map<string, Memory>, platform: BenchPlatform, options: Options, delivery: string, plans?: { hits: number; misses: number }): void {
  const names = platform.processes.map((p) => p.name);
  const ms = (n: number | undefined) => (n === undefined ? '–' : n < 0.05 ? '0' : n.toFixed(n < 10 ? 2 : 1));
  const mb = (memory: Memory | undefined) => (memory ? `${(memory.rssBytes / 2 ** 20).toFixed(0)} (${(memory.pssBytes / 2 ** 20).toFixed(0)})` : '–');
  const lines = [
    `| Row | Target | Clients | req/s | p50 ms | p99 ms | ${names.map((n) => `CPU ms/req ${n}`).join(' | ')} | load 1m |`,
    `|---|---|---:|---:|---:|---:|${names.map(() => '---:').join('|')}|---:|`,
  ];
  const order = (m: Measured) => Number(m.row[0]);
  for (const m of [...results].sort((a, b) => order(a) - order(b))) {
    lines.push(
      `| ${m.row} | ${m.target} | ${m.connections} | ${(m.requests / m.seconds).toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${names.map((n) => ms(m.cpuMs.get(n))).join(' | ')} | ${m.load.toFixed(2)} |`,
    );
  }
  lines.push(`| 5 RSS (PSS) MB, idle | every process | | | | | ${names.map((n) => mb(idle.get(n))).join(' | ')} | |`);
  lines.push(`| 5 RSS (PSS) MB, highest under load | every process | | | | | ${names.map((n) => mb(peaks.get(n))).join(' | ')} | |`);

  const find = (row: string, target: string) => results.find((r) => r.row.startsWith(row) && r.target === target);
  const rate = (m?: Measured) => (m ? m.requests / m.seconds : NaN);
  const direct = find('1', 'complaint, direct');
  const oursSimple = find('1', 'our gateway');
  const hiveSimple = find('1', 'Hive Gateway');
  const oursList = find('2', 'our gateway');
  const hiveList = find('2', 'Hive Gateway');
  const throughputRatio = rate(oursSimple) / rate(direct);
  const cpuRatio = (oursSimple?.cpuMs.get('our gateway') ?? NaN) / (hiveSimple?.cpuMs.get('Hive Gateway') ?? NaN);
  const listCpuRatio = (oursList?.cpuMs.get('our gateway') ?? NaN) / (hiveList?.cpuMs.get('Hive Gateway') ?? NaN);
  const cpu = cpus();
  lines.push('', `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}; ${options.rounds} round(s) of ${options.seconds} s per target, interleaved; data: ${options.complaints} complaints, ${options.customers} customers.`);
  if (direct && oursSimple && hiveSimple) {
    lines.push(
      `Simple query, our gateway ÷ direct subgraph call: ${throughputRatio.toFixed(2)}× the throughput (target ≥ 0.75×: ${throughputRatio >= 0.75 ? 'met' : 'NOT met'}).`,
      `Gateway CPU per simple query, ours ÷ Hive Gateway's: ${cpuRatio.toFixed(2)} (target ≤ 0.5: ${cpuRatio <= 0.5 ? 'met' : 'NOT met'}).`,
    );
  }
  if (oursList && hiveList) lines.push(`Gateway CPU per federated list, ours ÷ Hive Gateway's: ${listCpuRatio.toFixed(2)}; throughput ${(rate(oursList) / rate(hiveList)).toFixed(2)}×.`);
  if (delivery) lines.push(`registerComplaint: ${delivery}.`);
  lines.push(plans ? `Our gateway's query plan cache: ${plans.hits} hits, ${plans.misses} misses (${((100 * plans.hits) / Math.max(1, plans.hits + plans.misses)).toFixed(2)}% hit rate).` : 'Our gateway did not report its query plan cache.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
