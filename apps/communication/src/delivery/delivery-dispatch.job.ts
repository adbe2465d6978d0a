import type { ScheduledJob } from '@carebridge/service-kit';
import type { DeliveryDispatch } from './delivery-dispatch';

/** `delivery-dispatch`: sends what is queued and due, retrying with backoff. */
export function deliveryDispatchJob(dispatch: DeliveryDispatch, everyMs: number): ScheduledJob {
  return { name: 'delivery-dispatch', everyMs, run: () => dispatch.dispatchDue() };
}
