import { isUuid } from '@carebridge/domain';
import { type Clock, type Connection, findManyById, firstOfEach, groupedBy, paginate, paginateEach, whereAnyOf } from '@carebridge/service-kit';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ComplaintClosure } from './complaint-closure.entity';
import { atRiskSql, breachedSql, type DeadlineClock } from './complaint-deadlines';
import { ComplaintFeedback } from './complaint-feedback.entity';
import { Complaint } from './complaint.entity';
import { type ComplaintFilter, ComplaintOrder, type ComplaintsArgs } from './complaint.inputs';
import { ConversationMessage } from './conversation-message.entity';

/** Limits a list to records meeting custom-field conditions (CustomFields of @carebridge/help-desk). */
export interface CustomFieldFilter {
  whereMatching(query: SelectQueryBuilder<Complaint>, conditions: ComplaintFilter['customFields']): Promise<void>;
}

/** Each order of the list; ordering by the feedback deadline lists only complaints still awaiting feedback. */
const ORDERS: Record<ComplaintOrder, { sortKey: 'createdAt' | 'updatedAt' | 'feedbackDueAt'; direction: 'ASC' | 'DESC'; awaitingFeedback?: true }> = {
  [ComplaintOrder.REGISTERED_AT_DESC]: { sortKey: 'createdAt', direction: 'DESC' },
  [ComplaintOrder.REGISTERED_AT_ASC]: { sortKey: 'createdAt', direction: 'ASC' },
  [ComplaintOrder.UPDATED_AT_DESC]: { sortKey: 'updatedAt', direction: 'DESC' },
  [ComplaintOrder.FEEDBACK_DUE_AT_ASC]: { sortKey: 'feedbackDueAt', direction: 'ASC', awaitingFeedback: true },
};

