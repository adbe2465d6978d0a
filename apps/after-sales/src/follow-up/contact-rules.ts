import type { EntityManager } from 'typeorm';

/**
 * The contact rules of post-trip follow-up (T-4.1), read from after-sales' own records: whether the
 * customer consents to follow-ups, and when after-sales last contacted them (a survey or reminder
 * sent, a follow-up call that reached them).
 */
export class ContactRules {
  /** False when any of the customer's preference rows says the consent was withdrawn. */
  async consents(manager: EntityManager, customerId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT bool_and(follow_up_consent) AS consents FROM customer_contact_preference WHERE customer_id = $1`, [customerId]);
    return row?.consents !== false;
  }

  /** Which of these customers opted out of regular care. */
  async careOptedOut(manager: EntityManager, customerIds: string[]): Promise<Set<string>> {
    if (!customerIds.length) return new Set();
    const rows: { customer_id: string }[] = await manager.query(
      `SELECT DISTINCT customer_id FROM customer_contact_preference WHERE customer_id = ANY($1::uuid[]) AND (care_opt_out OR NOT follow_up_consent)`,
      [customerIds],
    );
    return new Set(rows.map((row) => row.customer_id));
  }

  /** When after-sales last contacted the customer, leaving out one survey (the one being decided). */
  async lastContactedAt(manager: EntityManager, customerId: string, exceptSurveyId: string): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT greatest(
         (SELECT max(greatest(sent_at, coalesce(reminded_at, sent_at))) FROM follow_up_survey WHERE customer_id = $1 AND id <> $2 AND sent_at IS NOT NULL),
         (SELECT max(called_at) FROM follow_up_call WHERE customer_id = $1 AND outcome IN ('REACHED_SATISFIED', 'REACHED_DISSATISFIED', 'CALL_BACK', 'DECLINED'))
       ) AS last`,
      [customerId, exceptSurveyId],
    );
    return row?.last ? new Date(row.last) : null;
  }
}
