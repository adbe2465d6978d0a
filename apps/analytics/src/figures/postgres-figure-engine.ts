import type { DataSource } from 'typeorm';
import type { CaseQuery, DimensionFilter, FigureEngine, FigureQuery, ProcedureFeedbackCount } from './figure-engine';
import type { Period } from './period-calendar';
import type { DimensionValue, SlaTargetValue } from './figures.enums';
import { type CaseReference, type DistributionCounts, emptyCounts, type FigureCounts, type FigureRow } from './figures';

/**
 * The column of a case that each dimension reads (`t` is crm's current tier of the case's customer;
 * `$zone` the company's time zone, for the local hour of the opening).
 */
const CASE_DIMENSION: Record<DimensionValue, string> = {
  CHANNEL: 'f.channel',
  CATEGORY: 'f.category',
  URGENCY: 'f.urgency',
  ROOT_CAUSE: 'f.root_cause',
  TEAM: 'f.team',
  AGENT: 'f.agent_id',
  CUSTOMER_TIER: 't.tier',
  KEY_ACCOUNT: 'k.key_account_id::text',
  OPENED_HOUR: `to_char(f.opened_at AT TIME ZONE $zone, 'HH24')`,
};
/** A QA review counts for the reviewed agent, and for the dimensions of its case when analytics knows the case. */
const QA_DIMENSION: Record<DimensionValue, string> = { ...CASE_DIMENSION, AGENT: 'q.agent_id' };
/** A course completion or overdue course is the staff member's (AGENT); an overdue one carries its TEAM; nothing else. */
const TRAINING_DIMENSION: Record<DimensionValue, string> = { ...mapAll(() => 'NULL::text'), AGENT: 'x.staff_user_id' };
const OVERDUE_DIMENSION: Record<DimensionValue, string> = { ...TRAINING_DIMENSION, TEAM: 'x.team' };
/** Survey answers carry only the customer: every other dimension is null for them. (`t`, `k`: the customer's tier and key account; a join nothing reads is left out by the planner.) */
const SURVEY_DIMENSION: Record<DimensionValue, string> = { ...mapAll(() => 'NULL::text'), CUSTOMER_TIER: 't.tier', KEY_ACCOUNT: 'k.key_account_id::text' };

function mapAll(value: () => string): Record<DimensionValue, string> {
  return { CHANNEL: value(), CATEGORY: value(), URGENCY: value(), ROOT_CAUSE: value(), TEAM: value(), AGENT: value(), CUSTOMER_TIER: value(), KEY_ACCOUNT: value(), OPENED_HOUR: value() };
}

/** The SLA rings as conditions on a case's facts ($dot: whether the US DOT rule applies). */
const SLA_CONDITIONS: Record<SlaTargetValue, { achieved: string; breached: string }> = {
  THREE_RINGS: {
    achieved: `f.kind = 'INQUIRY' AND f.channel = 'PHONE' AND f.first_response_within_target AND NOT f.first_response_breached`,
    breached: `f.kind = 'INQUIRY' AND f.channel = 'PHONE' AND (f.first_response_breached OR f.first_response_within_target = false)`,
  },
  FIVE_MINUTES: {
    achieved: `f.kind = 'INQUIRY' AND f.channel <> 'PHONE' AND f.first_response_within_target AND NOT f.first_response_breached`,
    breached: `f.kind = 'INQUIRY' AND f.channel <> 'PHONE' AND (f.first_response_breached OR f.first_response_within_target = false)`,
  },
  COMPLAINT_FEEDBACK_24H: {
    achieved: `f.kind = 'COMPLAINT' AND f.first_feedback_at IS NOT NULL AND NOT f.feedback_late`,
    breached: `f.kind = 'COMPLAINT' AND f.feedback_late`,
  },
  DOT_ACKNOWLEDGMENT_30D: {
    achieved: `f.kind = 'COMPLAINT' AND $dot AND f.first_feedback_at <= f.opened_at + interval '30 days' AND NOT f.dot_acknowledgment_breached`,
    breached: `f.kind = 'COMPLAINT' AND f.dot_acknowledgment_breached`,
  },
  DOT_RESPONSE_60D: {
    achieved: `f.kind = 'COMPLAINT' AND $dot AND f.first_resolved_at <= f.opened_at + interval '60 days' AND NOT f.dot_response_breached`,
    breached: `f.kind = 'COMPLAINT' AND f.dot_response_breached`,
  },
};

