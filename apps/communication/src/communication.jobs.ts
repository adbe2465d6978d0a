import type { ScheduledJob } from '@carebridge/service-kit';
import type { CommunicationDomain } from './communication.domain';
import type { CommunicationSettings } from './communication.settings';
import { deliveryDispatchJob } from './delivery/delivery-dispatch.job';
import { supportMailboxPollJob } from './inbound/support-mailbox-polling';

/** Scheduled work of communication; one instance at a time runs each job, so each must be idempotent. */
export function communicationJobs(domain: CommunicationDomain, settings: CommunicationSettings): ScheduledJob[] {
  return [
    deliveryDispatchJob(domain.dispatch, settings.dispatchIntervalMs),
    ...(domain.mailboxPolling && settings.imap ? [supportMailboxPollJob(domain.mailboxPolling, settings.imap)] : []),
    ...domain.customers.jobs(),
  ];
}
