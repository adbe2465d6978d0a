import type { DataSource } from 'typeorm';
import { CertificateStatus } from './course.enums';

/**
 * Certificates age on a schedule: a valid one is due for recertification from its
 * recertification date, and expires at its expiry, both once (each step only moves forward).
 */
export class CertificateExpiry {
  constructor(private readonly dataSource: DataSource) {}

  async run(now: Date): Promise<{ recertificationDue: number; expired: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [, expired] = await manager.query(
        `UPDATE training_certificate SET status = $1, updated_at = $2
         WHERE status IN ($3, $4) AND expires_at IS NOT NULL AND expires_at <= $2`,
        [CertificateStatus.EXPIRED, now, CertificateStatus.VALID, CertificateStatus.RECERTIFICATION_DUE],
      );
      const [, due] = await manager.query(
        `UPDATE training_certificate SET status = $1, updated_at = $2
         WHERE status = $3 AND recertification_due_at IS NOT NULL AND recertification_due_at <= $2`,
        [CertificateStatus.RECERTIFICATION_DUE, now, CertificateStatus.VALID],
      );
      return { recertificationDue: Number(due), expired: Number(expired) };
    });
  }
}
