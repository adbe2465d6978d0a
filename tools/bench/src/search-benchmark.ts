// One-search benchmark: the complaints' and inquiries' sections of `search(text)` (their search
// tables: trigram GIN on identifiers and names, tsvector GIN on words, a bounded set of word matches
// ranked, highlights) next to a plain ILIKE query over the same columns, both sections fetched in
// parallel as the gateway does, over generated complaints and inquiries, in one run with rounds
// interleaved A/B, B/A.
//
//   unshare -n bash -c 'ip link set lo up; cd /work/main && npm run -s bench:search -- [--size 100000] [--rounds 2] [--data-dir DIR]'
//
// --size is how many complaints and how many inquiries (each with one message) are generated; the
// default, 100 000, keeps a run on a shared machine to a few minutes; issue #17's target is
// measured with --size 1000000. --data-dir keeps the databases, so a second run on the same size
// skips the generation.
// The rows are generated in SQL (generate_series) directly in each service's own database, on its
// own migrations, with the triggers off; the search tables are then filled from the services' own
// `*_search_source` views (what the triggers write) and their indexes built afterwards, as they are
// defined by the migrations. The searches are a fixed mix of what agents type: registration
// numbers, part of one, booking references, flight numbers, names (Latin and Chinese, with spacing
// changed), e-mail addresses, phone numbers written differently, and English and Chinese words, rare
// and common. Before timing, every search runs once through both and the answers are checked: no
// error, and the indexed search has the planted entry on its first page for every identifier search
// and finds something for every search. Prints a markdown table on stdout; progress on stderr.
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '@carebridge/local-platform';
import { migrationsOf, openDatabase } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
// Tools reach a subgraph's code by path: the benchmark measures the services' own search.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { complaintSubgraph } from '../../../apps/complaint/src/complaint.subgraph';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ComplaintSearch } from '../../../apps/complaint/src/search/complaint-search';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { inquirySubgraph } from '../../../apps/inquiry/src/inquiry.subgraph';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { InquirySearch } from '../../../apps/inquiry/src/search/inquiry-search';

const log = (message: string) => process.stderr.write(`[bench:search] ${message}\n`);
const PAGE = 10;
const CHUNK = 100_000;

const ENGLISH = [
  'My suitcase did not arrive in Frankfurt and nobody called me back',
  'The stroller was broken at the carousel',
  'The flight was delayed for five hours without any information',
  'Rude staff at the check-in desk',
  'The refund for the cancelled ticket never arrived',
  'My wheelchair was lost at the transfer',
  'The meal did not match my dietary request',
  'My seat was changed without notice',
  'My bag was damaged and the handle torn off',
  'Lounge access was refused despite my status',
];
const CHINESE = ['我的托运行李在北京首都机场丢失了', '航班延误五个小时没有任何通知', '婴儿车在转机时损坏', '退款一直没有到账', '值机柜台工作人员态度很差', '座位被无故更换'];
const SUBJECTS = ['Bag allowance to Tokyo', 'Is my flight on time?', 'Change of my return date', 'Special meal request', '行李额度咨询', '航班变更', 'Wheelchair assistance', 'Refund status'];
const GIVEN = ['Mei', 'Jonas', 'Amelia', 'Wei', 'Sofia', 'Lukas', 'Aiko', 'Mateo', 'Ines', 'Omar'];
const FAMILY = ['Tanaka', 'Schmidt', 'Costa', 'Zhang', 'Rossi', 'Novak', 'Haddad', 'Silva', 'Kowalski', 'Larsen', 'Dubois', 'Moreau'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'];
const GIVEN_HAN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '小明'];
const CARRIERS = ['LH', 'CA', 'MU', 'CZ', 'BA', 'AF', 'NH', 'SQ'];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
const pick = (values: readonly string[], expression: string) => `(${sqlArray(values)})[1 + (${expression}) % ${values.length}]`;
/** What row n holds, in SQL, so that searches can be planted and checked from n alone. */
const COMPLAINT_NUMBER = (n: string) => `'CMP-2025-' || lpad(${n}::text, 7, '0')`;
const PNR = (n: string) => `upper(substr(md5('pnr' || ${n}), 1, 6))`;
const RARE = (n: string) => `'zq' || substr(md5('w' || ${n}), 1, 6)`;

