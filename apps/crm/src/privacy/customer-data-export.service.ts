import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { customerExportRequested, type EventData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { type Clock, type Connection, ConflictError, NotFoundError, paginate, type PageArgs, type RequestContext } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Customer, CustomerStatus } from '../customer/customer.entity';
import { isUuid } from '../customer/customer.service';
import { CustomerMerge } from '../merge/customer-merge.entity';
import type { CustomerRecords } from '../shared/customer-records';
import type { AccessLog } from './access-log';
import {
  CustomerDataExport,
  type CustomerDataExportPart,
  CustomerDataExportPartStatus,
  CustomerDataExportStatus,
  type CustomerDataExportWithParts,
  EXPORT_CONTRIBUTORS,
  EXPORT_CONTRIBUTOR_SECTIONS,
} from './customer-data-export.entity';
import { PersonalDataAccess } from './personal-data-access.entity';
import type { RequestCustomerDataExportInput } from './privacy.inputs';

/** What reading an export discloses, as logged in the access log. */
const EXPORTED_FIELDS = ['fullName', 'email', 'phone', 'contacts', 'documents', 'preferences', 'notes', 'history'];

export interface CustomerDataExportTerms {
  /** How long the other services have to send their parts before the export is marked INCOMPLETE. */
  partsDueMinutes: number;
  /** How long the parts are kept for the requester to download. */
  retentionDays: number;
}

/**
 * The right of access: all data Carebridge holds about a customer, as one JSON document.
 * crm writes its own part with the request, in one snapshot, and asks every other service through
 * `customer.export_requested`; their answers complete the export, and the gateway brings their parts
 * to `document`. The export is also one of crm's records about the customer, so a merge leaves it
 * with the profile it describes, a later export lists it and an erasure deletes it.
 */
