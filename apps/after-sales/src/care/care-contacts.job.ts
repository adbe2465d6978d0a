import type { ScheduledJob } from '@carebridge/service-kit';
import type { CareContacts } from './care-contacts';

/** `care-contacts`: produces the contact tasks of the active care rules (T-4.4). */
export function careContactsJob(care: CareContacts, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'care-contacts', everyMs: settings.jobIntervalMs, run: (now) => care.run(now) };
}
