import { isUuid } from '@carebridge/domain';
import { type Clock, type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { DocumentAuditEntry } from './document-audit.entity';
import { CustomerDocument } from './document.entity';
import { DocumentStatus } from './document.enums';
import type { CustomerDocumentsArgs } from './document.inputs';

/** Finding documents and their audit trails; newest request first. */
export class DocumentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  findById(id: string): Promise<CustomerDocument | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(CustomerDocument).findOneBy({ id });
  }

  list(args: CustomerDocumentsArgs): Promise<Connection<CustomerDocument>> {
    const query = this.dataSource.getRepository(CustomerDocument).createQueryBuilder('document');
    const filter = args.filter ?? {};
    if (filter.customerId) query.andWhere('document.customerId = :customerId', { customerId: filter.customerId });
    if (filter.tripId) query.andWhere('document.tripId = :tripId', { tripId: filter.tripId });
    if (filter.type?.length) query.andWhere('document.type IN (:...type)', { type: filter.type });
    if (filter.status?.length) query.andWhere('document.status IN (:...status)', { status: filter.status });
    if (filter.overdue !== undefined && filter.overdue !== null) {
      const overdue = `(document.status = '${DocumentStatus.REQUESTED}' AND document.dueAt < :now)`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { now: this.clock.now() });
    }
    return paginate(query, args, { sortKey: 'requestedAt', direction: 'DESC' });
  }

  /** The first `first` entries of a document's audit trail, oldest first (all when not given). */
  auditTrailOf(documentId: string, first?: number): Promise<DocumentAuditEntry[]> {
    return this.dataSource.getRepository(DocumentAuditEntry).find({ where: { documentId }, order: { at: 'ASC', sequence: 'ASC' }, take: first });
  }

  /** A request is overdue while it waits past its due time. */
  isOverdue(document: CustomerDocument): boolean {
    return document.status === DocumentStatus.REQUESTED && document.dueAt.getTime() < this.clock.now().getTime();
  }
}
