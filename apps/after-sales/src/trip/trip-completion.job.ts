import type { ScheduledJob } from '@carebridge/service-kit';
import type { TripCompletion } from './trip-completion';

/** `trip-completion`: completes confirmed trips whose end passed by the configured delay. */
export function tripCompletionJob(completion: TripCompletion, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'trip-completion', everyMs: settings.jobIntervalMs, run: async (now) => ({ completed: await completion.completeEnded(now) }) };
}
