import type { EntityManager } from 'typeorm';
import type { CustomerDataSection } from '../customer/customer-data-section';
import { CustomerDataExport } from './customer-data-export.entity';

/**
 * Earlier export requests are data about the customer too: a merge leaves them with the profile
 * they describe, a later export lists them and an erasure deletes them.
 */
export class DataExportsSection implements CustomerDataSection {
  readonly section = 'dataExports';

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
}
