import type { EntityManager } from 'typeorm';
import { DocumentAuditEntry } from './document-audit.entity';
import type { DocumentAuditAction } from './document.enums';

/** Who acted, and the request it came with (to find it in the logs). */
export interface DocumentActor {
  userId: string;
  requestId?: string | null;
}

/** The retention job, and a download by signed link with no signed-in user. */
export const SYSTEM_ACTOR: DocumentActor = { userId: 'system' };
export const LINK_ACTOR: DocumentActor = { userId: 'link' };

/**
 * The audit trail of documents: one row per request, issue, refusal, dispatch, link, download
 * (or refused download) and deletion, in the transaction of the step. `detail` takes ids, numbers,
 * channels and times only.
 */
export class DocumentAudit {
  async record(
    manager: EntityManager,
    documentId: string,
    action: DocumentAuditAction,
    actor: DocumentActor,
    at: Date,
    detail: Record<string, string | number | boolean | null> = {},
  ): Promise<void> {
    await manager.insert(DocumentAuditEntry, { documentId, action, actorId: actor.userId, at, detail, requestId: actor.requestId ?? null });
  }

  trailOf(manager: EntityManager, documentId: string): Promise<DocumentAuditEntry[]> {
    return manager.find(DocumentAuditEntry, { where: { documentId }, order: { at: 'ASC', sequence: 'ASC' } });
  }
}
