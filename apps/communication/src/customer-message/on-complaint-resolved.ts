import { complaintResolved, type EventData } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { ThreadKind } from '../delivery/delivery.enums';
import type { Locale } from '../template/template.enums';
import type { CustomerMessaging } from './customer-messaging';

type CompensationItem = EventData<typeof complaintResolved>['compensation'][number];

const KIND_NAMES: Record<Locale, Record<CompensationItem['kind'], string>> = {
  en: { REFUND: 'Refund', VOUCHER: 'Voucher', LOYALTY_POINTS: 'Loyalty points', MILES: 'Miles', SERVICE_GESTURE: 'A gesture of goodwill' },
  'zh-CN': { REFUND: '退款', VOUCHER: '代金券', LOYALTY_POINTS: '积分', MILES: '里程', SERVICE_GESTURE: '服务补偿' },
};
const NONE: Record<Locale, string> = { en: '- no compensation', 'zh-CN': '- 无补偿' };

/**
 * One line per item: its kind, amount or quantity, and its description. The item's reason and the
 * root cause are the department's own assessment and stay out of the customer's mail.
 */
export function compensationLines(items: CompensationItem[], locale: Locale): string {
  if (!items.length) return NONE[locale];
  return items
    .map((item) => {
      const value = item.amount ? `${item.amount} ${item.currency ?? ''}`.trim() : item.quantity != null ? String(item.quantity) : '';
      return `- ${KIND_NAMES[locale][item.kind]}${value ? `: ${value}` : ''}${item.description ? ` (${item.description})` : ''}`;
    })
    .join('\n');
}

/** complaint.resolved: the customer learns the resolution and the compensation granted. */
export function onComplaintResolved(messaging: CustomerMessaging): EventHandler<typeof complaintResolved> {
  return onEvent(complaintResolved, async ({ id, data }, manager) => {
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: 'complaint.resolution',
      customerId: data.customerId,
      thread: { kind: ThreadKind.COMPLAINT, id: data.complaintId },
      values: ({ locale }) => ({ registrationNumber: data.registrationNumber, compensation: compensationLines(data.compensation, locale) }),
    });
  });
}
