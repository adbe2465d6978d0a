import type { EntityManager } from 'typeorm';
import type { DocumentIssuer } from './document-issuer.entity';

export type NumberSeries = 'INVOICE' | 'CREDIT_NOTE';

/**
 * The next number of an issuer's series in the year of issue (UTC): `CBDE-INV-2026-000042`.
 * Unbroken because the counter row stays locked until the issuing transaction ends — an issue that
 * fails rolls its number back with it, and the next issue takes it.
 */
export async function nextDocumentNumber(manager: EntityManager, issuer: DocumentIssuer, series: NumberSeries, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await manager.query(
    `INSERT INTO document_number_counter (issuer_id, series, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (issuer_id, series, year) DO UPDATE SET last_number = document_number_counter.last_number + 1
     RETURNING last_number`,
    [issuer.id, series, year],
  );
  const prefix = series === 'INVOICE' ? issuer.invoicePrefix : issuer.creditNotePrefix;
  return `${prefix}-${year}-${String(row.last_number).padStart(6, '0')}`;
}
