import { baggageFileClosed, baggageFileDeliveryUpdated, baggageFileOpened, baggageFileSuspended } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { Locale } from '../template/template.enums';
import type { CustomerMessaging } from './customer-messaging';

type Status = Record<Locale, string>;

const OPENED: Status = { en: 'We have opened a file for your bag and are tracing it.', 'zh-CN': '我们已为您的行李建档，正在查找。' };
const FOUND: Status = { en: 'Your bag was found. We will tell you how it reaches you.', 'zh-CN': '您的行李已找到，我们会告知您送达方式。' };
const CLOSED: Record<string, Status> = {
  DELIVERED: { en: 'Your bag was delivered; the file is closed.', 'zh-CN': '您的行李已送达，档案已关闭。' },
  COLLECTED: { en: 'You collected your bag; the file is closed.', 'zh-CN': '您已领取行李，档案已关闭。' },
  LOST: { en: 'We could not find your bag; the file is closed. Our team will contact you about compensation.', 'zh-CN': '很遗憾未能找到您的行李，档案已关闭。我们的团队将就赔偿事宜与您联系。' },
  WITHDRAWN: { en: 'The file was withdrawn and is closed.', 'zh-CN': '档案已撤销并关闭。' },
};
const DELIVERY: Record<string, Status> = {
  ORDERED: { en: 'A courier was ordered to bring your bag.', 'zh-CN': '已安排快递为您送还行李。' },
  PICKED_UP: { en: 'The courier picked up your bag.', 'zh-CN': '快递已取走您的行李。' },
  IN_TRANSIT: { en: 'Your bag is on its way.', 'zh-CN': '您的行李正在运送途中。' },
  OUT_FOR_DELIVERY: { en: 'Your bag is out for delivery today.', 'zh-CN': '您的行李今天派送。' },
  DELIVERED: { en: 'Your bag was delivered.', 'zh-CN': '您的行李已送达。' },
  FAILED: { en: 'The courier could not deliver your bag; we will arrange another attempt.', 'zh-CN': '快递未能送达，我们将重新安排。' },
  CANCELLED: { en: 'The delivery was cancelled.', 'zh-CN': '派送已取消。' },
};

/** baggage_file.opened, .suspended (bag found), .delivery_updated and .closed: the passenger hears of each change. */
export function onBaggageFileChanged(messaging: CustomerMessaging): EventHandler<any>[] {
  const tell = (status: Status) => (event: { id: string; data: { customerId: string; reference: string } }, manager: Parameters<EventHandler['handle']>[1]) =>
    messaging.tell(manager, {
      causeEventId: event.id,
      templateKey: 'baggage.status',
      customerId: event.data.customerId,
      values: ({ locale }) => ({ reference: event.data.reference, status: status[locale] }),
    });
  return [
    onEvent(baggageFileOpened, async (event, manager) => void (await tell(OPENED)(event, manager))),
    onEvent(baggageFileSuspended, async (event, manager) => void (await tell(FOUND)(event, manager))),
    onEvent(baggageFileDeliveryUpdated, async (event, manager) => void (await tell(DELIVERY[event.data.status])(event, manager))),
    onEvent(baggageFileClosed, async (event, manager) => void (await tell(CLOSED[event.data.outcome])(event, manager))),
  ];
}