/** Finding complaints and what is recorded on them. */
export class ComplaintQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly deadlines: DeadlineClock,
    private readonly customFields?: CustomFieldFilter,
  ) {}

  findById(id: string): Promise<Complaint | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Complaint).findOneBy({ id });
  }

  /** Complaints by id in one query (ids not found are left out). */
  findManyById(ids: readonly string[]): Promise<Complaint[]> {
    return findManyById(this.dataSource.getRepository(Complaint), ids);
  }

  async list(args: ComplaintsArgs): Promise<Connection<Complaint>> {
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder('complaint');
    const filter = args.filter ?? {};
    const now = this.clock.now();
    if (filter.status?.length) query.andWhere('complaint.status IN (:...status)', { status: filter.status });
    if (filter.category?.length) query.andWhere('complaint.category IN (:...category)', { category: filter.category });
    if (filter.urgency?.length) query.andWhere('complaint.urgency IN (:...urgency)', { urgency: filter.urgency });
    if (filter.assigneeId) query.andWhere('complaint.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.unassigned !== undefined && filter.unassigned !== null) query.andWhere(`complaint.assigneeId IS ${filter.unassigned ? '' : 'NOT '}NULL`);
    if (filter.customerId) query.andWhere('complaint.customerId = :customerId', { customerId: filter.customerId });
    if (filter.inquiryId) query.andWhere('complaint.inquiryId = :inquiryId', { inquiryId: filter.inquiryId });
    if (filter.escalated !== undefined && filter.escalated !== null) query.andWhere(`complaint.escalatedAt IS ${filter.escalated ? 'NOT ' : ''}NULL`);
    if (filter.waitingOnCustomer !== undefined && filter.waitingOnCustomer !== null) {
      query.andWhere(`complaint.waitingSince IS ${filter.waitingOnCustomer ? 'NOT ' : ''}NULL`);
    }
    if (filter.breached !== undefined && filter.breached !== null) {
      query.andWhere(filter.breached ? breachedSql('complaint') : `NOT COALESCE(${breachedSql('complaint')}, false)`, { now });
    }
    if (filter.atRisk !== undefined && filter.atRisk !== null) {
      const atRisk = atRiskSql('complaint');
      query.andWhere(filter.atRisk ? atRisk : `NOT COALESCE(${atRisk}, false)`, { now, atRiskPercent: this.deadlines.settings.atRiskPercent });
    }
    if (filter.registeredFrom) query.andWhere('complaint.createdAt >= :from', { from: filter.registeredFrom });
    if (filter.registeredTo) query.andWhere('complaint.createdAt < :to', { to: filter.registeredTo });
    const text = filter.text?.trim();
    if (text) query.andWhere(`to_tsvector('simple', complaint.description) @@ plainto_tsquery('simple', :text)`, { text });
    if (filter.tag) query.andWhere('complaint.tags @> ARRAY[:tag]::text[]', { tag: filter.tag.trim().toLowerCase() });
    if (filter.feedbackDueWithinMinutes) {
      const dueBy = new Date(now.getTime() + filter.feedbackDueWithinMinutes * 60_000);
      query.andWhere('complaint.feedbackGivenAt IS NULL AND complaint.status NOT IN (:...settled) AND complaint.feedbackDueAt > :now AND complaint.feedbackDueAt <= :dueBy', { now, dueBy, settled: ['RESOLVED', 'CLOSED'] });
    }
    await this.customFields?.whereMatching(query, filter.customFields);
    const { sortKey, direction, awaitingFeedback } = ORDERS[args.orderBy ?? ComplaintOrder.REGISTERED_AT_DESC] ?? ORDERS[ComplaintOrder.REGISTERED_AT_DESC];
    if (awaitingFeedback) query.andWhere('complaint.feedbackGivenAt IS NULL');
    return paginate(query, args, { sortKey, direction });
  }

  /** The first page of each of these customers' complaints, newest first, in one statement (`Customer.complaints` on a list). */
  firstPagesForCustomers(customerIds: readonly string[], page: { first: number }, counted: boolean): Promise<Map<string, Connection<Complaint>>> {
    return paginateEach(this.dataSource.getRepository(Complaint).createQueryBuilder('complaint'), 'customerId', customerIds, page, ORDERS[ComplaintOrder.REGISTERED_AT_DESC], counted);
  }

  feedbackOf(complaintId: string): Promise<ComplaintFeedback[]> {
    return this.dataSource.getRepository(ComplaintFeedback).find({ where: { complaintId }, order: { givenAt: 'ASC', id: 'ASC' } });
  }

  closuresOf(complaintId: string): Promise<ComplaintClosure[]> {
    return this.dataSource.getRepository(ComplaintClosure).find({ where: { complaintId }, order: { closedAt: 'ASC' } });
  }

  conversationOf(complaintId: string): Promise<ConversationMessage[]> {
    return this.dataSource.getRepository(ConversationMessage).find({ where: { complaintId }, order: { position: 'ASC' } });
  }

  /** The feedback of several complaints (a page of a list) in one query, by complaint. */
  async feedbackOfEach(complaintIds: readonly string[]): Promise<Map<string, ComplaintFeedback[]>> {
    const query = this.dataSource.getRepository(ComplaintFeedback).createQueryBuilder('feedback');
    const rows = await whereAnyOf(query, 'complaintId', complaintIds).orderBy('feedback.givenAt', 'ASC').addOrderBy('feedback.id', 'ASC').getMany();
    return groupedBy(complaintIds, rows, 'complaintId');
  }

  /** The closings of several complaints in one query, by complaint. */
  async closuresOfEach(complaintIds: readonly string[]): Promise<Map<string, ComplaintClosure[]>> {
    const query = this.dataSource.getRepository(ComplaintClosure).createQueryBuilder('closure');
    const rows = await whereAnyOf(query, 'complaintId', complaintIds).orderBy('closure.closedAt', 'ASC').getMany();
    return groupedBy(complaintIds, rows, 'complaintId');
  }

  /** The first `first` messages of the conversations of several complaints in one query, by complaint. */
  conversationsOfEach(complaintIds: readonly string[], first: number): Promise<Map<string, ConversationMessage[]>> {
    const query = this.dataSource.getRepository(ConversationMessage).createQueryBuilder('message');
    return firstOfEach(query, 'complaintId', complaintIds, first, [['position', 'ASC'], ['id', 'ASC']]);
  }
}
