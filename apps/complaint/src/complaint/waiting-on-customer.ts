import { ComplaintAction } from '../history/complaint-history.enums';
import type { DeadlineClock } from './complaint-deadlines';
import type { StepRecord } from './complaint-lifecycle';
import type { Complaint } from './complaint.entity';

/**
 * Ends a wait on the customer: the feedback clock runs again and the deadline moves on by the
 * business time it stood still. The customer answering ends it, and so does feedback
 * given while it lasts. Returns what the timeline records.
 */
export function endWait(deadlines: DeadlineClock, complaint: Complaint, now: Date): StepRecord {
  const before = complaint.feedbackDueAt;
  const since = complaint.waitingSince;
  const { pausedMs, pausedBusinessMs } = deadlines.resume(complaint, now);
  return {
    action: ComplaintAction.WAIT_ENDED,
    changes: {
      waitingSince: { from: since?.toISOString() ?? null, to: null },
      pausedSeconds: { to: Math.round(pausedMs / 1000) },
      pausedBusinessSeconds: { to: Math.round(pausedBusinessMs / 1000) },
      ...(before.getTime() !== complaint.feedbackDueAt.getTime() ? { feedbackDueAt: { from: before.toISOString(), to: complaint.feedbackDueAt.toISOString() } } : {}),
    },
  };
}
