import { defineEvent, field } from '@carebridge/event-contracts';
import { defineSubgraph } from '@carebridge/service-kit';
import { openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { type Breach, type Deadline, deadlineMonitorJob, defineDeadline, DeadlineMonitor, type OverdueSubject } from './deadline-monitor';

const ticketDeadlineMissed = defineEvent({
  type: 'ticket.deadline_missed',
  version: 1,
  producer: 'tickets',
  topic: 'carebridge.tickets',
  description: 'A ticket passed a deadline (test contract).',
  schema: z.object({ ticketId: field.id(), deadline: z.string(), priority: z.string(), dueAt: field.time(), breachedAt: field.time() }),
  key: (data) => data.ticketId,
  personalData: 'none',
});

class CreateTickets1764300000001 implements MigrationInterface {
  name = 'CreateTickets1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        priority text NOT NULL DEFAULT 'NORMAL',
        acknowledge_due_at timestamp(3) with time zone NOT NULL,
        acknowledged_at timestamp(3) with time zone,
        resolve_due_at timestamp(3) with time zone,
        escalations integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE TABLE ticket_breach (
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        kind text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        breached_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (ticket_id, kind, due_at)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_breach');
    await queryRunner.query('DROP TABLE ticket');
  }
}

interface OverdueTicket extends OverdueSubject {
  priority: string;
}

const T0 = new Date('2026-11-02T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A deadline on one due column of the ticket table, declared the way a service declares its own. */
function ticketDeadline(name: string, due: string, options: { met?: string; lock?: boolean; onBreach?: (breach: Breach<OverdueTicket>) => void } = {}) {
  return defineDeadline({
    name,
    findOverdue: (manager: EntityManager, now: Date, limit: number): Promise<OverdueTicket[]> =>
      manager.query(
        `SELECT t.id AS "subjectId", t.${due} AS "dueAt", t.priority FROM ticket t
          WHERE t.${due} <= $1 ${options.met ? `AND t.${options.met} IS NULL` : ''}
            AND NOT EXISTS (SELECT 1 FROM ticket_breach b WHERE b.ticket_id = t.id AND b.kind = $3 AND b.due_at = t.${due})
          ORDER BY t.${due}, t.id LIMIT $2 ${options.lock === false ? '' : 'FOR UPDATE OF t SKIP LOCKED'}`,
        [now, limit, name],
      ),
    onBreach: async (manager, breach) => {
      options.onBreach?.(breach);
      await manager.query('UPDATE ticket SET escalations = escalations + 1 WHERE id = $1', [breach.subject.subjectId]);
    },
    event: ticketDeadlineMissed,
    eventData: (breach) => ({
      ticketId: breach.subject.subjectId,
      deadline: breach.deadline,
      priority: breach.subject.priority,
      dueAt: breach.dueAt.toISOString(),
      breachedAt: breach.breachedAt.toISOString(),
    }),
  });
}

describe('DeadlineMonitor (real Postgres)', () => {
  let db: ServiceDatabase;
  const acknowledge = ticketDeadline('ACKNOWLEDGE', 'acknowledge_due_at', { met: 'acknowledged_at' });
  const resolve = ticketDeadline('RESOLVE', 'resolve_due_at');
  const breaches = { table: 'ticket_breach', subjectColumn: 'ticket_id', deadlineColumn: 'kind' };
  const monitorOf = (deadlines: Deadline<any, any>[], batchSize?: number) => new DeadlineMonitor({ dataSource: db.dataSource, outbox: db.outbox, breaches, deadlines, batchSize });

  beforeAll(async () => {
    db = await openServiceDatabase(defineSubgraph({ name: 'business_calendar', entities: [], migrations: [CreateTickets1764300000001], build: () => ({ resolvers: [] }) }));
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE ticket_breach, ticket, outbox_event');
  });

  async function ticket(values: { acknowledgeDue: Date; resolveDue?: Date; acknowledged?: Date; priority?: string }): Promise<string> {
    const [row] = await db.dataSource.query(
      'INSERT INTO ticket (acknowledge_due_at, resolve_due_at, acknowledged_at, priority) VALUES ($1, $2, $3, $4) RETURNING id',
      [values.acknowledgeDue, values.resolveDue ?? null, values.acknowledged ?? null, values.priority ?? 'NORMAL'],
    );
    return row.id;
  }
  const events = async () => (await db.outboxEvents()).filter((e) => e.type === 'ticket.deadline_missed');
  const breachRows = (): Promise<{ ticket_id: string; kind: string; due_at: Date; breached_at: Date }[]> =>
    db.dataSource.query('SELECT ticket_id, kind, due_at, breached_at FROM ticket_breach ORDER BY due_at, kind');
  const escalations = async (id: string) => (await db.dataSource.query('SELECT escalations FROM ticket WHERE id = $1', [id]))[0].escalations;

  it('records each breach due by now once, runs the deadline’s own changes and publishes its event', async () => {
    const late = await ticket({ acknowledgeDue: minutes(-30), resolveDue: minutes(-10), priority: 'HIGH' });
    const met = await ticket({ acknowledgeDue: minutes(-30), acknowledged: minutes(-40) });
    const notYet = await ticket({ acknowledgeDue: minutes(30), resolveDue: minutes(60) });
    const monitor = monitorOf([acknowledge, resolve]);

    expect(await monitor.run(T0)).toEqual({ breached: 2 });
    expect(await breachRows()).toEqual([
      { ticket_id: late, kind: 'ACKNOWLEDGE', due_at: minutes(-30), breached_at: T0 },
      { ticket_id: late, kind: 'RESOLVE', due_at: minutes(-10), breached_at: T0 },
    ]);
    expect((await events()).map((e) => [e.key, e.data])).toEqual([
      [late, { ticketId: late, deadline: 'ACKNOWLEDGE', priority: 'HIGH', dueAt: minutes(-30).toISOString(), breachedAt: T0.toISOString() }],
      [late, { ticketId: late, deadline: 'RESOLVE', priority: 'HIGH', dueAt: minutes(-10).toISOString(), breachedAt: T0.toISOString() }],
    ]);
    expect(await escalations(late)).toBe(2);
    expect([await escalations(met), await escalations(notYet)]).toEqual([0, 0]);

    // Again, and later: nothing new until the next deadline falls due.
    expect(await monitor.run(T0)).toEqual({ breached: 0 });
    expect(await monitor.run(minutes(45))).toEqual({ breached: 1 });
    expect(await events()).toHaveLength(3);
    expect(await escalations(late)).toBe(2);
  });

  it.each([
    ['three instances', true, 3],
    // The breach table's key alone holds, should a search not lock: the second insert waits, then does nothing.
    ['two instances whose search does not lock', false, 2],
  ])('reports a breach once when %s run at the same moment', async (_label, lock, instances) => {
    const ids = await Promise.all([1, 2, 3].map((n) => ticket({ acknowledgeDue: minutes(-n) })));
    const deadline = ticketDeadline('ACKNOWLEDGE', 'acknowledge_due_at', { lock });
    const results = await Promise.all(Array.from({ length: instances }, () => monitorOf([deadline]).run(T0)));
    expect(results.reduce((sum, r) => sum + r.breached, 0)).toBe(3);
    expect((await events()).map((e) => e.key).sort()).toEqual([...ids].sort());
    expect(await breachRows()).toHaveLength(3);
    for (const id of ids) expect(await escalations(id)).toBe(1);
  });

  it('works through more than one batch, a transaction each', async () => {
    for (let n = 1; n <= 5; n++) await ticket({ acknowledgeDue: minutes(-n) });
    const transactions = jest.spyOn(db.dataSource, 'transaction');
    try {
      expect(await monitorOf([acknowledge], 2).run(T0)).toEqual({ breached: 5 });
      expect(transactions).toHaveBeenCalledTimes(3);
    } finally {
      transactions.mockRestore();
    }
    expect(await events()).toHaveLength(5);
  });

  it('stops when a search keeps finding what is recorded already', async () => {
    await ticket({ acknowledgeDue: minutes(-5) });
    await ticket({ acknowledgeDue: minutes(-6) });
    const forgetful = defineDeadline({
      ...acknowledge,
      // Leaves out nothing: the monitor must not go round for ever.
      findOverdue: (manager: EntityManager, now: Date, limit: number) =>
        manager.query(`SELECT id AS "subjectId", acknowledge_due_at AS "dueAt", priority FROM ticket WHERE acknowledge_due_at <= $1 LIMIT $2`, [now, limit]),
    });
    expect(await monitorOf([forgetful], 2).run(T0)).toEqual({ breached: 2 });
    expect(await monitorOf([forgetful], 2).run(T0)).toEqual({ breached: 0 });
    expect(await events()).toHaveLength(2);
  });

  it('lets the service record a breach in its own transaction, which the monitor then leaves alone', async () => {
    const id = await ticket({ acknowledgeDue: minutes(-5), priority: 'LOW' });
    const monitor = monitorOf([acknowledge]);
    const subject = { subjectId: id, dueAt: minutes(-5), priority: 'LOW' };
    // A late acknowledgement finds the deadline missed before the monitor did.
    expect(
      await db.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE ticket SET acknowledged_at = $2 WHERE id = $1', [id, minutes(-1)]);
        return monitor.record(manager, acknowledge, subject, minutes(-1));
      }),
    ).toBe(true);
    expect(await db.dataSource.transaction((manager) => monitor.record(manager, acknowledge, subject, T0))).toBe(false);
    expect(await monitor.run(T0)).toEqual({ breached: 0 });
    expect((await events()).map((e) => e.data.breachedAt)).toEqual([minutes(-1).toISOString()]);
    await expect(monitor.record(db.dataSource.manager, acknowledge, subject, T0)).rejects.toThrow(/open transaction/);
  });

  it('counts a deadline that moved and was missed again as a new breach', async () => {
    const id = await ticket({ acknowledgeDue: minutes(-5) });
    const monitor = monitorOf([acknowledge]);
    await monitor.run(T0);
    await db.dataSource.query('UPDATE ticket SET acknowledge_due_at = $2 WHERE id = $1', [id, minutes(10)]);
    expect(await monitor.run(minutes(5))).toEqual({ breached: 0 });
    expect(await monitor.run(minutes(15))).toEqual({ breached: 1 });
    expect((await breachRows()).map((r) => r.due_at)).toEqual([minutes(-5), minutes(10)]);
  });

  it('records nothing and publishes nothing of a batch whose changes fail', async () => {
    const id = await ticket({ acknowledgeDue: minutes(-5) });
    let fail = true;
    const fragile = ticketDeadline('ACKNOWLEDGE', 'acknowledge_due_at', {
      onBreach: () => {
        if (fail) throw new Error('history table is full');
      },
    });
    await expect(monitorOf([fragile]).run(T0)).rejects.toThrow('history table is full');
    expect(await breachRows()).toEqual([]);
    expect(await events()).toEqual([]);
    fail = false;
    expect(await monitorOf([fragile]).run(T0)).toEqual({ breached: 1 });
    expect(await escalations(id)).toBe(1);
  });

  it('refuses a breach table it cannot name safely and a deadline declared twice', () => {
    expect(() => new DeadlineMonitor({ dataSource: db.dataSource, outbox: db.outbox, breaches: { table: 'ticket_breach; DROP TABLE ticket', subjectColumn: 'ticket_id' }, deadlines: [] })).toThrow(
      /not a lower-case table or column name/,
    );
    expect(() => monitorOf([acknowledge, acknowledge])).toThrow(/"ACKNOWLEDGE" is declared twice/);
  });

  it('warns once of a deadline at risk before it passes, when the deadline declares it; a moved deadline is warned of again', async () => {
    const ticketAtRisk = defineEvent({
      type: 'ticket.deadline_at_risk',
      version: 1,
      producer: 'tickets',
      topic: 'carebridge.tickets',
      description: 'A ticket is close to a deadline (test contract).',
      schema: z.object({ ticketId: field.id(), dueAt: field.time(), detectedAt: field.time() }),
      key: (data) => data.ticketId,
      personalData: 'none',
    });
    // At risk: within 10 minutes of the due time, not yet past it.
    const warned = defineDeadline({
      ...acknowledge,
      atRisk: {
        findAtRisk: (manager: EntityManager, now: Date, limit: number): Promise<OverdueTicket[]> =>
          manager.query(
            `SELECT t.id AS "subjectId", t.acknowledge_due_at AS "dueAt", t.priority FROM ticket t
              WHERE t.acknowledged_at IS NULL AND t.acknowledge_due_at > $1 AND t.acknowledge_due_at <= $1::timestamptz + interval '10 minutes'
                AND NOT EXISTS (SELECT 1 FROM ticket_breach b WHERE b.ticket_id = t.id AND b.kind = 'ACKNOWLEDGE_AT_RISK' AND b.due_at = t.acknowledge_due_at)
              ORDER BY t.acknowledge_due_at, t.id LIMIT $2 FOR UPDATE OF t SKIP LOCKED`,
            [now, limit],
          ),
        event: ticketAtRisk,
        eventData: (warning) => ({ ticketId: warning.subject.subjectId, dueAt: warning.dueAt.toISOString(), detectedAt: warning.detectedAt.toISOString() }),
      },
    });
    const close = await ticket({ acknowledgeDue: minutes(5) });
    await ticket({ acknowledgeDue: minutes(30) });
    const monitor = monitorOf([warned, resolve]);
    expect(await monitor.run(T0)).toEqual({ breached: 0, atRisk: 1 });
    expect(await monitor.run(minutes(1))).toEqual({ breached: 0 });
    const warnings = (await db.outboxEvents()).filter((e) => e.type === 'ticket.deadline_at_risk');
    expect(warnings.map((e) => e.data)).toEqual([{ ticketId: close, dueAt: minutes(5).toISOString(), detectedAt: T0.toISOString() }]);
    expect(await escalations(close)).toBe(0);

    await db.dataSource.query('UPDATE ticket SET acknowledge_due_at = $2 WHERE id = $1', [close, minutes(12)]);
    expect(await monitor.run(minutes(3))).toEqual({ breached: 0, atRisk: 1 });
    // The breach comes as before, and the warnings are told apart from it in the breach table.
    expect(await monitor.run(minutes(13))).toMatchObject({ breached: 1 });
    expect((await breachRows()).filter((r) => r.ticket_id === close).map((r) => [r.kind, r.due_at])).toEqual([
      ['ACKNOWLEDGE_AT_RISK', minutes(5)],
      ['ACKNOWLEDGE', minutes(12)],
      ['ACKNOWLEDGE_AT_RISK', minutes(12)],
    ]);
  });

  it('runs as a scheduled job', async () => {
    await ticket({ acknowledgeDue: minutes(-5) });
    const job = deadlineMonitorJob(monitorOf([acknowledge]), { everyMs: 30_000 });
    expect(job).toMatchObject({ name: 'sla-monitor', everyMs: 30_000 });
    expect(await job.run(T0)).toEqual({ breached: 1 });
    expect(deadlineMonitorJob(monitorOf([]), { name: 'follow-up-deadlines', everyMs: 1000 }).name).toBe('follow-up-deadlines');
  });
});
