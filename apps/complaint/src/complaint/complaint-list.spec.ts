import type { Logger } from 'typeorm';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { ComplaintOrder, type ComplaintsArgs } from './complaint.inputs';

/**
 * The list queries use indexes: checked on the plans PostgreSQL makes for the exact SQL the list
 * runs, on a table of 20 000 complaints (no timings: plans do not depend on the machine).
 */
describe('complaint list query plans (real Postgres, 20 000 complaints)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
    await world.db.dataSource.query(`
      INSERT INTO complaint (registration_number, customer_id, status, channel, category, urgency, description, occurred_at,
        registered_by, created_at, updated_at, version, assignee_id, feedback_started_at, feedback_target_ms, feedback_due_at, feedback_given_at)
      SELECT 'CMP-2025-' || lpad(n::text, 6, '0'),
        ('00000000-0000-4000-8000-' || lpad((n % 5000)::text, 12, '0'))::uuid,
        (enum_range(NULL::complaint_status))[1 + n % 7],
        'EMAIL', (enum_range(NULL::complaint_category))[1 + n % 9], (enum_range(NULL::urgency))[1 + n % 4],
        'Complaint number ' || n || ' about a delayed flight', t - interval '1 day', 'agent-' || (n % 30), t, t, 1,
        CASE WHEN n % 7 = 0 THEN NULL ELSE 'spec-' || (n % 40) END,
        t, 86400000, t + interval '1 day', CASE WHEN n % 3 = 0 THEN NULL ELSE t + interval '2 hours' END
      FROM generate_series(1, 20000) AS n, LATERAL (SELECT timestamptz '2025-01-01' + n * interval '17 minutes' AS t) AS at`);
    await world.db.dataSource.query('ANALYZE complaint');
  }, 60_000);
  afterAll(() => world.close());

  /** The plan of the page query `list(args)` runs (not the count). */
  async function planOf(args: ComplaintsArgs): Promise<string> {
    const dataSource = world.db.dataSource;
    const captured: [string, unknown[]][] = [];
    const original = dataSource.logger;
    const capturing: Logger = {
      logQuery: (query, parameters) => void captured.push([query, parameters ?? []]),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    Object.assign(dataSource, { logger: capturing });
    try {
      await world.queries.list(args);
    } finally {
      Object.assign(dataSource, { logger: original });
    }
    const page = captured.find(([query]) => query.includes('ORDER BY') && query.includes('LIMIT'));
    if (!page) throw new Error(`no page query among ${captured.map(([q]) => q).join('\n')}`);
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN ${page[0]}`, page[1]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it('reads the default list (newest first, 50) by an index scan, not a sort of the table', async () => {
    const plan = await planOf({ first: 50 });
    expect(plan).toMatch(/Index Scan/);
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/complaint_created_at_id_idx/);
  });

  it('reads a page further on by the cursor through the same index', async () => {
    const first = await world.queries.list({ first: 50 });
    const plan = await planOf({ first: 50, after: first.pageInfo.endCursor ?? undefined });
    expect(plan).toMatch(/Index Scan/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('reads a specialist’s complaints in one status through the assignee index', async () => {
    const plan = await planOf({ first: 50, filter: { status: ['IN_PROGRESS' as any], assigneeId: 'spec-7' } });
    expect(plan).toMatch(/Index/);
    expect(plan).toMatch(/complaint_assignee_status_created_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it.each([
    ['a customer', { customerId: '00000000-0000-4000-8000-000000000042' }, /complaint_customer_created_idx/],
    ['a status', { status: ['REOPENED'] }, /Index/],
    ['words of the description', { text: 'number 4242' }, /complaint_description_search_idx/],
  ])('filters by %s with an index', async (_name, filter, index) => {
    const plan = await planOf({ first: 50, filter: filter as any });
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it('orders by the feedback deadline through its partial index', async () => {
    const plan = await planOf({ first: 50, orderBy: ComplaintOrder.FEEDBACK_DUE_AT_ASC });
    expect(plan).toMatch(/complaint_feedback_due_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
