import type { DataSource } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import type { DuplicateCandidate } from './customer-merge.entity';
import { DuplicateReason } from './customer-merge.enums';

/** Names at least this similar (trigram similarity) make two profiles candidates even without a shared contact. */
const SIMILAR_NAME = 0.6;

/** Finding profiles that may describe the same person (T-1.6): a shared e-mail or phone, or a very similar name. */
export class DuplicateDetection {
  constructor(private readonly dataSource: DataSource) {}

  /** Active profiles sharing an e-mail address or phone number with this one, or with a very similar name. */
  async duplicatesOf(customerId: string): Promise<DuplicateCandidate[]> {
    const rows: { id: string; same_email: boolean; same_phone: boolean; similarity: number }[] = await this.dataSource.query(
      `WITH me AS (SELECT id, full_name FROM customer WHERE id = $1),
            shared AS (
              SELECT other.customer_id, bool_or(mine.kind = 'EMAIL') AS same_email, bool_or(mine.kind = 'PHONE') AS same_phone
              FROM customer_contact mine JOIN customer_contact other ON other.kind = mine.kind AND other.value = mine.value AND other.customer_id <> mine.customer_id
              WHERE mine.customer_id = $1 GROUP BY other.customer_id),
            named AS (
              SELECT c.id AS customer_id FROM customer c, me
              WHERE c.full_name % me.full_name AND similarity(c.full_name, me.full_name) >= $2 AND c.id <> me.id)
       SELECT c.id, COALESCE(s.same_email, false) AS same_email, COALESCE(s.same_phone, false) AS same_phone,
              similarity(c.full_name, me.full_name)::float AS similarity
       FROM customer c CROSS JOIN me
       LEFT JOIN shared s ON s.customer_id = c.id
       WHERE c.status = 'ACTIVE' AND c.id IN (SELECT customer_id FROM shared UNION SELECT customer_id FROM named)
       ORDER BY (COALESCE(s.same_email, false)::int + COALESCE(s.same_phone, false)::int) DESC, similarity DESC, c.id
       LIMIT 20`,
      [customerId, SIMILAR_NAME],
    );
    if (!rows.length) return [];
    const profiles = await this.dataSource.getRepository(Customer).findBy(rows.map((r) => ({ id: r.id })));
    return rows.map((row) => ({
      customer: profiles.find((p) => p.id === row.id) as Customer,
      nameSimilarity: Math.round(row.similarity * 100) / 100,
      reasons: [
        row.same_email && DuplicateReason.SAME_EMAIL,
        row.same_phone && DuplicateReason.SAME_PHONE,
        row.similarity >= SIMILAR_NAME && DuplicateReason.SIMILAR_NAME,
      ].filter((r): r is DuplicateReason => Boolean(r)),
    }));
  }
}
