import type { ScheduledJob } from '@carebridge/service-kit';
import { overdueDetectionJob } from './compliance/overdue-detection.job';
import { certificateExpiryJob } from './course/certificate-expiry.job';
import { scheduledPublishingJob } from './knowledge/scheduled-publishing.job';
import type { TrainingDomain } from './training.domain';
import type { TrainingSettings } from './training.settings';

/**
 * Scheduled work of training; one instance at a time runs each job, so each must be idempotent.
 * A job goes into `<aggregate>/<name>.job.ts` (`export function <name>Job(…, settings): ScheduledJob`,
 * every `settings.jobIntervalMs`) and is listed here.
 */
export function trainingJobs(domain: TrainingDomain, settings: TrainingSettings): ScheduledJob[] {
  return [
    scheduledPublishingJob(domain.knowledge.review, settings),
    // Certificates become due for recertification, then expire; who became overdue is announced once.
    certificateExpiryJob(domain.certificateExpiry, settings),
    overdueDetectionJob(domain.overdueDetection, settings),
  ];
}