async function generateComplaints(dataSource: DataSource, size: number): Promise<void> {
  for (let from = 1; from <= size; from += CHUNK) {
    const to = Math.min(size, from + CHUNK - 1);
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`
        INSERT INTO complaint (registration_number, customer_id, status, channel, category, urgency, description, occurred_at, location,
          booking_reference, flight_number, registered_by, created_at, updated_at, version, feedback_started_at, feedback_target_ms, feedback_due_at)
        SELECT ${COMPLAINT_NUMBER('n')},
          ('00000000-0000-4000-8000-' || lpad((n % 50000)::text, 12, '0'))::uuid,
          (enum_range(NULL::complaint_status))[1 + n % 7], 'EMAIL', (enum_range(NULL::complaint_category))[1 + n % 9], (enum_range(NULL::urgency))[1 + n % 4],
          ${pick(ENGLISH, 'n')} || '. ' || CASE WHEN n % 3 = 0 THEN ${pick(CHINESE, 'n / 3')} || '。' ELSE '' END || ' Code ' || ${RARE('n')} || '.',
          t - interval '1 day', ${pick(['FRA', 'PEK', 'PVG', 'LHR', 'CDG', 'NRT'], 'n')},
          CASE WHEN n % 4 = 0 THEN NULL ELSE ${PNR('n')} END, ${pick(CARRIERS, 'n')} || (100 + n % 900)::text,
          'agent-' || (n % 30), t, t, 1, t, 86400000, t + interval '1 day'
        FROM generate_series(${from}, ${to}) AS n, LATERAL (SELECT timestamptz '2025-01-01' + n * interval '30 seconds' AS t) AS at`);
    });
    log(`complaints: ${to} of ${size}`);
  }
}

async function generateInquiries(dataSource: DataSource, size: number): Promise<void> {
  for (let from = 1; from <= size; from += CHUNK) {
    const to = Math.min(size, from + CHUNK - 1);
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`
        INSERT INTO inquiry (id, channel, category, subject, contact_name, contact_email, contact_phone, received_at, first_response_due_at, recorded_by)
        SELECT ('10000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'EMAIL', (enum_range(NULL::inquiry_category))[1 + n % 5],
          ${pick(SUBJECTS, 'n')},
          CASE WHEN n % 2 = 0 THEN ${pick(SURNAMES, 'n / 2')} || ${pick(GIVEN_HAN, 'n / 16')} ELSE ${pick(GIVEN, 'n / 2')} || ' ' || ${pick(FAMILY, 'n / 20')} END,
          'guest' || n || '@example.com', '+4420' || lpad(n::text, 8, '0'),
          t, t + interval '5 minutes', 'bench'
        FROM generate_series(${from}, ${to}) AS n, LATERAL (SELECT timestamptz '2025-01-01' + n * interval '30 seconds' AS t) AS at`);
      await manager.query(`
        INSERT INTO inquiry_message (inquiry_id, original_inquiry_id, direction, body, sent_at)
        SELECT id, id, 'INBOUND', ${pick(ENGLISH, 'n / 7')} || '. ' || CASE WHEN n % 3 = 0 THEN ${pick(CHINESE, 'n')} ELSE '' END || ' Booking ' || ${PNR("'i' || n")} || '.', t
        FROM generate_series(${from}, ${to}) AS n, LATERAL (SELECT ('10000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid AS id, timestamptz '2025-01-01' + n * interval '30 seconds' AS t) AS at`);
    });
    log(`inquiries: ${to} of ${size}`);
  }
}