export class CustomerDataExportService implements CustomerRecords {
  readonly section = 'dataExports';

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: readonly CustomerRecords[],
    private readonly accessLog: AccessLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly terms: CustomerDataExportTerms,
  ) {}

  async request(input: RequestCustomerDataExportInput, by: Identity): Promise<CustomerDataExport> {
    // REPEATABLE READ: crm's part is one consistent snapshot of all its records.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // The share lock orders the request against an erasure or a merge of the same profile.
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_read' } });
      if (!customer) throw new NotFoundError('Customer', input.customerId);
      if (customer.status === CustomerStatus.MERGED) {
        throw new ConflictError(`Customer "${customer.id}" was merged into "${customer.mergedIntoId}"; request the export for that profile, which includes this one`, {
          field: 'customerId',
          currentStatus: customer.status,
          mergedIntoId: customer.mergedIntoId,
        });
      }
      if (customer.status === CustomerStatus.ERASED) {
        throw new ConflictError(`Customer "${customer.id}" was erased; Carebridge holds nothing that identifies them`, { field: 'customerId', currentStatus: customer.status });
      }
      const now = this.clock.now();
      const exportRequest = manager.create(CustomerDataExport, {
        id: randomUUID(),
        customerId: customer.id,
        status: CustomerDataExportStatus.COLLECTING,
        reason: input.reason.trim(),
        requestedBy: by.userId,
        requestedAt: now,
        dueAt: new Date(now.getTime() + this.terms.partsDueMinutes * 60_000),
        completedAt: null,
        expiresAt: new Date(now.getTime() + this.terms.retentionDays * 86_400_000),
        crmDocument: await this.crmPart(manager, customer),
        preparedParts: {},
      });
      await manager.save(exportRequest);
      await this.outbox.publish(manager, customerExportRequested, {
        exportId: exportRequest.id,
        customerId: customer.id,
        requestedAt: now.toISOString(),
        expiresAt: exportRequest.expiresAt.toISOString(),
      });
      return exportRequest;
    });
  }

  findById(id: string): Promise<CustomerDataExport | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(CustomerDataExport).findOneBy({ id });
  }

  async getById(id: string): Promise<CustomerDataExport> {
    const found = await this.findById(id);
    if (!found) throw new NotFoundError('CustomerDataExport', id);
    return found;
  }

  list(customerId: string, page: PageArgs): Promise<Connection<CustomerDataExport>> {
    const query = this.dataSource.getRepository(CustomerDataExport).createQueryBuilder('export').where('export.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'requestedAt', direction: 'DESC' });
  }

  /** A service reported its part prepared; the last one completes the export, even after the deadline. */
  async recordPrepared(service: string, data: EventData<(typeof EXPORT_CONTRIBUTORS)[number]>, manager: EntityManager): Promise<void> {
    const exportRequest = await manager.findOne(CustomerDataExport, { where: { id: data.exportId }, lock: { mode: 'pessimistic_write' } });
    // Gone with an erasure, or expired: the part is deleted by its own service at the same time.
    if (!exportRequest || exportRequest.status === CustomerDataExportStatus.EXPIRED) return;
    exportRequest.preparedParts = { ...exportRequest.preparedParts, [service]: { recordCount: data.recordCount, preparedAt: data.preparedAt } };
    if (EXPORT_CONTRIBUTORS.every((contract) => exportRequest.preparedParts[contract.producer])) {
      exportRequest.status = CustomerDataExportStatus.COMPLETE;
      exportRequest.completedAt = this.clock.now();
    }
    await manager.save(exportRequest);
  }

  /** Exports whose parts did not all arrive in time are marked INCOMPLETE, for someone to follow up. */
  async markOverdue(now: Date): Promise<number> {
    const [, affected] = await this.dataSource.query(`UPDATE customer_data_export SET status = $1 WHERE status = $2 AND due_at <= $3`, [
      CustomerDataExportStatus.INCOMPLETE,
      CustomerDataExportStatus.COLLECTING,
      now,
    ]);
    return affected;
  }

  /** Expired exports lose crm's part; the other services delete theirs on the same date. */
  async expire(now: Date): Promise<number> {
    const [, affected] = await this.dataSource.query(`UPDATE customer_data_export SET status = $1, crm_document = NULL WHERE status <> $1 AND expires_at <= $2`, [
      CustomerDataExportStatus.EXPIRED,
      now,
    ]);
    return affected;
  }

  parts(exportRequest: CustomerDataExport): CustomerDataExportPart[] {
    const crm = exportRequest.crmDocument
      ? { service: 'crm', status: CustomerDataExportPartStatus.PREPARED, recordCount: Number(exportRequest.crmDocument.recordCount), preparedAt: exportRequest.requestedAt }
      : { service: 'crm', status: CustomerDataExportPartStatus.PENDING, recordCount: null, preparedAt: null };
    return [
      crm,
      ...EXPORT_CONTRIBUTORS.map(({ producer }) => {
        const prepared = exportRequest.preparedParts[producer];
        return prepared
          ? { service: producer, status: CustomerDataExportPartStatus.PREPARED, recordCount: prepared.recordCount, preparedAt: new Date(prepared.preparedAt) }
          : { service: producer, status: CustomerDataExportPartStatus.PENDING, recordCount: null, preparedAt: null };
      }),
    ];
  }

  /**
   * The one document: crm's part and the other services' parts as the gateway brought them from
   * their subgraphs. Reading it discloses everything, so it goes on the access log first.
   */
  async document(exportRequest: CustomerDataExportWithParts, context: RequestContext): Promise<Record<string, unknown> | null> {
    if (exportRequest.status === CustomerDataExportStatus.EXPIRED || !exportRequest.crmDocument) return null;
    await this.dataSource.transaction((manager) => this.accessLog.exported(manager, context, exportRequest.customerId, EXPORTED_FIELDS));
    const services: Record<string, unknown> = { crm: exportRequest.crmDocument };
    const missing: string[] = [];
    EXPORT_CONTRIBUTORS.forEach(({ producer }, index) => {
      const part = exportRequest[EXPORT_CONTRIBUTOR_SECTIONS[index]];
      services[producer] = part ?? null;
      if (!part) missing.push(producer);
    });
    return {
      format: 'carebridge.customer-export/v1',
      exportId: exportRequest.id,
      customerId: exportRequest.customerId,
      reason: exportRequest.reason,
      requestedBy: exportRequest.requestedBy,
      requestedAt: exportRequest.requestedAt.toISOString(),
      expiresAt: exportRequest.expiresAt.toISOString(),
      complete: missing.length === 0,
      // A part is missing while its service prepares it, or when the service could not be reached just now.
      missingServices: missing,
      services,
    };
  }

  async moveTo(): Promise<number> {
    // An export describes the profile as it was requested; it stays with that profile.
    return 0;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(CustomerDataExport, {
      select: { id: true, status: true, reason: true, requestedBy: true, requestedAt: true, completedAt: true, expiresAt: true },
      where: { customerId },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
  }

  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(CustomerDataExport, { customerId });
  }

  /** Everything crm holds about the customer, unmasked. */
  private async crmPart(manager: EntityManager, customer: Customer): Promise<Record<string, unknown>> {
    const { version: _version, ...profile } = customer;
    const sections: Record<string, unknown> = {
      customer: profile,
      mergedProfiles: await manager.find(CustomerMerge, { where: { survivorId: customer.id }, order: { mergedAt: 'ASC' } }),
    };
    for (const part of this.records) sections[part.section] = await part.exportFor(manager, customer.id);
    sections.personalDataAccess = await manager.find(PersonalDataAccess, { where: { customerId: customer.id }, order: { accessedAt: 'ASC' } });
    const recordCount = Object.values(sections).reduce<number>((count, value) => count + (Array.isArray(value) ? value.length : value ? 1 : 0), 0);
    return JSON.parse(JSON.stringify({ format: 'carebridge.crm.customer-export/v1', service: 'crm', customerId: customer.id, recordCount, ...sections }));
  }
}
