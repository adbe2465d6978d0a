import { DeadlineKind } from './deadline.enums';

/** Where one deadline of a complaint lives in the `complaint` table. */
export interface DeadlineColumns {
  kind: DeadlineKind;
  due: string;
  met: string;
  breached: string;
  /** Where its clock started (for "at risk"). */
  start: string;
  /** The feedback clock stands still while the complaint waits on the customer; the regulatory ones do not. */
  pausable: boolean;
}

/** The complaint's deadlines, as the deadline monitor and the list filters read them. */
export const DEADLINE_COLUMNS: readonly DeadlineColumns[] = [
  { kind: DeadlineKind.FEEDBACK, due: 'feedback_due_at', met: 'feedback_given_at', breached: 'feedback_breached_at', start: 'feedback_started_at', pausable: true },
  { kind: DeadlineKind.DOT_ACKNOWLEDGMENT, due: 'dot_acknowledgment_due_at', met: 'dot_acknowledged_at', breached: 'dot_acknowledgment_breached_at', start: 'created_at', pausable: false },
  { kind: DeadlineKind.DOT_RESPONSE, due: 'dot_response_due_at', met: 'dot_responded_at', breached: 'dot_response_breached_at', start: 'created_at', pausable: false },
];
