import { couponIssued } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerMessaging } from './customer-messaging';

/**
 * coupon.issued: a campaign's coupon is marketing, sent only to customers who consented; one granted
 * by hand is a service message. A compensation coupon is told with the complaint's resolution.
 */
export function onCouponIssued(messaging: CustomerMessaging): EventHandler<typeof couponIssued> {
  return onEvent(couponIssued, async ({ id, data }, manager) => {
    if (data.source === 'COMPLAINT_COMPENSATION') return;
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: data.source === 'CAMPAIGN' ? 'coupon.campaign' : 'coupon.granted',
      customerId: data.customerId,
      values: ({ time }) => ({ value: data.valueType === 'PERCENTAGE' ? `${data.value} %` : `${data.value} ${data.currency ?? ''}`.trim(), validUntil: time(data.validUntil) }),
    });
  });
}
