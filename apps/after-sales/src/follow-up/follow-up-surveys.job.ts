import type { ScheduledJob } from '@carebridge/service-kit';
import type { FollowUpScheduling } from './follow-up-scheduling';

/** `follow-up-surveys`: sends due surveys and their one reminder, skips those the contact rules refuse, expires old links. */
export function followUpSurveysJob(scheduling: FollowUpScheduling, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'follow-up-surveys', everyMs: settings.jobIntervalMs, run: (now) => scheduling.run(now) };
}
