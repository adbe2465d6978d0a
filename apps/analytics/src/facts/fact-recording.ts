import type { BusinessCalendar } from '@carebridge/business-calendar';
import type {
  complaintAssigned,
  complaintClosed,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  complaintSlaBreached,
  courseCompleted,
  customerErased,
  customerMerged,
  EventData,
  followUpSurveyAnswered,
  qaReviewCompleted,
  inquiryClosed,
  inquiryEscalated,
  inquiryFirstResponded,
  inquiryReceived,
  inquiryReopened,
  inquirySlaBreached,
  trainingOverdue,
} from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';

/** The tables the facts live in: replayed from the streams by a rebuild, then swapped in together. */
export const FACT_TABLES = ['case_fact', 'open_spell', 'resolution', 'satisfaction_answer', 'survey_answer', 'compensation_grant', 'customer_tier', 'qa_review', 'course_completion', 'training_overdue'] as const;

/**
 * Turns events into facts, keyed by when each step happened (the event's own time, not its
 * arrival), so a late or out-of-order event lands in its period. Every write is an upsert that
 * holds whatever order the streams interleave in; one event is applied once, by the consumer.
 */
export class FactRecording {
  constructor(private readonly calendar: BusinessCalendar) {}

  async inquiryReceived(m: EntityManager, d: EventData<typeof inquiryReceived>): Promise<void> {
    const written = await m.query(
      `INSERT INTO case_fact (case_id, kind, opened_at, channel, category, customer_id, first_response_due_at)
       VALUES ($1, 'INQUIRY', $2, $3, $4, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, channel = EXCLUDED.channel, category = EXCLUDED.category,
         customer_id = COALESCE(case_fact.customer_id, EXCLUDED.customer_id), first_response_due_at = EXCLUDED.first_response_due_at
       RETURNING opened_at, first_responded_at`,
      [d.inquiryId, d.receivedAt, d.channel, d.category, d.customerId, d.firstResponseDueAt],
    );
    await this.measureFirstResponse(m, d.inquiryId, this.rows(written));
  }

  async inquiryFirstResponded(m: EntityManager, d: EventData<typeof inquiryFirstResponded>): Promise<void> {
    const written = await m.query(
      `INSERT INTO case_fact (case_id, kind, channel, first_responded_at, first_response_seconds, first_response_within_target, agent_id)
       VALUES ($1, 'INQUIRY', $2, $3, $4, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET first_responded_at = EXCLUDED.first_responded_at, first_response_seconds = EXCLUDED.first_response_seconds,
         first_response_within_target = EXCLUDED.first_response_within_target, agent_id = EXCLUDED.agent_id
       WHERE case_fact.first_responded_at IS NULL OR EXCLUDED.first_responded_at < case_fact.first_responded_at
       RETURNING opened_at, first_responded_at`,
      [d.inquiryId, d.channel, d.respondedAt, d.firstResponseSeconds, d.withinTarget, d.respondedBy],
    );
    await this.measureFirstResponse(m, d.inquiryId, this.rows(written));
  }

  async inquirySlaBreached(m: EntityManager, d: EventData<typeof inquirySlaBreached>): Promise<void> {
    // A later reply's target is not a first response: only FIRST_RESPONSE counts toward the rings and minutes.
    if (d.target !== 'FIRST_RESPONSE') return;
    await m.query(
      `INSERT INTO case_fact (case_id, kind, channel, first_response_breached) VALUES ($1, 'INQUIRY', $2, true)
       ON CONFLICT (case_id) DO UPDATE SET first_response_breached = true`,
      [d.inquiryId, d.channel],
    );
  }

