import type { ScheduledJob } from '@carebridge/service-kit';
import type { FollowUpPlans } from './follow-up-plans';

/** Puts the next occurrence of every active follow-up plan on its owner's list. */
export function recurringFollowUpsJob(plans: FollowUpPlans, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'recurring-follow-ups', everyMs: settings.jobIntervalMs, run: (now) => plans.scheduleRecurring(now) };
}
