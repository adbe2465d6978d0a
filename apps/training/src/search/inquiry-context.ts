import type { EntityManager } from 'typeorm';
import { redactPersonalData } from '../knowledge/personal-data-redaction';

/** How much of an inquiry's words is kept to suggest from: the latest, as the customer's last message says most about what is asked now. */
const KEPT_CHARACTERS = 2000;

/**
 * What training keeps of an inquiry, learnt from inquiry's events: its category and the customer's
 * words with personal data removed — all that suggesting articles needs.
 */
export class InquiryContexts {
  /** The inquiry arrived: its subject and first message. */
  async received(manager: EntityManager, inquiry: { inquiryId: string; category: string; subject?: string; message?: string | null; receivedAt: string }): Promise<void> {
    const text = clip(redactPersonalData([inquiry.subject, inquiry.message].filter(Boolean).join('\n')));
    await manager.query(
      `INSERT INTO knowledge_inquiry_context (inquiry_id, category, text, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (inquiry_id) DO NOTHING`,
      [inquiry.inquiryId, inquiry.category, text, inquiry.receivedAt],
    );
  }

  /** The customer wrote again: the newest words come first, the oldest fall off the end. */
  async customerWrote(manager: EntityManager, message: { inquiryId: string; category: string; body: string; receivedAt: string }): Promise<void> {
    const text = clip(redactPersonalData(message.body));
    await manager.query(
      `INSERT INTO knowledge_inquiry_context (inquiry_id, category, text, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (inquiry_id) DO UPDATE SET
         text = left(EXCLUDED.text || E'\n' || knowledge_inquiry_context.text, ${KEPT_CHARACTERS}),
         category = EXCLUDED.category,
         updated_at = GREATEST(knowledge_inquiry_context.updated_at, EXCLUDED.updated_at)`,
      [message.inquiryId, message.category, text, message.receivedAt],
    );
  }

  async find(manager: EntityManager, inquiryId: string): Promise<{ category: string; text: string } | null> {
    const [row] = await manager.query(`SELECT category, text FROM knowledge_inquiry_context WHERE inquiry_id = $1`, [inquiryId]);
    return row ?? null;
  }
}

function clip(text: string): string {
  return text.slice(0, KEPT_CHARACTERS);
}
