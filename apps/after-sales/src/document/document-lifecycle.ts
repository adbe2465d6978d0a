import { ConflictError } from '@carebridge/domain';
import { DocumentStatus } from './document.enums';

/** Where each status may lead: requested → issued → sent (and sent again), or refused; nothing leaves a refusal. */
export const NEXT_STATUSES: Record<DocumentStatus, readonly DocumentStatus[]> = {
  [DocumentStatus.REQUESTED]: [DocumentStatus.ISSUED, DocumentStatus.REFUSED],
  [DocumentStatus.ISSUED]: [DocumentStatus.SENT],
  [DocumentStatus.SENT]: [DocumentStatus.SENT],
  [DocumentStatus.REFUSED]: [],
};

const VERBS: Record<DocumentStatus, string> = {
  [DocumentStatus.REQUESTED]: 'requested',
  [DocumentStatus.ISSUED]: 'issued',
  [DocumentStatus.SENT]: 'sent',
  [DocumentStatus.REFUSED]: 'refused',
};

/** Refuses a step the document's status does not allow, telling the client where it stands. */
export function ensureStep(document: { id: string; status: DocumentStatus }, to: DocumentStatus): void {
  if (NEXT_STATUSES[document.status].includes(to)) return;
  const hint =
    to === DocumentStatus.ISSUED && document.status !== DocumentStatus.REFUSED
      ? ' (an issued document is never edited or issued again: correct an invoice with a credit note)'
      : '';
  throw new ConflictError(`Document "${document.id}" is ${VERBS[document.status]} and cannot be ${VERBS[to]}${hint}`, {
    currentStatus: document.status,
    allowedNext: NEXT_STATUSES[document.status],
  });
}
