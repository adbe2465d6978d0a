import type { ScheduledJob } from '@carebridge/service-kit';
import type { CommunicationDomain } from './communication.domain';
import type { CommunicationSettings } from './communication.settings';
import { deliveryDispatchJob } from './delivery/delivery-dispatch.job';

/** Scheduled work of communication; one instance at a time runs each job, so each must be idempotent. */
export function communicationJobs(domain: CommunicationDomain, settings: CommunicationSettings): ScheduledJob[] {
  return [deliveryDispatchJob(domain.dispatch, settings.dispatchIntervalMs), ...domain.customers.jobs()];
}
