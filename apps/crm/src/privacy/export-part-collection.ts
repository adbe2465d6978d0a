import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerDataExport } from './customer-data-export.entity';
import { CustomerDataExportStatus } from './customer-data-export.enums';
import { type ExportPartPrepared, EXPORT_CONTRIBUTORS } from './export-contributors';

/**
 * Gathering the other services' parts of an export: each reports its part prepared, the last one
 * completes the export, and one that is late marks it INCOMPLETE until it arrives.
 */
export class ExportPartCollection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A service reported its part prepared; the last one completes the export, even after the deadline. */
  async recordPrepared(service: string, data: ExportPartPrepared, manager: EntityManager): Promise<void> {
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
}
