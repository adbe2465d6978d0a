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
  customerServiceTermsChanged,
  EventData,
  followUpSurveyAnswered,
  qaReviewCompleted,
  inquiryClosed,
  inquiryEscalated,
  inquiryFirstResponded,
  inquiryReceived,
  inquiryReopened,
  inquirySlaBreached,
  procedureFeedbackGiven,
  trainingOverdue,
} from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';

/** The tables the facts live in: replayed from the streams by a rebuild, then swapped in together. */
export const FACT_TABLES = ['case_fact', 'open_spell', 'resolution', 'satisfaction_answer', 'survey_answer', 'compensation_grant', 'customer_tier', 'qa_review', 'course_completion', 'training_overdue', 'procedure_feedback', 'customer_key_account'] as const;

/** A column of a multi-row statement: its name in `v` and its Postgres type. */
type Columns = readonly (readonly [string, string])[];

interface Statement {
  columns: Columns;
  /** The statement over `v`, the rows given (`unnest` of one array per column). */
  sql: (values: string) => string;
  /** The statement answers (case_id, opened_at, first_responded_at): the first response is then measured in business hours. */
  measures?: true;
}

const c = (spec: string): Columns => spec.split(', ').map((column) => column.split(' ') as [string, string]);

/**
 * Every write analytics makes from an event, each as one multi-row statement. The upserts hold
 * whatever order the streams interleave in; one case's steps apply in their order (`FactRecording`).
 * Listed in the order a wave applies them, which is the order of the writes within every event.
 */
