import type { EntityManager } from 'typeorm';
import { InquiryHistoryEntry } from './inquiry.entity';
import type { InquiryHistoryKind } from './inquiry.enums';

/** Records who did what on an inquiry, in the caller's transaction. */
export async function recordHistory(
  manager: EntityManager,
  inquiryId: string,
  kind: InquiryHistoryKind,
  detail: string,
  actorId: string | null,
  at: Date,
): Promise<void> {
  await manager.insert(InquiryHistoryEntry, { inquiryId, originalInquiryId: inquiryId, kind, detail, actorId, at });
}