  async inquiryClosed(m: EntityManager, d: EventData<typeof inquiryClosed>, eventId: string): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, channel, category, first_resolved_at, last_resolved_at, handling_seconds, agent_id)
       VALUES ($1, 'INQUIRY', $2, $3, $4, $4, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET
         first_resolved_at = LEAST(case_fact.first_resolved_at, EXCLUDED.first_resolved_at),
         handling_seconds = CASE WHEN case_fact.last_resolved_at IS NULL OR EXCLUDED.last_resolved_at >= case_fact.last_resolved_at
                                 THEN EXCLUDED.handling_seconds ELSE case_fact.handling_seconds END,
         last_resolved_at = GREATEST(case_fact.last_resolved_at, EXCLUDED.last_resolved_at),
         agent_id = COALESCE(case_fact.agent_id, EXCLUDED.agent_id)`,
      [d.inquiryId, d.channel, d.category, d.closedAt, d.handlingSeconds, d.closedBy],
    );
    if (d.satisfactionScore != null) await this.recordSatisfaction(m, eventId, d.inquiryId, d.closedAt, d.satisfactionScore);
  }

  async inquiryReopened(m: EntityManager, d: EventData<typeof inquiryReopened>): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, reopen_count) VALUES ($1, 'INQUIRY', 1)
       ON CONFLICT (case_id) DO UPDATE SET reopen_count = case_fact.reopen_count + 1`,
      [d.inquiryId],
    );
  }

  async inquiryEscalated(m: EntityManager, d: EventData<typeof inquiryEscalated>): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, channel, escalated_at) VALUES ($1, 'INQUIRY', $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET escalated_at = LEAST(case_fact.escalated_at, EXCLUDED.escalated_at)`,
      [d.inquiryId, d.channel, d.escalatedAt],
    );
  }

  async complaintRegistered(m: EntityManager, d: EventData<typeof complaintRegistered>, eventId: string): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, opened_at, reference, channel, category, urgency, customer_id, inquiry_id)
       VALUES ($1, 'COMPLAINT', $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, reference = EXCLUDED.reference, channel = EXCLUDED.channel,
         category = EXCLUDED.category, urgency = EXCLUDED.urgency, customer_id = EXCLUDED.customer_id, inquiry_id = EXCLUDED.inquiry_id`,
      [d.complaintId, d.registeredAt, d.registrationNumber, d.channel, d.category, d.urgency, d.customerId, d.inquiryId ?? null],
    );
    await this.openSpell(m, eventId, d.complaintId, d.registeredAt);
  }

  async complaintAssigned(m: EntityManager, d: EventData<typeof complaintAssigned>): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, agent_id, team) VALUES ($1, 'COMPLAINT', $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, team = EXCLUDED.team`,
      [d.complaintId, d.assigneeId, d.department],
    );
  }

  async complaintFeedbackGiven(m: EntityManager, d: EventData<typeof complaintFeedbackGiven>): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, first_feedback_at, feedback_late) VALUES ($1, 'COMPLAINT', $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET first_feedback_at = LEAST(case_fact.first_feedback_at, EXCLUDED.first_feedback_at),
         feedback_late = case_fact.feedback_late OR EXCLUDED.feedback_late`,
      [d.complaintId, d.givenAt, !d.withinDeadline],
    );
  }

  async complaintSlaBreached(m: EntityManager, d: EventData<typeof complaintSlaBreached>): Promise<void> {
    const column = { FEEDBACK: 'feedback_late', DOT_ACKNOWLEDGMENT: 'dot_acknowledgment_breached', DOT_RESPONSE: 'dot_response_breached' }[d.deadline];
    await m.query(
      `INSERT INTO case_fact (case_id, kind, ${column}) VALUES ($1, 'COMPLAINT', true) ON CONFLICT (case_id) DO UPDATE SET ${column} = true`,
      [d.complaintId],
    );
  }

  async complaintResolved(m: EntityManager, d: EventData<typeof complaintResolved>, eventId: string): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, reference, root_cause, first_resolved_at, last_resolved_at) VALUES ($1, 'COMPLAINT', $2, $3, $4, $4)
       ON CONFLICT (case_id) DO UPDATE SET
         root_cause = CASE WHEN case_fact.last_resolved_at IS NULL OR EXCLUDED.last_resolved_at >= case_fact.last_resolved_at
                           THEN COALESCE(EXCLUDED.root_cause, case_fact.root_cause) ELSE case_fact.root_cause END,
         first_resolved_at = LEAST(case_fact.first_resolved_at, EXCLUDED.first_resolved_at),
         last_resolved_at = GREATEST(case_fact.last_resolved_at, EXCLUDED.last_resolved_at)`,
      [d.complaintId, d.registrationNumber, d.rootCause, d.resolvedAt],
    );
    await m.query(`INSERT INTO resolution (event_id, case_id, resolved_at, root_cause) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      eventId,
      d.complaintId,
      d.resolvedAt,
      d.rootCause,
    ]);
    await this.endSpell(m, d.complaintId, d.resolvedAt);
    for (const item of d.compensation) {
      await m.query(
        `INSERT INTO compensation_grant (item_id, case_id, granted_at, kind, currency, amount, quantity) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (item_id) DO NOTHING`,
        [item.itemId, d.complaintId, d.resolvedAt, item.kind, item.currency, item.amount, item.quantity],
      );
    }
  }

  async complaintClosed(m: EntityManager, d: EventData<typeof complaintClosed>, eventId: string): Promise<void> {
    await m.query(`INSERT INTO case_fact (case_id, kind, reference) VALUES ($1, 'COMPLAINT', $2) ON CONFLICT (case_id) DO NOTHING`, [d.complaintId, d.registrationNumber]);
    // Closed without a resolution still ends the open spell: the complaint is no longer due.
    await this.endSpell(m, d.complaintId, d.closedAt);
    if (d.satisfactionScore != null) await this.recordSatisfaction(m, eventId, d.complaintId, d.closedAt, d.satisfactionScore);
  }

  async complaintReopened(m: EntityManager, d: EventData<typeof complaintReopened>, eventId: string): Promise<void> {
    await m.query(
      `INSERT INTO case_fact (case_id, kind, reopen_count) VALUES ($1, 'COMPLAINT', 1)
       ON CONFLICT (case_id) DO UPDATE SET reopen_count = case_fact.reopen_count + 1`,
      [d.complaintId],
    );
    await this.openSpell(m, eventId, d.complaintId, d.reopenedAt);
  }

  async surveyAnswered(m: EntityManager, d: EventData<typeof followUpSurveyAnswered>): Promise<void> {
    await m.query(
      `INSERT INTO survey_answer (survey_id, customer_id, answered_at, nps, ratings, ratings_satisfied, rating_sum) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (survey_id) DO UPDATE SET answered_at = EXCLUDED.answered_at, nps = EXCLUDED.nps,
         ratings = EXCLUDED.ratings, ratings_satisfied = EXCLUDED.ratings_satisfied, rating_sum = EXCLUDED.rating_sum`,
      [
        d.surveyId,
        d.customerId,
        d.answeredAt,
        d.nps,
        d.ratings.length,
        d.ratings.filter((r) => r.score >= 4).length,
        d.ratings.reduce((sum, r) => sum + r.score, 0),
      ],
    );
  }

  async qaReviewCompleted(m: EntityManager, d: EventData<typeof qaReviewCompleted>): Promise<void> {
    await m.query(
      `INSERT INTO qa_review (review_id, agent_id, case_id, completed_at, score_hundredths, auto_failed) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (review_id) DO NOTHING`,
      [d.reviewId, d.agentId, d.caseId, d.completedAt, Math.round(d.score * 100), d.autoFailed],
    );
  }

  /** training's course completion (a certificate): once per certificate. */
  async courseCompleted(m: EntityManager, d: EventData<typeof courseCompleted>): Promise<void> {
    await m.query(
      `INSERT INTO course_completion (certificate_id, course_id, staff_user_id, recertification, quiz_score_hundredths, completed_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (certificate_id) DO NOTHING`,
      [d.certificateId, d.courseId, d.staffUserId, d.recertification, d.quizScore === null ? null : Math.round(d.quizScore * 100), d.completedAt],
    );
  }

  /** training's overdue mandatory course: once per person, course and due date. */
  async trainingOverdue(m: EntityManager, d: EventData<typeof trainingOverdue>): Promise<void> {
    await m.query(
      `INSERT INTO training_overdue (course_id, staff_user_id, due_at, team, reason, detected_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (course_id, staff_user_id, due_at) DO NOTHING`,
      [d.courseId, d.staffUserId, d.dueAt, d.team, d.reason, d.detectedAt],
    );
  }

  /** crm's statement of a customer's tier; an older statement arriving late does not win. */
  async customerTier(m: EntityManager, customerId: string, tier: string, statedAt: string): Promise<void> {
    await m.query(
      `INSERT INTO customer_tier (customer_id, tier, stated_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, stated_at = EXCLUDED.stated_at WHERE customer_tier.stated_at <= EXCLUDED.stated_at`,
      [customerId, tier, statedAt],
    );
  }

  async customerMerged(m: EntityManager, d: EventData<typeof customerMerged>): Promise<void> {
    await m.query(`UPDATE case_fact SET customer_id = $2 WHERE customer_id = $1`, [d.mergedId, d.survivorId]);
    await m.query(`UPDATE survey_answer SET customer_id = $2 WHERE customer_id = $1`, [d.mergedId, d.survivorId]);
    await m.query(`DELETE FROM customer_tier WHERE customer_id = $1`, [d.mergedId]);
  }

  /** An erased customer's cases stay in the figures, no longer linked to anyone. */
  async customerErased(m: EntityManager, d: EventData<typeof customerErased>): Promise<void> {
    await m.query(`UPDATE case_fact SET customer_id = NULL WHERE customer_id = $1`, [d.customerId]);
    await m.query(`UPDATE survey_answer SET customer_id = NULL WHERE customer_id = $1`, [d.customerId]);
    await m.query(`DELETE FROM customer_tier WHERE customer_id = $1`, [d.customerId]);
  }

  private async recordSatisfaction(m: EntityManager, eventId: string, caseId: string, at: string, score: number): Promise<void> {
    await m.query(`INSERT INTO satisfaction_answer (event_id, case_id, answered_at, score) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [eventId, caseId, at, score]);
  }

  private async openSpell(m: EntityManager, eventId: string, caseId: string, at: string): Promise<void> {
    await m.query(`INSERT INTO open_spell (event_id, case_id, opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [eventId, caseId, at]);
  }

  private async endSpell(m: EntityManager, caseId: string, at: string): Promise<void> {
    await m.query(`UPDATE open_spell SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL AND opened_at <= $2`, [caseId, at]);
  }

  /** First response in business hours, once both the arrival and the first reply are known (in either order). */
  private async measureFirstResponse(m: EntityManager, inquiryId: string, [row]: { opened_at: Date | null; first_responded_at: Date | null }[]): Promise<void> {
    if (!row?.opened_at || !row.first_responded_at) return;
    const seconds = this.calendar.between(row.opened_at, row.first_responded_at) / 1000;
    await m.query(`UPDATE case_fact SET first_response_business_seconds = $2 WHERE case_id = $1`, [inquiryId, seconds]);
  }

  /** The rows a RETURNING statement gave back (TypeORM's postgres driver answers [rows, count] for an upsert). */
  private rows<T>(result: unknown): T[] {
    return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
  }
}
