import type { Identity } from '@carebridge/auth';
import { ConflictError, NotFoundError } from '@carebridge/domain';
import { careContactDue } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { type Clock, type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CareContact } from './care-contact.entity';
import { CareRule } from './care-rule.entity';
import { CareContactStatus, PRE_DEPARTURE_KINDS } from './care.enums';
import type { CareContactsArgs, CompleteCareContactInput, SetCareRuleInput } from './care.inputs';

/** The customers who opted out of regular care; the domain passes the implementation in. */
export interface CareOptOuts {
  careOptedOut(manager: EntityManager, customerIds: string[]): Promise<Set<string>>;
}

const DAY_MS = 86_400_000;
const BATCH = 500;

interface Occasion {
  tripId: string;
  customerId: string;
  occasionAt: Date;
}

/**
 * Regular care (T-4.4): each active rule produces one contact task per trip and occasion — a
 * pre-departure reminder `daysBefore` the first segment of a confirmed trip, or a reminder
 * `daysBefore` each anniversary of a completed trip's start — for customers who did not opt out,
 * and announces it with care_contact.due (for crm's follow-ups and the communication service).
 */
export class CareContacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly optOuts: CareOptOuts,
  ) {}

  rules(): Promise<CareRule[]> {
    return this.dataSource.getRepository(CareRule).find({ order: { kind: 'ASC' } });
  }

  async setRule(input: SetCareRuleInput, by: Identity): Promise<CareRule> {
    const repository = this.dataSource.getRepository(CareRule);
    await repository.save({ kind: input.kind, daysBefore: input.daysBefore, active: input.active, updatedBy: by.userId, updatedAt: this.clock.now() });
    return repository.findOneByOrFail({ kind: input.kind });
  }

  /** Produces the contacts due by `now`; how many of each kind. */
  async run(now = this.clock.now()): Promise<Record<string, number>> {
    const produced: Record<string, number> = {};
    for (const rule of await this.rules()) {
      if (!rule.active) continue;
      produced[rule.kind] = await this.dataSource.transaction(async (manager) => {
        const occasions = PRE_DEPARTURE_KINDS.includes(rule.kind) ? await this.departures(manager, rule, now) : await this.anniversaries(manager, rule, now);
        return this.produce(manager, rule, occasions, now);
      });
    }
    return produced;
  }

  list(args: CareContactsArgs): Promise<Connection<CareContact>> {
    const query = this.dataSource.getRepository(CareContact).createQueryBuilder('contact');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('contact.status IN (:...status)', { status: filter.status });
    if (filter.kind?.length) query.andWhere('contact.kind IN (:...kind)', { kind: filter.kind });
    if (filter.customerId) query.andWhere('contact.customerId = :customerId', { customerId: filter.customerId });
    return paginate(query, args, { sortKey: 'dueAt', direction: 'ASC' });
  }

  async complete(input: CompleteCareContactInput, by: Identity): Promise<CareContact> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOne(CareContact, { where: { id: input.careContactId }, lock: { mode: 'pessimistic_write' } });
      if (!contact) throw new NotFoundError('CareContact', input.careContactId);
      if (contact.status !== CareContactStatus.OPEN) throw new ConflictError(`Care contact "${contact.id}" is ${contact.status}`, { currentStatus: contact.status, allowedNext: [] });
      Object.assign(contact, { status: CareContactStatus.DONE, doneAt: now, doneBy: by.userId, note: input.note?.trim() || null });
      return manager.save(contact);
    });
  }

  /** Confirmed trips that leave within the rule's days and have no such reminder yet. */
  private async departures(manager: EntityManager, rule: CareRule, now: Date): Promise<Occasion[]> {
    const rows: { id: string; customer_id: string; starts_at: Date }[] = await manager.query(
      `SELECT t.id, t.customer_id, t.starts_at FROM trip t
        WHERE t.status = 'CONFIRMED' AND t.anonymised_at IS NULL AND t.starts_at > $1 AND t.starts_at <= $2
          AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.trip_id = t.id AND c.kind = $3 AND c.occasion_at = t.starts_at)
        ORDER BY t.starts_at, t.id LIMIT ${BATCH}`,
      [now, new Date(now.getTime() + rule.daysBefore * DAY_MS), rule.kind],
    );
    return rows.map((row) => ({ tripId: row.id, customerId: row.customer_id, occasionAt: new Date(row.starts_at) }));
  }

  /** Completed trips whose start has an anniversary (1 year or more) within the rule's days. */
  private async anniversaries(manager: EntityManager, rule: CareRule, now: Date): Promise<Occasion[]> {
    const days = Array.from({ length: rule.daysBefore + 1 }, (_, i) => new Date(now.getTime() + i * DAY_MS).toISOString().slice(0, 10));
    const rows: { id: string; customer_id: string; occasion_at: Date }[] = await manager.query(
      `SELECT t.id, t.customer_id,
              t.starts_at + make_interval(years => extract(year FROM d)::int - extract(year FROM t.starts_at AT TIME ZONE 'UTC')::int) AS occasion_at
         FROM trip t, unnest($1::date[]) d
        WHERE t.status = 'COMPLETED' AND t.anonymised_at IS NULL
          AND to_char(t.starts_at AT TIME ZONE 'UTC', 'MM-DD') = to_char(d, 'MM-DD')
          AND extract(year FROM d) > extract(year FROM t.starts_at AT TIME ZONE 'UTC')
          AND NOT EXISTS (SELECT 1 FROM care_contact c WHERE c.trip_id = t.id AND c.kind = 'TRIP_ANNIVERSARY'
                            AND c.occasion_at = t.starts_at + make_interval(years => extract(year FROM d)::int - extract(year FROM t.starts_at AT TIME ZONE 'UTC')::int))
        ORDER BY t.id LIMIT ${BATCH}`,
      [days],
    );
    return rows.map((row) => ({ tripId: row.id, customerId: row.customer_id, occasionAt: new Date(row.occasion_at) }));
  }

  private async produce(manager: EntityManager, rule: CareRule, occasions: Occasion[], now: Date): Promise<number> {
    const optedOut = await this.optOuts.careOptedOut(manager, [...new Set(occasions.map((o) => o.customerId))]);
    let produced = 0;
    for (const occasion of occasions) {
      if (optedOut.has(occasion.customerId)) continue;
      const dueAt = new Date(Math.max(occasion.occasionAt.getTime() - rule.daysBefore * DAY_MS, now.getTime()));
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(CareContact)
        .values({ customerId: occasion.customerId, tripId: occasion.tripId, kind: rule.kind, occasionAt: occasion.occasionAt, dueAt, status: CareContactStatus.OPEN, createdAt: now })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = inserted.raw[0]?.id as string | undefined;
      if (!id) continue;
      await this.outbox.publish(manager, careContactDue, {
        careContactId: id,
        customerId: occasion.customerId,
        tripId: occasion.tripId,
        kind: rule.kind,
        dueAt: dueAt.toISOString(),
        occasionAt: occasion.occasionAt.toISOString(),
      });
      produced += 1;
    }
    return produced;
  }
}
