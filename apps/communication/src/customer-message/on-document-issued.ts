import { documentIssued, type DocumentTypeValue } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { Locale } from '../template/template.enums';
import type { CustomerMessaging } from './customer-messaging';

const DOCUMENT_NAMES: Record<Locale, Record<DocumentTypeValue, string>> = {
  en: { E_INVOICE: 'invoice', CREDIT_NOTE: 'credit note', TRAVEL_CERTIFICATE: 'travel certificate', E_FAPIAO: 'e-fapiao', OTHER: 'document' },
  'zh-CN': { E_INVOICE: '发票', CREDIT_NOTE: '贷记单', TRAVEL_CERTIFICATE: '旅行证明', E_FAPIAO: '电子发票', OTHER: '文件' },
};

/** document.issued: the customer learns that the document they asked for can be downloaded. */
export function onDocumentIssued(messaging: CustomerMessaging): EventHandler<typeof documentIssued> {
  return onEvent(documentIssued, async ({ id, data }, manager) => {
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: 'document.ready',
      customerId: data.customerId,
      values: ({ locale }) => ({ documentType: DOCUMENT_NAMES[locale][data.type], documentNumber: data.documentNumber ?? '–' }),
    });
  });
}
