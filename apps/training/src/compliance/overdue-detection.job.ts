import type { ScheduledJob } from '@carebridge/service-kit';
import type { OverdueDetection } from './overdue-detection';

/** `training-overdue`: announces who became overdue on mandatory training (training.overdue), once each. */
export function overdueDetectionJob(detection: OverdueDetection, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'training-overdue', everyMs: settings.jobIntervalMs, run: (now) => detection.run(now) };
}
