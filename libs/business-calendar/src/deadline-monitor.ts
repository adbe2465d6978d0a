import type { EventContract, EventData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { ScheduledJob } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

/** Something past a deadline: a complaint, an inquiry. Services add what their event and records need. */
export interface OverdueSubject {
  /** The id of the thing the deadline is about. */
  subjectId: string;
  /** When it fell due: part of the breach's key, so a deadline that moves and is missed again is a new breach. */
  dueAt: Date;
}

/** One missed deadline, as the monitor records it. */
export interface Breach<S extends OverdueSubject = OverdueSubject> {
  /** The deadline's name, as stored in the breach table (FEEDBACK, FIRST_RESPONSE). */
  deadline: string;
  subject: S;
  dueAt: Date;
  breachedAt: Date;
}

/** A deadline found at risk: still unmet, in the last part of its time (the service says which part). */
export interface AtRisk<S extends OverdueSubject = OverdueSubject> {
  deadline: string;
  subject: S;
  dueAt: Date;
  detectedAt: Date;
}

/**
 * An optional warning before a deadline passes. The monitor records it once per subject and due
 * time, in the breach table under the deadline name with `AT_RISK_SUFFIX`, and publishes its event
 * in the same transaction. A deadline that moves and comes close again is warned of again.
 */
export interface AtRiskWarning<S extends OverdueSubject = OverdueSubject, C extends EventContract = EventContract> {
  /**
   * Subjects at risk at `now` and not yet past the deadline, at most `limit`, soonest due first; like
   * `findOverdue`, locked `FOR UPDATE SKIP LOCKED` and leaving out those whose warning is recorded
   * (the breach table's row for `<name>_AT_RISK` and the due time).
   */
  findAtRisk(manager: EntityManager, now: Date, limit: number): Promise<S[]>;
  event: C;
  eventData(warning: AtRisk<S>): EventData<C>;
}

/** How a deadline's at-risk warnings are named in the breach table's deadline column. */
export const AT_RISK_SUFFIX = '_AT_RISK';

/**
 * A deadline a service watches, declared: how to find what is past it, what else a breach changes,
 * and the event that announces it. The monitor does the rest: one transaction per batch, the breach
 * recorded once, the event published in the same transaction.
 */
export interface Deadline<S extends OverdueSubject = OverdueSubject, C extends EventContract = EventContract> {
  /** Stored in the breach table's deadline column; also names the deadline in logs. */
  name: string;
  /**
   * Subjects past the deadline at `now`, at most `limit`, oldest due first. Run in the monitor's
   * transaction: lock the rows (`FOR UPDATE SKIP LOCKED`: a subject being changed right now is looked
   * at on the next run, and the monitor never waits on a writer that waits on it) and leave out those
   * whose breach is recorded already.
   */
  findOverdue(manager: EntityManager, now: Date, limit: number): Promise<S[]>;
  /** What else a breach changes in the service's own tables (escalation, history): once per breach, same transaction. */
  onBreach?(manager: EntityManager, breach: Breach<S>): Promise<void>;
  /** The event announcing the breach, published through the outbox in the same transaction. */
  event: C;
  eventData(breach: Breach<S>): EventData<C>;
  /** A warning before the breach; none when left out. */
  atRisk?: AtRiskWarning<S, any>;
}

/** Declares a deadline, keeping the types of its subject and event together. */
export function defineDeadline<S extends OverdueSubject, C extends EventContract>(deadline: Deadline<S, C>): Deadline<S, C> {
  return deadline;
}

/**
 * The service's own table of recorded breaches. Its unique key on (subject, deadline, due) is what
 * makes each breach count once, whoever records it first: the monitor, a late reply, a second instance.
 */
export interface BreachTable {
  table: string;
  /** The subject's id column, e.g. `inquiry_id`. */
  subjectColumn: string;
  /** Default `deadline`. */
  deadlineColumn?: string;
  /** Default `due_at`. */
  dueColumn?: string;
  /** Default `breached_at`. */
  breachedAtColumn?: string;
  /**
   * Where at-risk warnings are recorded when not in this table (its deadline column may be an enum
   * of the deadlines, or its rows may mean "missed" elsewhere, as in a customer's data export): a
   * table with the same subject, deadline and due columns and the same unique key, and `detectedAtColumn`.
   */
  warnings?: { table: string; detectedAtColumn: string };
}

export interface DeadlineMonitorOptions {
  dataSource: DataSource;
  /** The service's outbox (the event goes out with the breach or not at all). */
  outbox: Outbox;
  breaches: BreachTable;
  deadlines: readonly Deadline<any, any>[];
  /** Subjects per transaction; default 200. */
  batchSize?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Finds what is past each declared deadline and records every breach exactly once: the breach row
 * goes in with `ON CONFLICT DO NOTHING`, and only a row that went in runs the deadline's own changes
 * and publishes its event — in the same transaction, so a breach is never announced without its
 * record, nor twice, however often and on however many instances the monitor runs.
 */
export class DeadlineMonitor {
  private readonly insertSql: string;
  private readonly insertWarningSql: string;
  private readonly batchSize: number;

  constructor(private readonly options: DeadlineMonitorOptions) {
    const { table, subjectColumn, deadlineColumn = 'deadline', dueColumn = 'due_at', breachedAtColumn = 'breached_at', warnings } = options.breaches;
    for (const name of [table, subjectColumn, deadlineColumn, dueColumn, breachedAtColumn, ...(warnings ? [warnings.table, warnings.detectedAtColumn] : [])]) {
      if (!IDENTIFIER.test(name)) throw new Error(`DeadlineMonitor: "${name}" is not a lower-case table or column name`);
    }
    const names = options.deadlines.map((d) => d.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated) throw new Error(`DeadlineMonitor: the deadline "${repeated}" is declared twice`);
    this.insertSql = `INSERT INTO ${table} (${subjectColumn}, ${deadlineColumn}, ${dueColumn}, ${breachedAtColumn}) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING ${subjectColumn}`;
    this.insertWarningSql = warnings
      ? `INSERT INTO ${warnings.table} (${subjectColumn}, ${deadlineColumn}, ${dueColumn}, ${warnings.detectedAtColumn}) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING ${subjectColumn}`
      : this.insertSql;
    this.batchSize = options.batchSize ?? 200;
  }

  get deadlines(): readonly Deadline<any, any>[] {
    return this.options.deadlines;
  }

  /** One run: records every breach due by `now`, then every new at-risk warning, deadline by deadline, batch by batch; says how many were new. */
  async run(now: Date): Promise<{ breached: number; atRisk?: number }> {
    let breached = 0;
    let atRisk = 0;
    for (const deadline of this.options.deadlines) {
      for (;;) {
        const { found, recorded } = await this.options.dataSource.transaction(async (manager) => {
          const subjects = await deadline.findOverdue(manager, now, this.batchSize);
          let recorded = 0;
          for (const subject of subjects) if (await this.record(manager, deadline, subject, now)) recorded += 1;
          return { found: subjects.length, recorded };
        });
        breached += recorded;
        // A full batch may leave more behind; one that recorded nothing new would only find the same rows again.
        if (found < this.batchSize || recorded === 0) break;
      }
      const warning = deadline.atRisk;
      if (!warning) continue;
      for (;;) {
        const { found, recorded } = await this.options.dataSource.transaction(async (manager) => {
          const subjects = await warning.findAtRisk(manager, now, this.batchSize);
          let recorded = 0;
          for (const subject of subjects) if (await this.warn(manager, deadline, warning, subject, now)) recorded += 1;
          return { found: subjects.length, recorded };
        });
        atRisk += recorded;
        if (found < this.batchSize || recorded === 0) break;
      }
    }
    // Warnings are counted when there were any, so a run that warned of nothing reads as it always did.
    return atRisk ? { breached, atRisk } : { breached };
  }

  private async warn<S extends OverdueSubject>(manager: EntityManager, deadline: Deadline<S, any>, warning: AtRiskWarning<S, any>, subject: S, detectedAt: Date): Promise<boolean> {
    const dueAt = new Date(subject.dueAt);
    const inserted: unknown[] = await manager.query(this.insertWarningSql, [subject.subjectId, `${deadline.name}${AT_RISK_SUFFIX}`, dueAt, detectedAt]);
    if (!inserted.length) return false;
    await this.options.outbox.publish(manager, warning.event, warning.eventData({ deadline: deadline.name, subject, dueAt, detectedAt }));
    return true;
  }

  /**
   * Records one breach in the caller's transaction unless it is recorded already, then runs the
   * deadline's changes and publishes its event; true when it was new. Services call it themselves
   * where a breach shows up outside the monitor (a reply after the due time).
   */
  async record<S extends OverdueSubject>(manager: EntityManager, deadline: Deadline<S, any>, subject: S, breachedAt: Date): Promise<boolean> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error(`DeadlineMonitor.record(${deadline.name}) needs the entity manager of an open transaction`);
    const dueAt = new Date(subject.dueAt);
    const inserted: unknown[] = await manager.query(this.insertSql, [subject.subjectId, deadline.name, dueAt, breachedAt]);
    if (!inserted.length) return false;
    const breach: Breach<S> = { deadline: deadline.name, subject, dueAt, breachedAt };
    await deadline.onBreach?.(manager, breach);
    await this.options.outbox.publish(manager, deadline.event, deadline.eventData(breach));
    return true;
  }
}

/** The monitor as a scheduled job of the service (one instance at a time runs it). */
export function deadlineMonitorJob(monitor: DeadlineMonitor, options: { everyMs: number; name?: string }): ScheduledJob {
  return { name: options.name ?? 'sla-monitor', everyMs: options.everyMs, run: (now) => monitor.run(now) };
}
