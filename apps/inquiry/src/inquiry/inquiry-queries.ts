import { isUuid } from '@carebridge/domain';
import { type Clock, type Connection, findManyById, firstOfEach, type PageArgs, paginate, paginateEach } from '@carebridge/service-kit';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from './inquiry.entity';
import { InquiryStatus } from './inquiry.enums';
import { type InquiriesArgs, type InquiryFilter, InquiryOrder, type InquiryQueueArgs } from './inquiry.inputs';

/** Limits a list to records meeting custom-field conditions (CustomFields of @carebridge/help-desk). */
export interface CustomFieldFilter {
  whereMatching(query: SelectQueryBuilder<Inquiry>, conditions: InquiryFilter['customFields']): Promise<void>;
}

/** Reading inquiries: one, a filtered list, the agents' queue, a customer's, a conversation and a history. */
export class InquiryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly customFields?: CustomFieldFilter,
  ) {}

  findById(id: string): Promise<Inquiry | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Inquiry).findOneBy({ id });
  }

  /** Inquiries by id in one query (ids not found are left out). */
  findManyById(ids: readonly string[]): Promise<Inquiry[]> {
    return findManyById(this.dataSource.getRepository(Inquiry), ids);
  }

  async list(args: InquiriesArgs): Promise<Connection<Inquiry>> {
    const query = this.dataSource.getRepository(Inquiry).createQueryBuilder('inquiry');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('inquiry.status IN (:...status)', { status: filter.status });
    if (filter.channel?.length) query.andWhere('inquiry.channel IN (:...channel)', { channel: filter.channel });
    if (filter.category?.length) query.andWhere('inquiry.category IN (:...category)', { category: filter.category });
    if (filter.customerId) query.andWhere('inquiry.customerId = :customerId', { customerId: filter.customerId });
    if (filter.assigneeId) query.andWhere('inquiry.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.firstResponseBreached !== undefined && filter.firstResponseBreached !== null) {
      query.andWhere(`(COALESCE(inquiry.firstRespondedAt, :now) > inquiry.firstResponseDueAt) = :breached`, { now: this.clock.now(), breached: filter.firstResponseBreached });
    }
    if (filter.priority?.length) query.andWhere('inquiry.priority IN (:...priority)', { priority: filter.priority });
    if (filter.tag) query.andWhere('inquiry.tags @> ARRAY[:tag]::text[]', { tag: filter.tag.trim().toLowerCase() });
    if (filter.atRisk !== undefined && filter.atRisk !== null) this.whereAtRisk(query, filter.atRisk);
    if (filter.receivedFrom) query.andWhere('inquiry.receivedAt >= :from', { from: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('inquiry.receivedAt < :to', { to: filter.receivedTo });
    if (filter.dueWithinMinutes) {
      const now = this.clock.now();
      query.andWhere('inquiry.nextDueAt > :dueNow AND inquiry.nextDueAt <= :dueBy', { dueNow: now, dueBy: new Date(now.getTime() + filter.dueWithinMinutes * 60_000) });
    }
    await this.customFields?.whereMatching(query, filter.customFields);
    if (args.orderBy === InquiryOrder.DUE_AT_ASC) return paginate(query.andWhere('inquiry.nextDueAt IS NOT NULL'), args, { sortKey: 'nextDueAt', direction: 'ASC' });
    return paginate(query, args, { sortKey: 'receivedAt', direction: 'DESC' });
  }

  /** The agents' queue: inquiries owed a response, the most urgent deadline first (overdue ones lead). */
  queue(args: InquiryQueueArgs): Promise<Connection<Inquiry>> {
    const query = this.dataSource
      .getRepository(Inquiry)
      .createQueryBuilder('inquiry')
      .where('inquiry.nextDueAt IS NOT NULL')
      .andWhere('inquiry.status IN (:...open)', { open: [InquiryStatus.NEW, InquiryStatus.OPEN] });
    const filter = args.filter ?? {};
    if (filter.assigneeId) query.andWhere('inquiry.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.unassigned) query.andWhere('inquiry.assigneeId IS NULL');
    if (filter.channel?.length) query.andWhere('inquiry.channel IN (:...channel)', { channel: filter.channel });
    if (filter.atRisk !== undefined && filter.atRisk !== null) this.whereAtRisk(query, filter.atRisk);
    return paginate(query, args, { sortKey: 'nextDueAt', direction: 'ASC' });
  }

  /** At risk: the running deadline has not passed, but less than its at-risk share of the span is left. */
  private whereAtRisk(query: SelectQueryBuilder<Inquiry>, atRisk: boolean): void {
    const sql = '(inquiry.atRiskAt <= :atRiskNow AND inquiry.nextDueAt > :atRiskNow)';
    query.andWhere(atRisk ? sql : `NOT COALESCE(${sql}, false)`, { atRiskNow: this.clock.now() });
  }

  forCustomer(customerId: string, page: PageArgs): Promise<Connection<Inquiry>> {
    return this.list({ ...page, filter: { customerId } });
  }

  /** The first page of each of these customers' inquiries, newest first, in one statement (`Customer.inquiries` on a list). */
  firstPagesForCustomers(customerIds: readonly string[], page: { first: number }, counted: boolean): Promise<Map<string, Connection<Inquiry>>> {
    return paginateEach(this.dataSource.getRepository(Inquiry).createQueryBuilder('inquiry'), 'customerId', customerIds, page, { sortKey: 'receivedAt', direction: 'DESC' }, counted);
  }

  messages(inquiryId: string): Promise<InquiryMessage[]> {
    return this.dataSource.getRepository(InquiryMessage).find({ where: { inquiryId }, order: { sentAt: 'ASC', sequence: 'ASC' } });
  }

  history(inquiryId: string): Promise<InquiryHistoryEntry[]> {
    return this.dataSource.getRepository(InquiryHistoryEntry).find({ where: { inquiryId }, order: { at: 'ASC', sequence: 'ASC' } });
  }

  /** The first `first` messages of several inquiries (a page of a list) in one query, by inquiry. */
  messagesOfEach(inquiryIds: readonly string[], first: number): Promise<Map<string, InquiryMessage[]>> {
    const query = this.dataSource.getRepository(InquiryMessage).createQueryBuilder('message');
    return firstOfEach(query, 'inquiryId', inquiryIds, first, [['sentAt', 'ASC'], ['sequence', 'ASC']]);
  }

  /** The first `first` history entries of several inquiries in one query, by inquiry. */
  historyOfEach(inquiryIds: readonly string[], first: number): Promise<Map<string, InquiryHistoryEntry[]>> {
    const query = this.dataSource.getRepository(InquiryHistoryEntry).createQueryBuilder('entry');
    return firstOfEach(query, 'inquiryId', inquiryIds, first, [['at', 'ASC'], ['sequence', 'ASC']]);
  }
}