const DISTRIBUTIONS = {
  first_response: { value: 'f.first_response_seconds', where: `f.kind = 'INQUIRY'` },
  first_response_business: { value: 'f.first_response_business_seconds', where: `f.kind = 'INQUIRY'` },
  inquiry_resolution: { value: 'extract(epoch FROM f.last_resolved_at - f.opened_at)::double precision', where: `f.kind = 'INQUIRY'` },
  complaint_resolution: { value: 'extract(epoch FROM f.last_resolved_at - f.opened_at)::double precision', where: `f.kind = 'COMPLAINT'` },
  handling: { value: 'f.handling_seconds', where: `f.kind = 'INQUIRY'` },
} as const;

const ENDED = `f.first_resolved_at IS NOT NULL`;
const INQUIRY_CLOSED = `f.kind = 'INQUIRY' AND f.first_resolved_at IS NOT NULL`;
const ONE_TOUCH = `${INQUIRY_CLOSED} AND f.reopen_count = 0 AND f.escalated_at IS NULL`;

/**
 * Figures computed by SQL over the fact tables: one statement per kind of fact (cases by their
 * opening, in two, resolutions, open spells, closing satisfaction, surveys, compensation, QA reviews,
 * course completions, overdue courses), run side by side, each grouped by period and breakdown.
 */
