import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A service's part of one customer data export: everything it holds about the customer at the time
 * of the request, kept in the service's own database until the export expires.
 */
@Entity('customer_export_part')
export class CustomerExportPart {
  @PrimaryColumn({ name: 'export_id', type: 'uuid' })
  exportId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  // json, not jsonb: the document keeps its keys in the order it was written (format and ids first).
  @Column({ type: 'json' })
  document: Record<string, unknown>;

  @Column({ name: 'record_count', type: 'integer' })
  recordCount: number;

  @Column({ name: 'prepared_at', type: 'timestamptz', precision: 3 })
  preparedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;
}