/** Fills a search table from its source view with its indexes dropped, then builds them as the migration defines them. */
async function fillSearchTable(dataSource: DataSource, table: string): Promise<void> {
  const indexes: { indexname: string; indexdef: string }[] = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%_pkey'`, [table]);
  for (const { indexname } of indexes) await dataSource.query(`DROP INDEX ${indexname}`);
  const started = performance.now();
  await dataSource.query(`INSERT INTO ${table} SELECT * FROM ${table}_source ON CONFLICT DO NOTHING`);
  log(`${table}: filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await dataSource.query(`SET maintenance_work_mem = '256MB'`);
  for (const { indexname, indexdef } of indexes) {
    const at = performance.now();
    await dataSource.query(indexdef);
    log(`${indexname}: built in ${((performance.now() - at) / 1000).toFixed(0)} s`);
  }
  await dataSource.query(`VACUUM ANALYZE ${table}`);
}

interface Search {
  text: string;
  kind: string;
  /** The registration number or inquiry id the indexed search must put first; none for words. */
  complaint?: string;
  inquiry?: string;
}

/** The searches: every kind twice or more, on rows spread over the whole table. */
function searches(size: number): Search[] {
  const at = (fraction: number) => Math.max(1, Math.floor(size * fraction));
  const number = (n: number) => `CMP-2025-${String(n).padStart(7, '0')}`;
  const inquiryId = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const list: Search[] = [];
  for (const n of [at(0.13), at(0.61), at(0.97)]) list.push({ text: number(n), kind: 'registration number', complaint: number(n) });
  for (const n of [at(0.29), at(0.83)]) list.push({ text: number(n).slice(-7).toLowerCase(), kind: 'part of a registration number', complaint: number(n) });
  list.push({ text: inquiryId(at(0.44)), kind: 'inquiry id', inquiry: inquiryId(at(0.44)) });
  for (const fraction of [0.21, 0.73]) list.push({ text: 'pnr', kind: 'booking reference', complaint: number(at(fraction) - (at(fraction) % 4) + 1) });
  list.push({ text: 'LH 108', kind: 'flight number (common)' }, { text: 'mu102', kind: 'flight number (common)' });
  list.push({ text: 'sofia rossi', kind: 'Latin name (common)' }, { text: 'ROSSI  Sofia', kind: 'Latin name, order changed' }, { text: '王 小明', kind: 'Chinese name' });
  list.push({ text: `guest${at(0.37)}@example.com`, kind: 'e-mail', inquiry: inquiryId(at(0.37)) });
  list.push({ text: `020 ${String(at(0.52)).padStart(8, '0').replace(/(\d{4})(\d{4})/, '$1 $2')}`, kind: 'phone, national format', inquiry: inquiryId(at(0.52)) });
  list.push({ text: 'rare', kind: 'rare word' }, { text: 'stroller broken', kind: 'English words (common)' }, { text: 'wheelchairs', kind: 'English word, stemmed (common)' });
  list.push({ text: '行李丢失', kind: 'Chinese words (common)' }, { text: '婴儿车', kind: 'Chinese word (common)' }, { text: 'refund never arrived', kind: 'English words (common)' });
  return list;
}

/** Fills in the texts only the database knows (a row's booking reference, its rare word). */
async function plant(complaints: DataSource, list: Search[], size: number): Promise<void> {
  for (const search of list) {
    if (search.kind === 'booking reference') {
      const n = Number(search.complaint?.slice(-7));
      [{ text: search.text }] = await complaints.query(`SELECT ${PNR('$1::int')} AS text`, [n]);
      search.text = search.text.toLowerCase();
    }
    if (search.kind === 'rare word') {
      const n = Math.max(1, Math.floor(size * 0.66));
      [{ text: search.text }] = await complaints.query(`SELECT ${RARE('$1::int')} AS text`, [n]);
      search.complaint = `CMP-2025-${String(n).padStart(7, '0')}`;
    }
  }
}

type Page = { complaints: string[]; inquiries: string[] };
type Engine = { label: string; search(text: string): Promise<Page> };

function engines(complaints: DataSource, inquiries: DataSource): Engine[] {
  const complaintSearch = new ComplaintSearch(complaints);
  const inquirySearch = new InquirySearch(inquiries);
  return [
    {
      label: 'search (trigram and tsvector GIN, bounded candidates ranked, highlights)',
      search: async (text) => {
        const [c, i] = await Promise.all([complaintSearch.find(text, PAGE), inquirySearch.find(text, PAGE, true)]);
        return { complaints: c.map((hit) => hit.complaint.registrationNumber), inquiries: i.map((hit) => hit.inquiry.id) };
      },
    },
    {
      label: 'plain ILIKE (the text anywhere in the same columns, newest first)',
      search: async (text) => {
        const pattern = `%${text.trim().replace(/[\\%_]/g, '\\$&')}%`;
        const [c, i] = await Promise.all([
          complaints.query(
            `SELECT id, registration_number FROM complaint
              WHERE registration_number ILIKE $1 OR booking_reference ILIKE $1 OR flight_number ILIKE $1 OR location ILIKE $1 OR description ILIKE $1
              ORDER BY created_at DESC, id LIMIT ${PAGE}`,
            [pattern],
          ) as Promise<{ registration_number: string }[]>,
          inquiries.query(
            `SELECT i.id FROM inquiry i
              WHERE i.id::text ILIKE $1 OR i.subject ILIKE $1 OR i.contact_name ILIKE $1 OR i.contact_email ILIKE $1 OR i.contact_phone ILIKE $1
                 OR EXISTS (SELECT 1 FROM inquiry_message m WHERE m.inquiry_id = i.id AND m.body ILIKE $1)
              ORDER BY i.received_at DESC, i.id LIMIT ${PAGE}`,
            [pattern],
          ) as Promise<{ id: string }[]>,
        ]);
        return { complaints: c.map((row) => row.registration_number), inquiries: i.map((row) => row.id) };
      },
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '2' }, 'data-dir': { type: 'string' } } });
  const size = Number(values.size);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(size) || size < 1000) throw new Error('--size must be a whole number of at least 1000');
  const dataDir = values['data-dir'];
  const postgres = await startEmbeddedPostgres({ dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), 'search-bench-'))), persistent: !!dataDir });
  try {
    const open = (definition: typeof complaintSubgraph, database: string) =>
      openDatabase({ serverUrl: postgres.url, database, entities: definition.entities, migrations: migrationsOf(definition), poolSize: 4 });
    const complaints = await open(complaintSubgraph, 'complaint_search_bench');
    const inquiries = await open(inquirySubgraph, 'inquiry_search_bench');
    const [{ count }] = await complaints.query(`SELECT count(*)::int AS count FROM complaint`);
    let generation: string | null = null;
    if (count === 0) {
      const started = performance.now();
      await generateComplaints(complaints, size);
      await generateInquiries(inquiries, size);
      const generated = performance.now();
      await fillSearchTable(complaints, 'complaint_search');
      await fillSearchTable(inquiries, 'inquiry_search');
      await complaints.query('ANALYZE complaint');
      await inquiries.query('ANALYZE inquiry');
      await inquiries.query('ANALYZE inquiry_message');
      generation = `generating the rows took ${((generated - started) / 1000).toFixed(0)} s, filling and indexing the search tables ${((performance.now() - generated) / 1000).toFixed(0)} s`;
    } else if (count !== size) throw new Error(`${dataDir} holds ${count} complaints, not ${size}: give another --data-dir`);
    else log(`${count} complaints and inquiries generated already in ${dataDir}`);
    const [{ sizes }] = await complaints.query(`SELECT pg_size_pretty(pg_total_relation_size('complaint_search')) AS sizes`);

    const list = searches(size);
    await plant(complaints, list, size);
    const targets = engines(complaints, inquiries);

    // Answers first: no error from either; the indexed search has the planted entry on its first page and finds something for every search.
    for (const search of list) {
      const [indexed] = [await targets[0].search(search.text), await targets[1].search(search.text)];
      if (search.complaint && !indexed.complaints.includes(search.complaint)) throw new Error(`"${search.text}" (${search.kind}): ${search.complaint} not on the first page of complaints: ${indexed.complaints.join(', ')}`);
      if (search.inquiry && !indexed.inquiries.includes(search.inquiry)) throw new Error(`"${search.text}" (${search.kind}): ${search.inquiry} not on the first page of inquiries: ${indexed.inquiries.join(', ')}`);
      if (!indexed.complaints.length && !indexed.inquiries.length) throw new Error(`"${search.text}" (${search.kind}): nothing found`);
    }
    log(`answers checked for ${list.length} searches`);

    const latencies = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    const byKind = new Map<string, Map<string, number[]>>();
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const engine of order) {
        const all = latencies.get(engine.label) as number[];
        for (const search of list) {
          const started = performance.now();
          await engine.search(search.text);
          const ms = performance.now() - started;
          all.push(ms);
          const kinds = byKind.get(search.kind) ?? new Map<string, number[]>();
          kinds.set(engine.label, [...(kinds.get(engine.label) ?? []), ms]);
          byKind.set(search.kind, kinds);
        }
      }
      log(`round ${round + 1} of ${rounds}`);
    }
    const rows = targets.map((engine) => {
      const sorted = [...(latencies.get(engine.label) as number[])].sort((a, b) => a - b);
      return { label: engine.label, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
    });
    const ms = (value: number) => value.toFixed(1);
    const worst = (kind: string, label: string) => Math.max(...(byKind.get(kind)?.get(label) ?? [0]));
    process.stdout.write(
      `One search, first page of ${PAGE} complaints and ${PAGE} inquiries fetched in parallel, ${size} complaints and ${size} inquiries ` +
        `(${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ` +
        `load average ${loadavg()[0].toFixed(2)} at the end — a shared machine)\n` +
        `${generation ?? 'Generated in an earlier run'}; complaint_search with its indexes ${sizes}.\n\n` +
        `| search | searches timed | p50 ms | p95 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |\n` +
        rows.map((r) => `| ${r.label} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`).join('\n') +
        `\n\np99 of ILIKE ÷ p99 of search: ${(rows[1].p99 / rows[0].p99).toFixed(1)}× (p50: ${(rows[1].p50 / rows[0].p50).toFixed(1)}×)\n\n` +
        `| kind of search | search, slowest ms | ILIKE, slowest ms |\n| --- | --- | --- |\n` +
        [...byKind.keys()].map((kind) => `| ${kind} | ${ms(worst(kind, targets[0].label))} | ${ms(worst(kind, targets[1].label))} |`).join('\n') +
        '\n',
    );
    await complaints.destroy();
    await inquiries.destroy();
  } finally {
    await postgres.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
