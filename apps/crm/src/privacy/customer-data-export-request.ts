import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { ConflictError, NotFoundError } from '@carebridge/domain';
import { customerExportRequested } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import type { CustomerDataSection } from '../customer/customer-data-section';
import { Customer } from '../customer/customer.entity';
import { CustomerStatus } from '../customer/customer.enums';
import { CustomerMerge } from '../merge/customer-merge.entity';
import { CustomerDataExport } from './customer-data-export.entity';
import { CustomerDataExportStatus } from './customer-data-export.enums';
import type { RequestCustomerDataExportInput } from './privacy.inputs';

export interface CustomerDataExportTerms {
  /** How long the other services have to send their parts before the export is marked INCOMPLETE. */
  partsDueMinutes: number;
  /** How long the parts are kept for the requester to download before every service deletes its part. */
  retentionDays: number;
}

/**
 * The right of access: all data Carebridge holds about a customer, as one JSON document.
 * crm writes its own part with the request, in one snapshot, and asks every other service through
 * `customer.export_requested`; their answers complete the export, and the gateway brings their parts
 * to `document`.
 */
export class CustomerDataExportRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sections: readonly CustomerDataSection[],
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly terms: CustomerDataExportTerms,
  ) {}

  async start(input: RequestCustomerDataExportInput, by: Identity): Promise<CustomerDataExport> {
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

  /** Everything crm holds about the customer, unmasked. */
  private async crmPart(manager: EntityManager, customer: Customer): Promise<Record<string, unknown>> {
    const { version: _version, ...profile } = customer;
    const content: Record<string, unknown> = {
      customer: profile,
      mergedProfiles: await manager.find(CustomerMerge, { where: { survivorId: customer.id }, order: { mergedAt: 'ASC' } }),
    };
    for (const part of this.sections) content[part.section] = await part.exportFor(manager, customer.id);
    content.personalDataAccess = await manager.find(PersonalDataAccess, { where: { customerId: customer.id }, order: { accessedAt: 'ASC' } });
    const recordCount = Object.values(content).reduce<number>((count, value) => count + (Array.isArray(value) ? value.length : value ? 1 : 0), 0);
    return JSON.parse(JSON.stringify({ format: 'carebridge.crm.customer-export/v1', service: 'crm', customerId: customer.id, recordCount, ...content }));
  }
}
