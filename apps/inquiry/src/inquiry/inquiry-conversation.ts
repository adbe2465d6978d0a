import type { EntityManager } from 'typeorm';
import { type Inquiry, InquiryMessage } from './inquiry.entity';

/** Adds a message or note to an inquiry's conversation, in the caller's transaction. */
export async function addMessage(manager: EntityManager, inquiry: Inquiry, message: Partial<InquiryMessage>): Promise<void> {
  await manager.insert(InquiryMessage, { citedArticleIds: [], attachments: [], savedReplyId: null, ...message, inquiryId: inquiry.id, originalInquiryId: inquiry.id });
}