const STATEMENTS = {
  inquiryReceived: {
    columns: c('case_id uuid, opened_at timestamptz, channel text, category text, customer_id uuid, due_at timestamptz'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, opened_at, channel, category, customer_id, first_response_due_at)
      SELECT v.case_id, 'INQUIRY', v.opened_at, v.channel, v.category, v.customer_id, v.due_at FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, channel = EXCLUDED.channel, category = EXCLUDED.category,
        customer_id = COALESCE(case_fact.customer_id, EXCLUDED.customer_id), first_response_due_at = EXCLUDED.first_response_due_at
      RETURNING case_id, opened_at, first_responded_at`,
    measures: true,
  },
  inquiryFirstResponded: {
    columns: c('case_id uuid, channel text, responded_at timestamptz, seconds float8, within_target boolean, agent_id text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, channel, first_responded_at, first_response_seconds, first_response_within_target, agent_id)
      SELECT v.case_id, 'INQUIRY', v.channel, v.responded_at, v.seconds, v.within_target, v.agent_id FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET first_responded_at = EXCLUDED.first_responded_at, first_response_seconds = EXCLUDED.first_response_seconds,
        first_response_within_target = EXCLUDED.first_response_within_target, agent_id = EXCLUDED.agent_id
      WHERE case_fact.first_responded_at IS NULL OR EXCLUDED.first_responded_at < case_fact.first_responded_at
      RETURNING case_id, opened_at, first_responded_at`,
    measures: true,
  },
  inquirySlaBreached: {
    columns: c('case_id uuid, channel text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, channel, first_response_breached) SELECT v.case_id, 'INQUIRY', v.channel, true FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET first_response_breached = true`,
  },
  inquiryClosed: {
    columns: c('case_id uuid, channel text, category text, closed_at timestamptz, handling float8, agent_id text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, channel, category, first_resolved_at, last_resolved_at, handling_seconds, agent_id)
      SELECT v.case_id, 'INQUIRY', v.channel, v.category, v.closed_at, v.closed_at, v.handling, v.agent_id FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET
        first_resolved_at = LEAST(case_fact.first_resolved_at, EXCLUDED.first_resolved_at),
        handling_seconds = CASE WHEN case_fact.last_resolved_at IS NULL OR EXCLUDED.last_resolved_at >= case_fact.last_resolved_at
                                THEN EXCLUDED.handling_seconds ELSE case_fact.handling_seconds END,
        last_resolved_at = GREATEST(case_fact.last_resolved_at, EXCLUDED.last_resolved_at),
        agent_id = COALESCE(case_fact.agent_id, EXCLUDED.agent_id)`,
  },
  caseReopened: {
    columns: c('case_id uuid, kind text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, reopen_count) SELECT v.case_id, v.kind, 1 FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET reopen_count = case_fact.reopen_count + 1`,
  },
  inquiryEscalated: {
    columns: c('case_id uuid, channel text, escalated_at timestamptz'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, channel, escalated_at) SELECT v.case_id, 'INQUIRY', v.channel, v.escalated_at FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET escalated_at = LEAST(case_fact.escalated_at, EXCLUDED.escalated_at)`,
  },
  complaintRegistered: {
    columns: c('case_id uuid, opened_at timestamptz, reference text, channel text, category text, urgency text, customer_id uuid, inquiry_id uuid'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, opened_at, reference, channel, category, urgency, customer_id, inquiry_id)
      SELECT v.case_id, 'COMPLAINT', v.opened_at, v.reference, v.channel, v.category, v.urgency, v.customer_id, v.inquiry_id FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, reference = EXCLUDED.reference, channel = EXCLUDED.channel,
        category = EXCLUDED.category, urgency = EXCLUDED.urgency, customer_id = EXCLUDED.customer_id, inquiry_id = EXCLUDED.inquiry_id`,
  },
  complaintAssigned: {
    columns: c('case_id uuid, agent_id text, team text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, agent_id, team) SELECT v.case_id, 'COMPLAINT', v.agent_id, v.team FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, team = EXCLUDED.team`,
  },
  complaintFeedbackGiven: {
    columns: c('case_id uuid, given_at timestamptz, late boolean'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, first_feedback_at, feedback_late) SELECT v.case_id, 'COMPLAINT', v.given_at, v.late FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET first_feedback_at = LEAST(case_fact.first_feedback_at, EXCLUDED.first_feedback_at),
        feedback_late = case_fact.feedback_late OR EXCLUDED.feedback_late`,
  },
  complaintSlaBreached: {
    columns: c('case_id uuid, feedback boolean, acknowledgment boolean, response boolean'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, feedback_late, dot_acknowledgment_breached, dot_response_breached)
      SELECT v.case_id, 'COMPLAINT', v.feedback, v.acknowledgment, v.response FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET feedback_late = case_fact.feedback_late OR EXCLUDED.feedback_late,
        dot_acknowledgment_breached = case_fact.dot_acknowledgment_breached OR EXCLUDED.dot_acknowledgment_breached,
        dot_response_breached = case_fact.dot_response_breached OR EXCLUDED.dot_response_breached`,
  },
  complaintResolved: {
    columns: c('case_id uuid, reference text, root_cause text, resolved_at timestamptz'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, reference, root_cause, first_resolved_at, last_resolved_at)
      SELECT v.case_id, 'COMPLAINT', v.reference, v.root_cause, v.resolved_at, v.resolved_at FROM ${v}
      ON CONFLICT (case_id) DO UPDATE SET
        root_cause = CASE WHEN case_fact.last_resolved_at IS NULL OR EXCLUDED.last_resolved_at >= case_fact.last_resolved_at
                          THEN COALESCE(EXCLUDED.root_cause, case_fact.root_cause) ELSE case_fact.root_cause END,
        first_resolved_at = LEAST(case_fact.first_resolved_at, EXCLUDED.first_resolved_at),
        last_resolved_at = GREATEST(case_fact.last_resolved_at, EXCLUDED.last_resolved_at)`,
  },
  complaintClosed: {
    columns: c('case_id uuid, reference text'),
    sql: (v) => `INSERT INTO case_fact (case_id, kind, reference) SELECT v.case_id, 'COMPLAINT', v.reference FROM ${v} ON CONFLICT (case_id) DO NOTHING`,
  },
  firstResponseMeasured: {
    columns: c('case_id uuid, seconds float8'),
    sql: (v) => `UPDATE case_fact f SET first_response_business_seconds = v.seconds FROM ${v} WHERE f.case_id = v.case_id`,
  },
  resolution: {
    columns: c('event_id uuid, case_id uuid, resolved_at timestamptz, root_cause text'),
    sql: (v) => `INSERT INTO resolution (event_id, case_id, resolved_at, root_cause) SELECT * FROM ${v} ON CONFLICT DO NOTHING`,
  },
  spellOpened: {
    columns: c('event_id uuid, case_id uuid, opened_at timestamptz'),
    sql: (v) => `INSERT INTO open_spell (event_id, case_id, opened_at) SELECT * FROM ${v} ON CONFLICT DO NOTHING`,
  },
  spellEnded: {
    columns: c('case_id uuid, ended_at timestamptz'),
    sql: (v) => `UPDATE open_spell s SET ended_at = v.ended_at FROM ${v} WHERE s.case_id = v.case_id AND s.ended_at IS NULL AND s.opened_at <= v.ended_at`,
  },
  compensation: {
    columns: c('item_id uuid, case_id uuid, granted_at timestamptz, kind text, currency text, amount numeric, quantity bigint'),
    sql: (v) => `INSERT INTO compensation_grant (item_id, case_id, granted_at, kind, currency, amount, quantity) SELECT * FROM ${v} ON CONFLICT (item_id) DO NOTHING`,
  },
  satisfaction: {
    columns: c('event_id uuid, case_id uuid, answered_at timestamptz, score int'),
    sql: (v) => `INSERT INTO satisfaction_answer (event_id, case_id, answered_at, score) SELECT * FROM ${v} ON CONFLICT DO NOTHING`,
  },
  survey: {
    columns: c('survey_id uuid, customer_id uuid, answered_at timestamptz, nps int, ratings int, ratings_satisfied int, rating_sum int'),
    sql: (v) => `INSERT INTO survey_answer (survey_id, customer_id, answered_at, nps, ratings, ratings_satisfied, rating_sum) SELECT * FROM ${v}
      ON CONFLICT (survey_id) DO UPDATE SET answered_at = EXCLUDED.answered_at, nps = EXCLUDED.nps,
        ratings = EXCLUDED.ratings, ratings_satisfied = EXCLUDED.ratings_satisfied, rating_sum = EXCLUDED.rating_sum`,
  },
  qaReview: {
    columns: c('review_id uuid, agent_id text, case_id uuid, completed_at timestamptz, score int, auto_failed boolean'),
    sql: (v) => `INSERT INTO qa_review (review_id, agent_id, case_id, completed_at, score_hundredths, auto_failed) SELECT * FROM ${v} ON CONFLICT (review_id) DO NOTHING`,
  },
  courseCompletion: {
    columns: c('certificate_id uuid, course_id uuid, staff_user_id text, recertification boolean, quiz_score int, completed_at timestamptz'),
    sql: (v) => `INSERT INTO course_completion (certificate_id, course_id, staff_user_id, recertification, quiz_score_hundredths, completed_at) SELECT * FROM ${v}
      ON CONFLICT (certificate_id) DO NOTHING`,
  },
  trainingOverdue: {
    columns: c('course_id uuid, staff_user_id text, due_at timestamptz, team text, reason text, detected_at timestamptz'),
    sql: (v) => `INSERT INTO training_overdue (course_id, staff_user_id, due_at, team, reason, detected_at) SELECT * FROM ${v}
      ON CONFLICT (course_id, staff_user_id, due_at) DO NOTHING`,
  },
  procedureFeedback: {
    columns: c('feedback_id uuid, article_id uuid, rating int, commented boolean, given_at timestamptz'),
    sql: (v) => `INSERT INTO procedure_feedback (feedback_id, article_id, rating, commented, given_at) SELECT * FROM ${v} ON CONFLICT (feedback_id) DO NOTHING`,
  },
  customerTier: {
    columns: c('customer_id uuid, tier text, stated_at timestamptz'),
    sql: (v) => `INSERT INTO customer_tier (customer_id, tier, stated_at) SELECT * FROM ${v}
      ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, stated_at = EXCLUDED.stated_at WHERE customer_tier.stated_at <= EXCLUDED.stated_at`,
  },
  customerKeyAccount: {
    columns: c('customer_id uuid, key_account_id uuid, stated_at timestamptz'),
    sql: (v) => `INSERT INTO customer_key_account (customer_id, key_account_id, stated_at) SELECT * FROM ${v}
      ON CONFLICT (customer_id) DO UPDATE SET key_account_id = EXCLUDED.key_account_id, stated_at = EXCLUDED.stated_at WHERE customer_key_account.stated_at <= EXCLUDED.stated_at`,
  },
} satisfies Record<string, Statement>;

type StatementName = keyof typeof STATEMENTS;
const ORDER = Object.keys(STATEMENTS) as StatementName[];
type Write = [StatementName, unknown[]];

/**
 * The writes of one transaction's events, not yet sent. Each event's writes go in a wave: the first
 * after every wave that holds a write of the same case (survey, certificate, customer…). A wave sends
 * one statement per kind of write, so one case's steps keep their order and no statement touches a
 * row twice (which an upsert refuses), while the cases of a batch share their statements.
 */
interface PendingFacts {
  waves: Map<StatementName, unknown[][]>[];
  lastWave: Map<string, number>;
}

/**
 * Turns events into facts, keyed by when each step happened (the event's own time, not its
 * arrival), so a late or out-of-order event lands in its period. Every write is an upsert that
 * holds whatever order the streams interleave in; one event is applied once, by the consumer.
 *
 * The writes of a transaction's events are gathered and sent together by `settle`, which the
 * consumer calls before it commits (a few multi-row statements for a batch of hundreds of events).
 * Whoever applies events through the handlers in a transaction of their own calls `settle` before
 * committing. `gathering: false` sends each event's writes at once (the per-event baseline of the benchmark).
 */
export class FactRecording {
  private readonly pending = new WeakMap<EntityManager, PendingFacts>();

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly options: { gathering: boolean } = { gathering: true },
  ) {}

  inquiryReceived(m: EntityManager, d: EventData<typeof inquiryReceived>): Promise<void> {
    return this.write(m, [d.inquiryId], [['inquiryReceived', [d.inquiryId, d.receivedAt, d.channel, d.category, d.customerId, d.firstResponseDueAt]]]);
  }

  inquiryFirstResponded(m: EntityManager, d: EventData<typeof inquiryFirstResponded>): Promise<void> {
    return this.write(m, [d.inquiryId], [['inquiryFirstResponded', [d.inquiryId, d.channel, d.respondedAt, d.firstResponseSeconds, d.withinTarget, d.respondedBy]]]);
  }

  async inquirySlaBreached(m: EntityManager, d: EventData<typeof inquirySlaBreached>): Promise<void> {
    // A later reply's target is not a first response: only FIRST_RESPONSE counts toward the rings and minutes.
    if (d.target !== 'FIRST_RESPONSE') return;
    await this.write(m, [d.inquiryId], [['inquirySlaBreached', [d.inquiryId, d.channel]]]);
  }

  inquiryClosed(m: EntityManager, d: EventData<typeof inquiryClosed>, eventId: string): Promise<void> {
    const writes: Write[] = [['inquiryClosed', [d.inquiryId, d.channel, d.category, d.closedAt, d.handlingSeconds, d.closedBy]]];
    if (d.satisfactionScore != null) writes.push(['satisfaction', [eventId, d.inquiryId, d.closedAt, d.satisfactionScore]]);
    return this.write(m, [d.inquiryId], writes);
  }

  inquiryReopened(m: EntityManager, d: EventData<typeof inquiryReopened>): Promise<void> {
    return this.write(m, [d.inquiryId], [['caseReopened', [d.inquiryId, 'INQUIRY']]]);
  }

  inquiryEscalated(m: EntityManager, d: EventData<typeof inquiryEscalated>): Promise<void> {
    return this.write(m, [d.inquiryId], [['inquiryEscalated', [d.inquiryId, d.channel, d.escalatedAt]]]);
  }

  complaintRegistered(m: EntityManager, d: EventData<typeof complaintRegistered>, eventId: string): Promise<void> {
    return this.write(
      m,
      [d.complaintId],
      [
        ['complaintRegistered', [d.complaintId, d.registeredAt, d.registrationNumber, d.channel, d.category, d.urgency, d.customerId, d.inquiryId ?? null]],
        ['spellOpened', [eventId, d.complaintId, d.registeredAt]],
      ],
    );
  }

  complaintAssigned(m: EntityManager, d: EventData<typeof complaintAssigned>): Promise<void> {
    return this.write(m, [d.complaintId], [['complaintAssigned', [d.complaintId, d.assigneeId, d.department]]]);
  }

  complaintFeedbackGiven(m: EntityManager, d: EventData<typeof complaintFeedbackGiven>): Promise<void> {
    return this.write(m, [d.complaintId], [['complaintFeedbackGiven', [d.complaintId, d.givenAt, !d.withinDeadline]]]);
  }

  complaintSlaBreached(m: EntityManager, d: EventData<typeof complaintSlaBreached>): Promise<void> {
    return this.write(m, [d.complaintId], [['complaintSlaBreached', [d.complaintId, d.deadline === 'FEEDBACK', d.deadline === 'DOT_ACKNOWLEDGMENT', d.deadline === 'DOT_RESPONSE']]]);
  }

  complaintResolved(m: EntityManager, d: EventData<typeof complaintResolved>, eventId: string): Promise<void> {
    return this.write(
      m,
      [d.complaintId],
      [
        ['complaintResolved', [d.complaintId, d.registrationNumber, d.rootCause, d.resolvedAt]],
        ['resolution', [eventId, d.complaintId, d.resolvedAt, d.rootCause]],
        ['spellEnded', [d.complaintId, d.resolvedAt]],
        ...d.compensation.map((item): Write => ['compensation', [item.itemId, d.complaintId, d.resolvedAt, item.kind, item.currency, item.amount, item.quantity]]),
      ],
    );
  }

  complaintClosed(m: EntityManager, d: EventData<typeof complaintClosed>, eventId: string): Promise<void> {
    const writes: Write[] = [
      ['complaintClosed', [d.complaintId, d.registrationNumber]],
      // Closed without a resolution still ends the open spell: the complaint is no longer due.
      ['spellEnded', [d.complaintId, d.closedAt]],
    ];
    if (d.satisfactionScore != null) writes.push(['satisfaction', [eventId, d.complaintId, d.closedAt, d.satisfactionScore]]);
    return this.write(m, [d.complaintId], writes);
  }

  complaintReopened(m: EntityManager, d: EventData<typeof complaintReopened>, eventId: string): Promise<void> {
    return this.write(
      m,
      [d.complaintId],
      [
        ['caseReopened', [d.complaintId, 'COMPLAINT']],
        ['spellOpened', [eventId, d.complaintId, d.reopenedAt]],
      ],
    );
  }

  surveyAnswered(m: EntityManager, d: EventData<typeof followUpSurveyAnswered>): Promise<void> {
    const satisfied = d.ratings.filter((r) => r.score >= 4).length;
    const sum = d.ratings.reduce((total, r) => total + r.score, 0);
    return this.write(m, [`survey:${d.surveyId}`], [['survey', [d.surveyId, d.customerId, d.answeredAt, d.nps, d.ratings.length, satisfied, sum]]]);
  }

  qaReviewCompleted(m: EntityManager, d: EventData<typeof qaReviewCompleted>): Promise<void> {
    return this.write(m, [`qa:${d.reviewId}`], [['qaReview', [d.reviewId, d.agentId, d.caseId, d.completedAt, Math.round(d.score * 100), d.autoFailed]]]);
  }

  /** training's course completion (a certificate): once per certificate. */
  courseCompleted(m: EntityManager, d: EventData<typeof courseCompleted>): Promise<void> {
    const quiz = d.quizScore === null ? null : Math.round(d.quizScore * 100);
    return this.write(m, [`certificate:${d.certificateId}`], [['courseCompletion', [d.certificateId, d.courseId, d.staffUserId, d.recertification, quiz, d.completedAt]]]);
  }

  /** training's overdue mandatory course: once per person, course and due date. */
  trainingOverdue(m: EntityManager, d: EventData<typeof trainingOverdue>): Promise<void> {
    return this.write(m, [`overdue:${d.courseId}:${d.staffUserId}:${d.dueAt}`], [['trainingOverdue', [d.courseId, d.staffUserId, d.dueAt, d.team, d.reason, d.detectedAt]]]);
  }

  /** training's procedure feedback: once per feedback. */
  procedureFeedbackGiven(m: EntityManager, d: EventData<typeof procedureFeedbackGiven>): Promise<void> {
    return this.write(m, [`feedback:${d.feedbackId}`], [['procedureFeedback', [d.feedbackId, d.articleId, d.rating, d.commented, d.givenAt]]]);
  }

  /** crm's statement of a customer's tier; an older statement arriving late does not win. */
  customerTier(m: EntityManager, customerId: string, tier: string, statedAt: string): Promise<void> {
    return this.write(m, [`customer:${customerId}`], [['customerTier', [customerId, tier, statedAt]]]);
  }

  /** crm's statement of the key account a customer belongs to (null: none); an older statement arriving late does not win. */
  customerKeyAccount(m: EntityManager, d: EventData<typeof customerServiceTermsChanged>): Promise<void> {
    return this.write(m, [`key-account:${d.customerId}`], [['customerKeyAccount', [d.customerId, d.keyAccountId, d.changedAt]]]);
  }

  /** A merge re-points facts of any case: everything gathered before it is written first. */
  async customerMerged(m: EntityManager, d: EventData<typeof customerMerged>): Promise<void> {
    await this.settle(m);
    await m.query(`INSERT INTO fact_change (affected_from) VALUES ('-infinity')`);
    await m.query(`UPDATE case_fact SET customer_id = $2 WHERE customer_id = $1`, [d.mergedId, d.survivorId]);
    await m.query(`UPDATE survey_answer SET customer_id = $2 WHERE customer_id = $1`, [d.mergedId, d.survivorId]);
    await m.query(`DELETE FROM customer_tier WHERE customer_id = $1`, [d.mergedId]);
    await m.query(`DELETE FROM customer_key_account WHERE customer_id = $1`, [d.mergedId]);
  }

  /** An erased customer's cases stay in the figures, no longer linked to anyone. */
  async customerErased(m: EntityManager, d: EventData<typeof customerErased>): Promise<void> {
    await this.settle(m);
    await m.query(`INSERT INTO fact_change (affected_from) VALUES ('-infinity')`);
    await m.query(`UPDATE case_fact SET customer_id = NULL WHERE customer_id = $1`, [d.customerId]);
    await m.query(`UPDATE survey_answer SET customer_id = NULL WHERE customer_id = $1`, [d.customerId]);
    await m.query(`DELETE FROM customer_tier WHERE customer_id = $1`, [d.customerId]);
    await m.query(`DELETE FROM customer_key_account WHERE customer_id = $1`, [d.customerId]);
  }

  /** Sends what the transaction's events gathered: per wave, one statement per kind of write, in the order of ORDER. */
  readonly settle = async (m: EntityManager): Promise<void> => {
    const pending = this.pending.get(m);
    if (!pending) return;
    this.pending.delete(m);
    await this.recordChange(m, pending);
    for (const wave of pending.waves) {
      for (const name of ORDER) {
        const rows = wave.get(name);
        if (!rows?.length) continue;
        const statement: Statement = STATEMENTS[name];
        const values = `unnest(${statement.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS v(${statement.columns.map(([column]) => column).join(', ')})`;
        const answered = await m.query(
          statement.sql(values),
          statement.columns.map((_, i) => rows.map((row) => row[i])),
        );
        if (statement.measures) this.measureFirstResponses(wave, this.rows(answered));
      }
    }
  };

  /**
   * Records the earliest instant whose figures these writes may change (fact_change, read by
   * CachingFigureEngine): the earliest time written, and the opening of every case touched (each
   * figure of a case lies at or after its opening; a case not yet opened here changes everything),
   * and for a customer's tier or key account the earliest case and survey of the customer.
   */
  private async recordChange(m: EntityManager, pending: PendingFacts): Promise<void> {
    let earliest = Infinity;
    const cases = new Set<string>();
    const customers = new Set<string>();
    for (const wave of pending.waves) {
      for (const [name, rows] of wave) {
        const columns: Columns = STATEMENTS[name].columns;
        columns.forEach(([column, type], i) => {
          for (const row of rows) {
            if (type === 'timestamptz' && row[i] != null) earliest = Math.min(earliest, new Date(row[i] as string).getTime());
            else if (column === 'case_id') cases.add(row[i] as string);
            else if ((name === 'customerTier' || name === 'customerKeyAccount') && column === 'customer_id') customers.add(row[i] as string);
          }
        });
      }
    }
    await m.query(
      `INSERT INTO fact_change (affected_from) SELECT COALESCE(LEAST($1::timestamptz,
         (SELECT min(COALESCE(opened_at, '-infinity')) FROM case_fact WHERE case_id = ANY($2::uuid[])),
         (SELECT min(COALESCE(opened_at, '-infinity')) FROM case_fact WHERE customer_id = ANY($3::uuid[])),
         (SELECT min(answered_at) FROM survey_answer WHERE customer_id = ANY($3::uuid[]))), '-infinity')`,
      [earliest === Infinity ? null : new Date(earliest).toISOString(), [...cases], [...customers]],
    );
  }

  private async write(m: EntityManager, keys: string[], writes: Write[]): Promise<void> {
    let pending = this.pending.get(m);
    if (!pending) this.pending.set(m, (pending = { waves: [], lastWave: new Map() }));
    const wave = Math.max(-1, ...keys.map((key) => pending.lastWave.get(key) ?? -1)) + 1;
    for (const key of keys) pending.lastWave.set(key, wave);
    const writesOfWave = (pending.waves[wave] ??= new Map());
    for (const [name, row] of writes) {
      const rows = writesOfWave.get(name);
      if (rows) rows.push(row);
      else writesOfWave.set(name, [row]);
    }
    if (!this.options.gathering) await this.settle(m);
  }

  /** First response in business hours, once both the arrival and the first reply are known (in either order): written later in the same wave. */
  private measureFirstResponses(wave: Map<StatementName, unknown[][]>, rows: { case_id: string; opened_at: Date | null; first_responded_at: Date | null }[]): void {
    for (const row of rows) {
      if (!row.opened_at || !row.first_responded_at) continue;
      const measured = [row.case_id, this.calendar.between(row.opened_at, row.first_responded_at) / 1000];
      const list = wave.get('firstResponseMeasured');
      if (list) list.push(measured);
      else wave.set('firstResponseMeasured', [measured]);
    }
  }

  /** The rows a RETURNING statement gave back (TypeORM's postgres driver answers [rows, count] for an upsert). */
  private rows<T>(result: unknown): T[] {
    return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
  }
}
