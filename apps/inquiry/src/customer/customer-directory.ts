import type { customerCreated, customerErased, customerMerged } from '@carebridge/event-contracts';
import type { ReceivedEvent } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { InquiryHistoryKind } from '../inquiry/inquiry.entity';
import { KnownCustomer } from './known-customer.entity';

const ERASED = '(erased)';

/**
 * What the inquiry service knows about customers. It never asks crm: it keeps the customer ids crm's
 * `customer.*` events announce, so intake works while crm is down and an unknown, erased or
 * merged-away customer is refused. Erasure and merges are applied to the inquiries here too.
 */
export class CustomerDirectory {
  async isKnown(manager: EntityManager, customerId: string): Promise<boolean> {
    const known = await manager.findOneBy(KnownCustomer, { id: customerId });
    return known !== null && known.erasedAt === null && known.mergedIntoId === null;
  }

  async recordCreated(event: ReceivedEvent<typeof customerCreated>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownCustomer)
      .values({ id: event.data.customerId, knownSince: new Date(event.data.createdAt), erasedAt: null, mergedIntoId: null })
      .orIgnore()
      .execute();
  }

  /** Right to erasure: the customer's names, contact details and words are removed from their inquiries. */
  async recordErased(event: ReceivedEvent<typeof customerErased>, manager: EntityManager): Promise<void> {
    const { customerId } = event.data;
    const erasedAt = new Date(event.data.erasedAt);
    await manager.query(
      `INSERT INTO known_customer (id, known_since, erased_at) VALUES ($1, $2, $2)
       ON CONFLICT (id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
      [customerId, erasedAt],
    );
    const inquiries: { id: string }[] = await manager.query(`SELECT id FROM inquiry WHERE customer_id = $1 AND anonymised_at IS NULL FOR UPDATE`, [customerId]);
    const ids = inquiries.map((i) => i.id);
    if (!ids.length) return;
    await manager.query(
      `UPDATE inquiry SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, subject = $2,
              dissatisfaction_reason = CASE WHEN dissatisfaction_reason IS NULL THEN NULL ELSE $2 END,
              anonymised_at = $3, updated_at = $3
        WHERE id = ANY($1::uuid[])`,
      [ids, ERASED, erasedAt],
    );
    await manager.query(`UPDATE inquiry_message SET body = $2, author_name = CASE WHEN author_id IS NULL THEN NULL ELSE author_name END WHERE inquiry_id = ANY($1::uuid[])`, [ids, ERASED]);
    await manager.query(`UPDATE order_change SET requested_changes = $2 WHERE inquiry_id = ANY($1::uuid[])`, [ids, ERASED]);
    for (const id of ids) await recordHistory(manager, id, InquiryHistoryKind.ANONYMISED, 'The customer was erased: names, contact details and messages removed', null, erasedAt);
  }

  /** crm merged a duplicate profile: its inquiries and order changes now belong to the survivor. */
  async recordMerged(event: ReceivedEvent<typeof customerMerged>, manager: EntityManager): Promise<void> {
    const { survivorId, mergedId } = event.data;
    const mergedAt = new Date(event.data.mergedAt);
    await manager.query(
      `INSERT INTO known_customer (id, known_since, merged_into_id) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET merged_into_id = EXCLUDED.merged_into_id`,
      [mergedId, mergedAt, survivorId],
    );
    await manager.query(
      `INSERT INTO known_customer (id, known_since) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
      [survivorId, mergedAt],
    );
    await manager.query(`UPDATE inquiry SET customer_id = $2, updated_at = $3 WHERE customer_id = $1`, [mergedId, survivorId, mergedAt]);
    await manager.query(`UPDATE order_change SET customer_id = $2 WHERE customer_id = $1`, [mergedId, survivorId]);
  }
}
