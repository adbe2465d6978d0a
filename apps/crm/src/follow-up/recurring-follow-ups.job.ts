import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { FollowUpPlans } from './follow-up-plans';

/** Puts the next occurrence of every active follow-up plan on its owner's list. */
export function recurringFollowUpsJob(plans: FollowUpPlans, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'recurring-follow-ups', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => plans.scheduleRecurring(now) };
}
