import { randomUUID } from 'node:crypto';
import { complaintRegistered, inquiryReceived } from '@carebridge/event-contracts';
import { parse } from 'csv-parse/sync';
import { createLogger } from '@carebridge/service-kit';
import { people, useAnalytics } from '../analytics.fixture';
import { CASE_EXPORT_COLUMNS } from './case-export';
import { caseExportRoute } from './case-export.route';

describe('per-case CSV export (real Postgres)', () => {
  const world = useAnalytics();
  const route = () => caseExportRoute(world.caseExport);
  const get = (query: string, identity = people.analyst as never) =>
    route().handle({ url: new URL(`http://analytics/exports/cases.csv?${query}`), rest: '', identity, requestId: 'r-1', logger: createLogger({ service: 'analytics', level: 'silent' }) });
  const text = async (body: unknown) => {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  };

  beforeAll(async () => {
    const customerId = await world.learnCustomer();
    // More rows than one read batch, so the export pages through the table while it streams.
    const received = Array.from({ length: 1203 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 1 + (i % 28), 8, i % 60)).toISOString();
      return world.message(inquiryReceived, { inquiryId: randomUUID(), customerId, channel: i % 3 ? 'CHAT' : 'PHONE', category: 'GENERAL', receivedAt: at, firstResponseDueAt: at });
    });
    // As the embedded log delivers them: a run of events per transaction.
    for (let i = 0; i < received.length; i += 250) await world.consumer.deliverBatch(received.slice(i, i + 250));
    await world.deliver(complaintRegistered, { complaintId: randomUUID(), registrationNumber: 'C-2026-000001', customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'LOW', registeredBy: 'a', registeredAt: '2026-11-15T08:00:00.000Z' });
  }, 60_000);

  it('streams one row per case opened in the period, ids and classifications only, and audits the request', async () => {
    const reply = await get('kind=MONTH&date=2026-11-01');
    expect(reply.status).toBe(200);
    expect(typeof reply.body).not.toBe('string');
    const rows: Record<string, string>[] = parse(await text(reply.body), { columns: true });
    expect(rows).toHaveLength(1204);
    expect(Object.keys(rows[0])).toEqual([...CASE_EXPORT_COLUMNS]);
    expect(rows.find((r) => r.kind === 'COMPLAINT')).toMatchObject({ reference: 'C-2026-000001', customer_tier: 'GOLD', urgency: 'LOW' });
    expect(Object.keys(rows[0]).some((column) => /customer_id|name|email|phone/.test(column))).toBe(false);

    const filtered: Record<string, string>[] = parse(await text((await get('from=2026-11-01&to=2026-11-30&caseKind=INQUIRY&filter=CHANNEL:PHONE')).body), { columns: true });
    expect(filtered.length).toBe(401);
    expect(new Set(filtered.map((r) => r.channel))).toEqual(new Set(['PHONE']));

    const audit = await world.db.dataSource.query(`SELECT requested_by, filter FROM case_export_audit ORDER BY filter->>'caseKind' NULLS FIRST`);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toEqual({ requested_by: people.analyst.userId, filter: { period: { from: '2026-11-01', to: '2026-11-30' }, caseKind: 'INQUIRY', filters: [{ dimension: 'CHANNEL', value: 'PHONE' }] } });
    // The local hour of the opening (UTC here): every case of the fixture arrived in the 08 hour.
    const byHour: Record<string, string>[] = parse(await text((await get('from=2026-11-01&to=2026-11-30&caseKind=INQUIRY&filter=OPENED_HOUR:08&filter=CHANNEL:PHONE')).body), { columns: true });
    expect(byHour.length).toBe(401);
  });

  it('refuses roles without figures and bad filters, auditing nothing', async () => {
    await expect(get('kind=MONTH&date=2026-11-01', people.agent as never)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(get('kind=MONTH&date=2026-11-01&filter=NAME:x')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter' } });
    await expect(get('kind=YEAR&date=2026-11-01')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'kind' } });
    expect(await world.db.dataSource.query(`SELECT count(*)::int AS n FROM case_export_audit`)).toEqual([{ n: 3 }]);
  });
});
