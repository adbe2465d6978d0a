import type { ScheduledJob } from '@carebridge/service-kit';
import type { ArticleReview } from './article-review';

/** `knowledge-scheduled-publishing`: approved articles go live when their publishAt has come. */
export function scheduledPublishingJob(review: ArticleReview, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'knowledge-scheduled-publishing', everyMs: settings.jobIntervalMs, run: (now) => review.publishDue(now).then(() => undefined) };
}
