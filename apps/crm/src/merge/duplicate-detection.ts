import type { DataSource } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import type { DuplicateCandidate } from './customer-merge.entity';
import { DuplicateReason } from './customer-merge.enums';

/** Names at least this similar (trigram similarity) make two profiles candidates even without a shared contact. */
const SIMILAR_NAME = 0.6;
/** Phone numbers ending in the same digits are the same line written with or without a country or trunk prefix. */
const PHONE_DIGITS = 9;

/**
 * Finding profiles that may describe the same person (T-1.6): a shared e-mail or phone (the phone
 * compared on its last digits, so formats and prefixes do not matter), the same mailbox name at
 * another provider, or a similar name — compared as written and as its name key (pinyin, no
 * accents, words sorted: name-key.ts), so "张伟", "Zhang Wei" and "Wei ZHANG" find each other.
 */
export class DuplicateDetection {
  constructor(private readonly dataSource: DataSource) {}

  async duplicatesOf(customerId: string): Promise<DuplicateCandidate[]> {
    const rows: { id: string; same_email: boolean; same_phone: boolean; similar_email: boolean; similarity: number }[] = await this.dataSource.query(
      `WITH me AS (SELECT id, full_name, name_key FROM customer WHERE id = $1),
            mine AS (SELECT kind, value, lower(split_part(value, '@', 1)) AS mailbox, right(regexp_replace(value, '\\D', '', 'g'), $3) AS line
                     FROM customer_contact WHERE customer_id = $1),
            shared AS (
              SELECT other.customer_id,
                     bool_or(mine.kind = 'EMAIL' AND other.value = mine.value) AS same_email,
                     bool_or(mine.kind = 'PHONE' AND length(mine.line) = $3 AND right(regexp_replace(other.value, '\\D', '', 'g'), $3) = mine.line) AS same_phone,
                     bool_or(mine.kind = 'EMAIL' AND other.value <> mine.value AND length(mine.mailbox) >= 4 AND lower(split_part(other.value, '@', 1)) = mine.mailbox) AS similar_email
              FROM mine JOIN customer_contact other ON other.kind = mine.kind AND other.customer_id <> $1
              GROUP BY other.customer_id),
            named AS (
              SELECT c.id AS customer_id FROM customer c, me
              WHERE c.id <> me.id AND ((c.full_name % me.full_name AND similarity(c.full_name, me.full_name) >= $2)
                 OR (me.name_key <> '' AND c.name_key % me.name_key AND similarity(c.name_key, me.name_key) >= $2)))
       SELECT c.id, COALESCE(s.same_email, false) AS same_email, COALESCE(s.same_phone, false) AS same_phone, COALESCE(s.similar_email, false) AS similar_email,
              greatest(similarity(c.full_name, me.full_name), CASE WHEN me.name_key = '' THEN 0 ELSE similarity(c.name_key, me.name_key) END)::float AS similarity
       FROM customer c CROSS JOIN me
       LEFT JOIN shared s ON s.customer_id = c.id
       WHERE c.status = 'ACTIVE'
         AND c.id IN (SELECT customer_id FROM shared WHERE same_email OR same_phone OR similar_email UNION SELECT customer_id FROM named)
       ORDER BY (COALESCE(s.same_email, false)::int + COALESCE(s.same_phone, false)::int) DESC, similarity DESC, c.id
       LIMIT 20`,
      [customerId, SIMILAR_NAME, PHONE_DIGITS],
    );
    if (!rows.length) return [];
    const profiles = await this.dataSource.getRepository(Customer).findBy(rows.map((r) => ({ id: r.id })));
    return rows.map((row) => ({
      customer: profiles.find((p) => p.id === row.id) as Customer,
      nameSimilarity: Math.round(row.similarity * 100) / 100,
      reasons: [
        row.same_email && DuplicateReason.SAME_EMAIL,
        row.same_phone && DuplicateReason.SAME_PHONE,
        row.similar_email && DuplicateReason.SIMILAR_EMAIL,
        row.similarity >= SIMILAR_NAME && DuplicateReason.SIMILAR_NAME,
      ].filter((r): r is DuplicateReason => Boolean(r)),
    }));
  }
}
