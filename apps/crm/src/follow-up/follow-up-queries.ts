import { type Clock, type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { FollowUp, FollowUpPlan, type OverdueFollowUps } from './follow-up.entity';
import { FollowUpStatus } from './follow-up.enums';
import type { FollowUpFilter } from './follow-up.inputs';

/** Follow-up lists: by owner, customer, status, overdue; overdue counts per owner; a customer's plans. */
export class FollowUpQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(filter: FollowUpFilter, page: PageArgs): Promise<Connection<FollowUp>> {
    const query = this.dataSource.getRepository(FollowUp).createQueryBuilder('followUp');
    if (filter.ownerId) query.andWhere('followUp.ownerId = :ownerId', { ownerId: filter.ownerId });
    if (filter.customerId) query.andWhere('followUp.customerId = :customerId', { customerId: filter.customerId });
    if (filter.status?.length) query.andWhere('followUp.status IN (:...status)', { status: filter.status });
    if (filter.overdue) {
      query.andWhere('followUp.status = :scheduled AND followUp.dueAt < :now', { scheduled: FollowUpStatus.SCHEDULED, now: this.clock.now() });
    }
    return paginate(query, page, { sortKey: 'dueAt', direction: 'ASC' });
  }

  /** Overdue follow-ups per owner, the most overdue owners first. */
  async overdueByOwner(): Promise<OverdueFollowUps[]> {
    const rows: { owner_id: string | null; overdue: number; oldest_due_at: Date }[] = await this.dataSource.query(
      `SELECT owner_id, count(*)::int AS overdue, min(due_at) AS oldest_due_at FROM follow_up
       WHERE status = 'SCHEDULED' AND due_at < $1 GROUP BY owner_id ORDER BY min(due_at), owner_id`,
      [this.clock.now()],
    );
    return rows.map((r) => ({ ownerId: r.owner_id, overdue: r.overdue, oldestDueAt: r.oldest_due_at }));
  }

  /** The first `first` plans of a customer, oldest first (all when not given). */
  plansOf(customerId: string, first?: number): Promise<FollowUpPlan[]> {
    return this.dataSource.getRepository(FollowUpPlan).find({ where: { customerId }, order: { createdAt: 'ASC', id: 'ASC' }, take: first });
  }
}