export class PostgresFigureEngine implements FigureEngine {
  /** The time zone as an SQL literal (an IANA name, validated by the settings; quotes doubled all the same). */
  private readonly zone: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dotRule: boolean,
    timeZone = 'UTC',
  ) {
    this.zone = `'${timeZone.replace(/'/g, "''")}'`;
  }

  /** Every statement goes through here: the DOT rule and the time zone are written in as literals. */
  private query(sql: string, params: unknown[]): Promise<Record<string, any>[]> {
    return this.dataSource.query(sql.replace(/\$dot/g, String(this.dotRule)).replace(/\$zone/g, () => this.zone), params);
  }

  async figures(query: FigureQuery): Promise<FigureRow[]> {
    const rows = new Map<string, FigureRow>();
    const params = [query.periods.map((p) => p.from), query.periods.map((p) => p.start.toISOString()), query.periods.map((p) => p.end.toISOString())];
    const periods = `unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS b(label, start_at, end_at)`;
    const grouped = Boolean(query.withTotal && query.breakdowns.length);
    const row = (record: Record<string, unknown>): FigureCounts => {
      const total = grouped && Number(record.total_row) > 0;
      const dimensions = total ? {} : Object.fromEntries(query.breakdowns.map((d, i) => [d, (record[`d${i}`] as string | null) ?? null]));
      const key = `${record.label}|${total ? 'total' : JSON.stringify(query.breakdowns.map((d) => dimensions[d as DimensionValue]))}`;
      let found = rows.get(key);
      if (!found) rows.set(key, (found = { period: record.label as string, ...(total ? { total: true as const } : {}), dimensions, counts: emptyCounts() }));
      return found.counts;
    };
    const select = (dimensions: Record<DimensionValue, string>) =>
      query.breakdowns.map((d, i) => `, ${dimensions[d]} AS d${i}`).join('') +
      (grouped ? `, GROUPING(${query.breakdowns.map((d) => dimensions[d]).join(', ')}) AS total_row` : '');
    // With the total asked for, one pass groups by period alone and by period and breakdown (GROUPING SETS).
    const groupBy = (dimensions: Record<DimensionValue, string>, extra: string[] = []) => {
      const breakdown = ['b.label', ...query.breakdowns.map((d) => dimensions[d]), ...extra].join(', ');
      return grouped ? `GROUPING SETS ((${['b.label', ...extra].join(', ')}), (${breakdown}))` : breakdown;
    };
    const filterParams: unknown[] = [];
    const where = (dimensions: Record<DimensionValue, string>) => filterSql(query.filters, dimensions, params.length, filterParams);
    const caseDims = select(CASE_DIMENSION);
    const run = (sql: string) => this.query(sql, [...params, ...filterParams]);

    const distributions = Object.entries(DISTRIBUTIONS)
      .map(
        ([name, d]) => `,
          count(${d.value}) FILTER (WHERE ${d.where}) AS ${name}_count, sum(((${d.value}) * 1000)::bigint) FILTER (WHERE ${d.where}) AS ${name}_sum,
          percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${d.value}) FILTER (WHERE ${d.where}) AS ${name}_percentiles`,
      )
      .join('');
    const sla = Object.entries(SLA_CONDITIONS)
      .map(([target, c]) => `, count(*) FILTER (WHERE ${c.achieved}) AS "${target}_achieved", count(*) FILTER (WHERE ${c.breached}) AS "${target}_breached"`)
      .join('');
    const caseJoin = `JOIN case_fact f ON f.case_id = x.case_id LEFT JOIN customer_tier t ON t.customer_id = f.customer_id LEFT JOIN customer_key_account k ON k.customer_id = f.customer_id`;

    const openedWhere = where(CASE_DIMENSION);
    const qaParams: unknown[] = [];
    const qaWhere = filterSql(query.filters, QA_DIMENSION, params.length, qaParams);
    const openedCases = `FROM ${periods} JOIN case_fact f ON f.opened_at >= b.start_at AND f.opened_at < b.end_at
           LEFT JOIN customer_tier t ON t.customer_id = f.customer_id LEFT JOIN customer_key_account k ON k.customer_id = f.customer_id
           WHERE true ${openedWhere} GROUP BY ${groupBy(CASE_DIMENSION)}`;
    // The durations' sorts run beside the counts of the same cases, so two cores share the heaviest statement.
    const staffQuery = (dimensions: Record<DimensionValue, string>, sql: (dims: string, where: string, group: string) => string) => {
      const staffParams: unknown[] = [];
      const staffWhere = filterSql(query.filters, dimensions, params.length, staffParams);
      return this.query(sql(select(dimensions), staffWhere, groupBy(dimensions)), [...params, ...staffParams]);
    };
    const [opened, durations, resolved, due, satisfaction, surveys, compensation, reviews, completions, overdue] = await Promise.all([
      run(`SELECT b.label${caseDims},
             count(*) FILTER (WHERE f.kind = 'INQUIRY') AS inquiry_volume, count(*) FILTER (WHERE f.kind = 'COMPLAINT') AS complaint_volume
             ${sla},
             count(*) FILTER (WHERE ${ENDED}) AS ended, count(*) FILTER (WHERE ${ENDED} AND f.reopen_count > 0) AS reopened,
             count(*) FILTER (WHERE ${INQUIRY_CLOSED}) AS inquiries_closed, count(*) FILTER (WHERE ${ONE_TOUCH}) AS one_touch,
             count(*) FILTER (WHERE f.kind = 'INQUIRY' AND f.escalated_at IS NOT NULL) AS escalated
           ${openedCases}`),
      run(`SELECT b.label${caseDims}${distributions} ${openedCases}`),
      run(`SELECT b.label${caseDims}, f.root_cause AS root_cause, count(DISTINCT x.case_id) AS resolved
           FROM ${periods} JOIN resolution x ON x.resolved_at >= b.start_at AND x.resolved_at < b.end_at ${caseJoin}
           WHERE true ${openedWhere} GROUP BY ${groupBy(CASE_DIMENSION, ['f.root_cause'])}`),
      run(`SELECT b.label${caseDims}, count(DISTINCT x.case_id) AS due
           FROM ${periods} JOIN open_spell x ON tstzrange(x.opened_at, x.ended_at, '[]') && tstzrange(b.start_at, b.end_at, '[)') ${caseJoin}
           WHERE true ${openedWhere} GROUP BY ${groupBy(CASE_DIMENSION)}`),
      run(`SELECT b.label${caseDims}, count(*) AS answered, count(*) FILTER (WHERE x.score >= 4) AS satisfied, sum(x.score) AS score_sum
           FROM ${periods} JOIN satisfaction_answer x ON x.answered_at >= b.start_at AND x.answered_at < b.end_at ${caseJoin}
           WHERE true ${openedWhere} GROUP BY ${groupBy(CASE_DIMENSION)}`),
      (() => {
        const surveyParams: unknown[] = [];
        const surveyWhere = filterSql(query.filters, SURVEY_DIMENSION, params.length, surveyParams);
        return this.query(
          `SELECT b.label${select(SURVEY_DIMENSION)}, count(*) AS answered, count(*) FILTER (WHERE s.nps >= 9) AS promoters, count(*) FILTER (WHERE s.nps <= 6) AS detractors,
             sum(s.ratings) AS ratings, sum(s.ratings_satisfied) AS ratings_satisfied, sum(s.rating_sum) AS rating_sum
           FROM ${periods} JOIN survey_answer s ON s.answered_at >= b.start_at AND s.answered_at < b.end_at
           LEFT JOIN customer_tier t ON t.customer_id = s.customer_id LEFT JOIN customer_key_account k ON k.customer_id = s.customer_id
           WHERE true ${surveyWhere} GROUP BY ${groupBy(SURVEY_DIMENSION)}`,
          [...params, ...surveyParams],
        );
      })(),
      run(`SELECT b.label${caseDims}, x.kind AS compensation_kind, x.currency, count(*) AS items, sum(x.amount)::text AS amount, sum(x.quantity)::text AS quantity
           FROM ${periods} JOIN compensation_grant x ON x.granted_at >= b.start_at AND x.granted_at < b.end_at ${caseJoin}
           WHERE true ${openedWhere} GROUP BY ${groupBy(CASE_DIMENSION, ['x.kind', 'x.currency'])}`),
      this.query(
        `SELECT b.label${select(QA_DIMENSION)}, count(*) AS reviews, sum(q.score_hundredths) AS score_sum, count(*) FILTER (WHERE q.auto_failed) AS auto_failed
         FROM ${periods} JOIN qa_review q ON q.completed_at >= b.start_at AND q.completed_at < b.end_at
         LEFT JOIN case_fact f ON f.case_id = q.case_id LEFT JOIN customer_tier t ON t.customer_id = f.customer_id LEFT JOIN customer_key_account k ON k.customer_id = f.customer_id
         WHERE true ${qaWhere} GROUP BY ${groupBy(QA_DIMENSION)}`,
        [...params, ...qaParams],
      ),
      staffQuery(
        TRAINING_DIMENSION,
        (dims, where, group) => `SELECT b.label${dims}, count(*) AS completions, count(*) FILTER (WHERE x.recertification) AS recertifications,
           count(x.quiz_score_hundredths) AS quizzes, sum(x.quiz_score_hundredths) AS quiz_sum
         FROM ${periods} JOIN course_completion x ON x.completed_at >= b.start_at AND x.completed_at < b.end_at
         WHERE true ${where} GROUP BY ${group}`,
      ),
      staffQuery(
        OVERDUE_DIMENSION,
        (dims, where, group) => `SELECT b.label${dims}, count(*) FILTER (WHERE x.reason = 'NEVER_COMPLETED') AS never_completed, count(*) FILTER (WHERE x.reason = 'CERTIFICATE_EXPIRED') AS expired
         FROM ${periods} JOIN training_overdue x ON x.detected_at >= b.start_at AND x.detected_at < b.end_at
         WHERE true ${where} GROUP BY ${group}`,
      ),
    ]);

    for (const r of opened) {
      const c = row(r);
      c.inquiryVolume = +r.inquiry_volume;
      c.complaintVolume = +r.complaint_volume;
      c.sla = c.sla.map((s) => ({ target: s.target, achieved: +r[`${s.target}_achieved`], breached: +r[`${s.target}_breached`] }));
      c.casesEnded = +r.ended;
      c.casesReopened = +r.reopened;
      c.inquiriesClosed = +r.inquiries_closed;
      c.oneTouchResolved = +r.one_touch;
      c.inquiriesEscalated = +r.escalated;
    }
    for (const r of durations) {
      const c = row(r);
      c.firstResponseSeconds = distribution(r, 'first_response');
      c.firstResponseBusinessSeconds = distribution(r, 'first_response_business');
      c.inquiryResolutionSeconds = distribution(r, 'inquiry_resolution');
      c.complaintResolutionSeconds = distribution(r, 'complaint_resolution');
      c.handlingSeconds = distribution(r, 'handling');
    }
    for (const r of resolved) {
      const c = row(r);
      c.complaintsResolved += +r.resolved;
      c.rootCauses.push({ rootCause: r.root_cause ?? null, complaints: +r.resolved });
    }
    for (const r of due) row(r).complaintsDue = +r.due;
    for (const r of satisfaction) {
      const c = row(r);
      c.satisfactionAnswers = +r.answered;
      c.satisfied = +r.satisfied;
      c.satisfactionScoreSum = +r.score_sum;
    }
    for (const r of surveys) {
      const c = row(r);
      c.surveyAnswers = +r.answered;
      c.promoters = +r.promoters;
      c.detractors = +r.detractors;
      c.tripRatings = +r.ratings;
      c.tripRatingsSatisfied = +r.ratings_satisfied;
      c.tripRatingSum = +r.rating_sum;
    }
    for (const r of reviews) {
      const c = row(r);
      c.qaReviews = +r.reviews;
      c.qaScoreHundredthsSum = +r.score_sum;
      c.qaAutoFailed = +r.auto_failed;
    }
    for (const r of completions) {
      const c = row(r);
      c.trainingCompletions = +r.completions;
      c.trainingRecertifications = +r.recertifications;
      c.trainingQuizScores = +r.quizzes;
      c.trainingQuizScoreHundredthsSum = r.quiz_sum == null ? 0 : +r.quiz_sum;
    }
    for (const r of overdue) {
      const c = row(r);
      c.trainingOverdueNeverCompleted = +r.never_completed;
      c.trainingOverdueCertificateExpired = +r.expired;
    }
    for (const r of compensation) {
      row(r).compensation.push({
        kind: r.compensation_kind,
        currency: r.currency ?? null,
        items: +r.items,
        amount: r.amount ?? null,
        quantity: r.quantity == null ? null : Number(r.quantity),
      });
    }
    return [...rows.values()];
  }

  async procedureFeedback(period: Period): Promise<ProcedureFeedbackCount[]> {
    const rows = await this.query(
      `SELECT article_id, count(*)::int AS ratings, sum(rating)::int AS rating_sum, count(*) FILTER (WHERE rating <= 2)::int AS low, count(*) FILTER (WHERE commented)::int AS commented
       FROM procedure_feedback WHERE given_at >= $1 AND given_at < $2 GROUP BY article_id ORDER BY ratings DESC, article_id`,
      [period.start.toISOString(), period.end.toISOString()],
    );
    return rows.map((r) => ({ articleId: r.article_id, ratings: r.ratings, ratingSum: r.rating_sum, lowRatings: r.low, commented: r.commented }));
  }

  async cases(query: CaseQuery): Promise<{ total: number; cases: CaseReference[] }> {
    const params: unknown[] = [query.period.start.toISOString(), query.period.end.toISOString()];
    const inPeriod = (column: string) => `${column} >= $1 AND ${column} < $2`;
    const sla = query.sla ? SLA_CONDITIONS[query.sla] : undefined;
    const source: Record<CaseQuery['metric'], { where: string }> = {
      INQUIRIES_RECEIVED: { where: `f.kind = 'INQUIRY' AND ${inPeriod('f.opened_at')}` },
      COMPLAINTS_REGISTERED: { where: `f.kind = 'COMPLAINT' AND ${inPeriod('f.opened_at')}` },
      COMPLAINTS_RESOLVED: { where: `EXISTS (SELECT 1 FROM resolution x WHERE x.case_id = f.case_id AND ${inPeriod('x.resolved_at')})` },
      COMPLAINTS_DUE: { where: `EXISTS (SELECT 1 FROM open_spell x WHERE x.case_id = f.case_id AND x.opened_at < $2 AND (x.ended_at IS NULL OR x.ended_at >= $1))` },
      SLA_ACHIEVED: { where: `${inPeriod('f.opened_at')} AND ${sla?.achieved ?? 'false'}` },
      SLA_BREACHED: { where: `${inPeriod('f.opened_at')} AND ${sla?.breached ?? 'false'}` },
      REOPENED: { where: `${inPeriod('f.opened_at')} AND ${ENDED} AND f.reopen_count > 0` },
      ONE_TOUCH_RESOLVED: { where: `${inPeriod('f.opened_at')} AND ${ONE_TOUCH}` },
      ESCALATED: { where: `${inPeriod('f.opened_at')} AND f.kind = 'INQUIRY' AND f.escalated_at IS NOT NULL` },
      DISSATISFIED: { where: `EXISTS (SELECT 1 FROM satisfaction_answer x WHERE x.case_id = f.case_id AND x.score <= 3 AND ${inPeriod('x.answered_at')})` },
      COMPENSATED: { where: `EXISTS (SELECT 1 FROM compensation_grant x WHERE x.case_id = f.case_id AND ${inPeriod('x.granted_at')})` },
    };
    const filterParams: unknown[] = [];
    const filters = filterSql(query.filters, CASE_DIMENSION, params.length, filterParams);
    const rows = (await this.query(
      `SELECT f.kind, f.case_id, f.reference, f.opened_at, count(*) OVER () AS total
       FROM case_fact f LEFT JOIN customer_tier t ON t.customer_id = f.customer_id LEFT JOIN customer_key_account k ON k.customer_id = f.customer_id
       WHERE ${source[query.metric].where} ${filters}
       ORDER BY f.opened_at NULLS LAST, f.case_id LIMIT ${query.limit} OFFSET ${query.offset}`,
      [...params, ...filterParams],
    )) as { kind: CaseReference['kind']; case_id: string; reference: string | null; opened_at: Date | null; total: string }[];
    return {
      total: rows.length ? +rows[0].total : 0,
      cases: rows.map((r) => ({ kind: r.kind, caseId: r.case_id, reference: r.reference, openedAt: r.opened_at })),
    };
  }
}

function distribution(r: Record<string, any>, name: string): DistributionCounts {
  const count = +r[`${name}_count`];
  const [p50, p90] = (r[`${name}_percentiles`] as (number | string | null)[] | null) ?? [null, null];
  return { count, sumMs: count ? Number(r[`${name}_sum`]) : 0, p50: p50 == null ? null : Number(p50), p90: p90 == null ? null : Number(p90) };
}

/** ` AND column = $n` per filter (IS NULL for a null value), its values appended to `params` after `offset` others. */
function filterSql(filters: DimensionFilter[], dimensions: Record<DimensionValue, string>, offset: number, params: unknown[]): string {
  return filters
    .map((filter) => {
      if (filter.value === null) return ` AND ${dimensions[filter.dimension]} IS NULL`;
      params.push(filter.value);
      return ` AND ${dimensions[filter.dimension]} = $${offset + params.length}`;
    })
    .join('');
}
