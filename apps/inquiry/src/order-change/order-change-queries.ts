import { isUuid } from '@carebridge/domain';
import { type Connection, findManyById, groupedBy, paginate, paginateEach, whereAnyOf } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { OrderChange } from './order-change.entity';
import type { OrderChangesArgs } from './order-change.inputs';

/** Reading order changes: one, those of an inquiry, a filtered list (e.g. a customer's). */
export class OrderChangeQueries {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<OrderChange | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(OrderChange).findOneBy({ id });
  }

  /** Order changes by id in one query (ids not found are left out). */
  findManyById(ids: readonly string[]): Promise<OrderChange[]> {
    return findManyById(this.dataSource.getRepository(OrderChange), ids);
  }

  forInquiry(inquiryId: string): Promise<OrderChange[]> {
    return this.dataSource.getRepository(OrderChange).find({ where: { inquiryId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  /** The order changes of several inquiries in one query, by inquiry. */
  async forEachInquiry(inquiryIds: readonly string[]): Promise<Map<string, OrderChange[]>> {
    const query = this.dataSource.getRepository(OrderChange).createQueryBuilder('change');
    const rows = await whereAnyOf(query, 'inquiryId', inquiryIds).orderBy('change.requestedAt', 'ASC').addOrderBy('change.id', 'ASC').getMany();
    return groupedBy(inquiryIds, rows, 'inquiryId');
  }

  list(args: OrderChangesArgs): Promise<Connection<OrderChange>> {
    const query = this.dataSource.getRepository(OrderChange).createQueryBuilder('change');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('change.status IN (:...status)', { status: filter.status });
    if (filter.kind?.length) query.andWhere('change.kind IN (:...kind)', { kind: filter.kind });
    if (filter.bookingReference) query.andWhere('change.bookingReference = :booking', { booking: filter.bookingReference.trim().toUpperCase() });
    if (filter.customerId) query.andWhere('change.customerId = :customerId', { customerId: filter.customerId });
    return paginate(query, args, { sortKey: 'requestedAt', direction: 'DESC' });
  }

  /** The first page of each of these customers' order changes, newest first, in one statement (`Customer.orderChanges` on a list). */
  firstPagesForCustomers(customerIds: readonly string[], page: { first: number }, counted: boolean): Promise<Map<string, Connection<OrderChange>>> {
    return paginateEach(this.dataSource.getRepository(OrderChange).createQueryBuilder('change'), 'customerId', customerIds, page, { sortKey: 'requestedAt', direction: 'DESC' }, counted);
  }
}
