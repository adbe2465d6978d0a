import { isUuid, NotFoundError } from '@carebridge/domain';
import { type Connection, findManyById, paginate, type PageArgs, type RequestContext } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { AccessLog } from '../access-log/access-log';
import { CustomerDataExport, type CustomerDataExportWithParts } from './customer-data-export.entity';
import { type CustomerDataExportPart, CustomerDataExportPartStatus, CustomerDataExportStatus } from './customer-data-export.enums';
import { EXPORT_CONTRIBUTOR_SECTIONS, EXPORT_CONTRIBUTORS } from './export-contributors';

/** What reading an export discloses, as logged in the access log. */
const EXPORTED_FIELDS = ['fullName', 'email', 'phone', 'contacts', 'documents', 'preferences', 'notes', 'history'];

/** Reading exports: their parts' status and, once there, the whole document (each read on the access log). */
export class CustomerDataExportQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  findById(id: string): Promise<CustomerDataExport | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(CustomerDataExport).findOneBy({ id });
  }

  /** Exports by id in one query (ids not found are left out). */
  findManyById(ids: readonly string[]): Promise<CustomerDataExport[]> {
    return findManyById(this.dataSource.getRepository(CustomerDataExport), ids);
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
}
