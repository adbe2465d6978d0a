import type { DataSource } from 'typeorm';
import { CustomerDataExportStatus } from './customer-data-export.enums';

/** Exports are kept for CRM_EXPORT_RETENTION_DAYS; then every service deletes its part. */
export class ExportRetention {
  constructor(private readonly dataSource: DataSource) {}

  /** Expired exports lose crm's part; the other services delete theirs on the same date. */
  async expire(now: Date): Promise<number> {
    const [, affected] = await this.dataSource.query(`UPDATE customer_data_export SET status = $1, crm_document = NULL WHERE status <> $1 AND expires_at <= $2`, [
      CustomerDataExportStatus.EXPIRED,
      now,
    ]);
    return affected;
  }
}
