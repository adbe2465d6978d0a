import { type BusinessCalendar, localDateTime } from '@carebridge/business-calendar';
import type { FigureQuery } from '../figures/figure-engine';
import type { DimensionValue, SlaTargetValue } from '../figures/figures.enums';
import { type DistributionCounts, emptyCounts, type FigureCounts, type FigureRow, nearestRank } from '../figures/figures';
import type { Period } from '../figures/period-calendar';
import type { ActivityEvent } from './activity-generator';

interface CaseState {
  kind: 'INQUIRY' | 'COMPLAINT';
  openedAt?: number;
  channel?: string | null;
  category?: string | null;
  urgency?: string | null;
  rootCause?: string | null;
  team?: string | null;
  agent?: string | null;
  customer?: string | null;
  firstRespondedAt?: number;
  firstResponseSeconds?: number;
  withinTarget?: boolean;
  firstResponseBreached: boolean;
  firstFeedbackAt?: number;
  feedbackLate: boolean;
  dotAckBreached: boolean;
  dotResponseBreached: boolean;
  firstResolvedAt?: number;
  lastResolvedAt?: number;
  handlingSeconds?: number;
  reopens: number;
  escalatedAt?: number;
  spells: { opened: number; ended?: number }[];
  resolutions: number[];
}

const t = (iso: string) => Date.parse(iso);

/**
 * The figures recomputed by brute force from the raw events, in memory, with no SQL and no fact
 * tables: the reference that what analytics serves must equal (reconciliation), and the baseline
 * of the benchmark. Events are applied in the order they were delivered, like the streams do.
 */
export class RawEventFigures {
  private readonly cases = new Map<string, CaseState>();
  private readonly satisfaction: { caseId: string; at: number; score: number }[] = [];
  private readonly surveys = new Map<string, { customer: string | null; at: number; nps: number; ratings: number[] }>();
  private readonly compensation = new Map<string, { caseId: string; at: number; kind: string; currency: string | null; cents: bigint | null; quantity: number | null }>();
  private readonly tiers = new Map<string, { tier: string; at: number }>();
  private readonly keyAccounts = new Map<string, { keyAccount: string | null; at: number }>();
  private readonly reviews = new Map<string, { agent: string; caseId: string; at: number; hundredths: number; autoFailed: boolean }>();
  private readonly completions = new Map<string, { staff: string; at: number; recertification: boolean; quizHundredths: number | null }>();
  private readonly overdue = new Map<string, { staff: string; team: string | null; at: number; reason: string }>();

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly dotRule: boolean,
  ) {}

  static from(events: Iterable<ActivityEvent>, calendar: BusinessCalendar, dotRule = false): RawEventFigures {
    const figures = new RawEventFigures(calendar, dotRule);
    for (const event of events) figures.apply(event);
    return figures;
  }

  apply(event: ActivityEvent): void {
    const d = event.data;
    const c = (id: string, kind: CaseState['kind']) => {
      let found = this.cases.get(id);
      if (!found) this.cases.set(id, (found = { kind, firstResponseBreached: false, feedbackLate: false, dotAckBreached: false, dotResponseBreached: false, reopens: 0, spells: [], resolutions: [] }));
      return found;
    };
    const endSpells = (s: CaseState, at: number) => s.spells.forEach((spell) => spell.ended === undefined && spell.opened <= at && (spell.ended = at));
    switch (event.contract.type) {
      case 'inquiry.received': {
        const s = c(d.inquiryId, 'INQUIRY');
        Object.assign(s, { openedAt: t(d.receivedAt), channel: d.channel, category: d.category, customer: s.customer ?? d.customerId });
        break;
      }
      case 'inquiry.first_responded': {
        const s = c(d.inquiryId, 'INQUIRY');
        s.channel ??= d.channel;
        if (s.firstRespondedAt === undefined || t(d.respondedAt) < s.firstRespondedAt) {
          Object.assign(s, { firstRespondedAt: t(d.respondedAt), firstResponseSeconds: d.firstResponseSeconds, withinTarget: d.withinTarget, agent: d.respondedBy });
        }
        break;
      }
      case 'inquiry.sla_breached':
        if (d.target === 'FIRST_RESPONSE') c(d.inquiryId, 'INQUIRY').firstResponseBreached = true;
        break;
      case 'inquiry.closed': {
        const s = c(d.inquiryId, 'INQUIRY');
        const at = t(d.closedAt);
        s.channel ??= d.channel;
        s.category ??= d.category;
        s.firstResolvedAt = Math.min(s.firstResolvedAt ?? at, at);
        if (s.lastResolvedAt === undefined || at >= s.lastResolvedAt) s.handlingSeconds = d.handlingSeconds;
        s.lastResolvedAt = Math.max(s.lastResolvedAt ?? at, at);
        s.agent ??= d.closedBy;
        if (d.satisfactionScore != null) this.satisfaction.push({ caseId: d.inquiryId, at, score: d.satisfactionScore });
        break;
      }
      case 'inquiry.reopened':
        c(d.inquiryId, 'INQUIRY').reopens += 1;
        break;
      case 'inquiry.escalated': {
        const s = c(d.inquiryId, 'INQUIRY');
        s.channel ??= d.channel;
        s.escalatedAt = Math.min(s.escalatedAt ?? t(d.escalatedAt), t(d.escalatedAt));
        break;
      }
      case 'complaint.registered': {
        const s = c(d.complaintId, 'COMPLAINT');
        Object.assign(s, { openedAt: t(d.registeredAt), channel: d.channel, category: d.category, urgency: d.urgency, customer: d.customerId });
        s.spells.push({ opened: t(d.registeredAt) });
        break;
      }
      case 'complaint.assigned':
        Object.assign(c(d.complaintId, 'COMPLAINT'), { agent: d.assigneeId, team: d.department });
        break;
      case 'complaint.feedback_given': {
        const s = c(d.complaintId, 'COMPLAINT');
        s.firstFeedbackAt = Math.min(s.firstFeedbackAt ?? t(d.givenAt), t(d.givenAt));
        s.feedbackLate ||= !d.withinDeadline;
        break;
      }
      case 'complaint.sla_breached': {
        const s = c(d.complaintId, 'COMPLAINT');
        if (d.deadline === 'FEEDBACK') s.feedbackLate = true;
        if (d.deadline === 'DOT_ACKNOWLEDGMENT') s.dotAckBreached = true;
        if (d.deadline === 'DOT_RESPONSE') s.dotResponseBreached = true;
        break;
      }
      case 'complaint.resolved': {
        const s = c(d.complaintId, 'COMPLAINT');
        const at = t(d.resolvedAt);
        if (s.lastResolvedAt === undefined || at >= s.lastResolvedAt) s.rootCause = d.rootCause ?? s.rootCause ?? null;
        s.firstResolvedAt = Math.min(s.firstResolvedAt ?? at, at);
        s.lastResolvedAt = Math.max(s.lastResolvedAt ?? at, at);
        s.resolutions.push(at);
        endSpells(s, at);
        for (const item of d.compensation) {
          if (!this.compensation.has(item.itemId)) {
            this.compensation.set(item.itemId, { caseId: d.complaintId, at, kind: item.kind, currency: item.currency, cents: item.amount == null ? null : cents(item.amount), quantity: item.quantity });
          }
        }
        break;
      }
      case 'complaint.closed': {
        const s = c(d.complaintId, 'COMPLAINT');
        endSpells(s, t(d.closedAt));
        if (d.satisfactionScore != null) this.satisfaction.push({ caseId: d.complaintId, at: t(d.closedAt), score: d.satisfactionScore });
        break;
      }
      case 'complaint.reopened': {
        const s = c(d.complaintId, 'COMPLAINT');
        s.reopens += 1;
        s.spells.push({ opened: t(d.reopenedAt) });
        break;
      }
      case 'customer.created':
      case 'customer.updated': {
        const at = t(d.createdAt ?? d.updatedAt);
        const known = this.tiers.get(d.customerId);
        if (!known || known.at <= at) this.tiers.set(d.customerId, { tier: d.tier, at });
        break;
      }
      case 'customer.service_terms_changed': {
        const at = t(d.changedAt);
        const known = this.keyAccounts.get(d.customerId);
        if (!known || known.at <= at) this.keyAccounts.set(d.customerId, { keyAccount: d.keyAccountId, at });
        break;
      }
      case 'qa_review.completed':
        if (!this.reviews.has(d.reviewId)) this.reviews.set(d.reviewId, { agent: d.agentId, caseId: d.caseId, at: t(d.completedAt), hundredths: Math.round(d.score * 100), autoFailed: d.autoFailed });
        break;
      case 'course.completed':
        if (!this.completions.has(d.certificateId)) this.completions.set(d.certificateId, { staff: d.staffUserId, at: t(d.completedAt), recertification: d.recertification, quizHundredths: d.quizScore === null ? null : Math.round(d.quizScore * 100) });
        break;
      case 'training.overdue': {
        const key = `${d.courseId}|${d.staffUserId}|${t(d.dueAt)}`;
        if (!this.overdue.has(key)) this.overdue.set(key, { staff: d.staffUserId, team: d.team, at: t(d.detectedAt), reason: d.reason });
        break;
      }
      case 'followup_survey.answered':
        this.surveys.set(d.surveyId, { customer: d.customerId, at: t(d.answeredAt), nps: d.nps, ratings: d.ratings.map((r: { score: number }) => r.score) });
        break;
    }
  }

  figures(query: FigureQuery): FigureRow[] {
    const rows = new Map<string, { row: FigureRow; values: Record<string, number[]> }>();
    const caseDims = (s: CaseState): Record<DimensionValue, string | null> => ({
      CHANNEL: s.channel ?? null,
      CATEGORY: s.category ?? null,
      URGENCY: s.urgency ?? null,
      ROOT_CAUSE: s.rootCause ?? null,
      TEAM: s.team ?? null,
      AGENT: s.agent ?? null,
      CUSTOMER_TIER: (s.customer && this.tiers.get(s.customer)?.tier) || null,
      KEY_ACCOUNT: (s.customer && this.keyAccounts.get(s.customer)?.keyAccount) || null,
      OPENED_HOUR: s.openedAt === undefined ? null : localDateTime(new Date(s.openedAt), this.calendar.timeZone).slice(11, 13),
    });
    const keep = (dims: Record<DimensionValue, string | null>) => query.filters.every((f) => dims[f.dimension] === f.value);
    const target = (period: Period, dims: Record<DimensionValue, string | null>) => {
      const chosen = Object.fromEntries(query.breakdowns.map((b) => [b, dims[b]]));
      const key = `${period.from}|${JSON.stringify(query.breakdowns.map((b) => dims[b]))}`;
      let found = rows.get(key);
      if (!found) rows.set(key, (found = { row: { period: period.from, dimensions: chosen, counts: emptyCounts() }, values: {} }));
      return found;
    };
    const within = (p: Period, at: number | undefined) => at !== undefined && at >= p.start.getTime() && at < p.end.getTime();
    const add = (entry: { values: Record<string, number[]> }, name: string, value: number | undefined | null) => {
      if (value == null) return;
      (entry.values[name] ??= []).push(value);
    };

    for (const p of query.periods) {
      for (const [caseId, s] of this.cases) {
        const dims = caseDims(s);
        if (!keep(dims)) continue;
        if (within(p, s.openedAt)) {
          const entry = target(p, dims);
          const c = entry.row.counts;
          const inquiry = s.kind === 'INQUIRY';
          const opened = s.openedAt ?? 0;
          if (inquiry) c.inquiryVolume++;
          else c.complaintVolume++;
          if (inquiry) {
            add(entry, 'firstResponseSeconds', s.firstResponseSeconds);
            if (s.firstRespondedAt !== undefined) add(entry, 'firstResponseBusinessSeconds', this.calendar.between(new Date(opened), new Date(s.firstRespondedAt)) / 1000);
            if (s.lastResolvedAt !== undefined) add(entry, 'inquiryResolutionSeconds', (s.lastResolvedAt - opened) / 1000);
            add(entry, 'handlingSeconds', s.handlingSeconds);
          } else if (s.lastResolvedAt !== undefined) add(entry, 'complaintResolutionSeconds', (s.lastResolvedAt - opened) / 1000);
          for (const sla of c.sla) {
            const [achieved, breached] = this.sla(sla.target, s);
            if (achieved) sla.achieved++;
            if (breached) sla.breached++;
          }
          if (s.firstResolvedAt !== undefined) {
            c.casesEnded++;
            if (s.reopens > 0) c.casesReopened++;
            if (inquiry) {
              c.inquiriesClosed++;
              if (s.reopens === 0 && s.escalatedAt === undefined) c.oneTouchResolved++;
            }
          }
          if (inquiry && s.escalatedAt !== undefined) c.inquiriesEscalated++;
        }
        if (s.resolutions.some((at) => within(p, at))) {
          const c = target(p, dims).row.counts;
          c.complaintsResolved++;
          const root = c.rootCauses.find((r) => r.rootCause === (s.rootCause ?? null));
          if (root) root.complaints++;
          else c.rootCauses.push({ rootCause: s.rootCause ?? null, complaints: 1 });
        }
        if (s.spells.some((spell) => spell.opened < p.end.getTime() && (spell.ended === undefined || spell.ended >= p.start.getTime()))) {
          target(p, dims).row.counts.complaintsDue++;
        }
        void caseId;
      }
      for (const answer of this.satisfaction) {
        const s = this.cases.get(answer.caseId);
        if (!s) continue;
        const dims = caseDims(s);
        if (!within(p, answer.at) || !keep(dims)) continue;
        const c = target(p, dims).row.counts;
        c.satisfactionAnswers++;
        if (answer.score >= 4) c.satisfied++;
        c.satisfactionScoreSum += answer.score;
      }
      for (const survey of this.surveys.values()) {
        const tier = (survey.customer && this.tiers.get(survey.customer)?.tier) || null;
        const keyAccount = (survey.customer && this.keyAccounts.get(survey.customer)?.keyAccount) || null;
        const dims = { CHANNEL: null, CATEGORY: null, URGENCY: null, ROOT_CAUSE: null, TEAM: null, AGENT: null, CUSTOMER_TIER: tier, KEY_ACCOUNT: keyAccount, OPENED_HOUR: null };
        if (!within(p, survey.at) || !keep(dims)) continue;
        const c = target(p, dims).row.counts;
        c.surveyAnswers++;
        if (survey.nps >= 9) c.promoters++;
        if (survey.nps <= 6) c.detractors++;
        c.tripRatings += survey.ratings.length;
        c.tripRatingsSatisfied += survey.ratings.filter((score) => score >= 4).length;
        c.tripRatingSum += survey.ratings.reduce((sum, score) => sum + score, 0);
      }
      for (const review of this.reviews.values()) {
        const known = this.cases.get(review.caseId);
        const dims = { ...(known ? caseDims(known) : { CHANNEL: null, CATEGORY: null, URGENCY: null, ROOT_CAUSE: null, TEAM: null, CUSTOMER_TIER: null, KEY_ACCOUNT: null, OPENED_HOUR: null }), AGENT: review.agent };
        if (!within(p, review.at) || !keep(dims)) continue;
        const c = target(p, dims).row.counts;
        c.qaReviews++;
        c.qaScoreHundredthsSum += review.hundredths;
        if (review.autoFailed) c.qaAutoFailed++;
      }
      const staffDims = (staff: string, team: string | null) => ({ CHANNEL: null, CATEGORY: null, URGENCY: null, ROOT_CAUSE: null, TEAM: team, AGENT: staff, CUSTOMER_TIER: null, KEY_ACCOUNT: null, OPENED_HOUR: null });
      for (const completion of this.completions.values()) {
        const dims = staffDims(completion.staff, null);
        if (!within(p, completion.at) || !keep(dims)) continue;
        const c = target(p, dims).row.counts;
        c.trainingCompletions++;
        if (completion.recertification) c.trainingRecertifications++;
        if (completion.quizHundredths !== null) {
          c.trainingQuizScores++;
          c.trainingQuizScoreHundredthsSum += completion.quizHundredths;
        }
      }
      for (const late of this.overdue.values()) {
        const dims = staffDims(late.staff, late.team);
        if (!within(p, late.at) || !keep(dims)) continue;
        const c = target(p, dims).row.counts;
        if (late.reason === 'NEVER_COMPLETED') c.trainingOverdueNeverCompleted++;
        else c.trainingOverdueCertificateExpired++;
      }
      const totals = new Map<string, { entry: FigureCounts; kind: string; currency: string | null; items: number; cents: bigint | null; quantity: number | null }>();
      for (const item of this.compensation.values()) {
        const s = this.cases.get(item.caseId);
        if (!s) continue;
        const dims = caseDims(s);
        if (!within(p, item.at) || !keep(dims)) continue;
        const entry = target(p, dims);
        const key = `${entry.row.period}|${JSON.stringify(entry.row.dimensions)}|${item.kind}|${item.currency}`;
        let total = totals.get(key);
        if (!total) totals.set(key, (total = { entry: entry.row.counts, kind: item.kind, currency: item.currency, items: 0, cents: null, quantity: null }));
        total.items++;
        if (item.cents !== null) total.cents = (total.cents ?? 0n) + item.cents;
        if (item.quantity !== null) total.quantity = (total.quantity ?? 0) + item.quantity;
      }
      for (const total of totals.values()) {
        total.entry.compensation.push({ kind: total.kind, currency: total.currency, items: total.items, amount: total.cents === null ? null : decimal(total.cents), quantity: total.quantity });
      }
    }
    return [...rows.values()].map(({ row, values }) => {
      for (const name of ['firstResponseSeconds', 'firstResponseBusinessSeconds', 'inquiryResolutionSeconds', 'complaintResolutionSeconds', 'handlingSeconds'] as const) {
        row.counts[name] = distribution(values[name] ?? []);
      }
      return row;
    });
  }

  private sla(target: SlaTargetValue, s: CaseState): [boolean, boolean] {
    const inquiry = s.kind === 'INQUIRY';
    const opened = s.openedAt ?? 0;
    switch (target) {
      case 'THREE_RINGS':
      case 'FIVE_MINUTES': {
        if (!inquiry || (target === 'THREE_RINGS') !== (s.channel === 'PHONE')) return [false, false];
        return [s.withinTarget === true && !s.firstResponseBreached, s.firstResponseBreached || s.withinTarget === false];
      }
      case 'COMPLAINT_FEEDBACK_24H':
        return inquiry ? [false, false] : [s.firstFeedbackAt !== undefined && !s.feedbackLate, s.feedbackLate];
      case 'DOT_ACKNOWLEDGMENT_30D':
        return inquiry ? [false, false] : [this.dotRule && s.firstFeedbackAt !== undefined && s.firstFeedbackAt <= opened + 30 * 86_400_000 && !s.dotAckBreached, s.dotAckBreached];
      case 'DOT_RESPONSE_60D':
        return inquiry ? [false, false] : [this.dotRule && s.firstResolvedAt !== undefined && s.firstResolvedAt <= opened + 60 * 86_400_000 && !s.dotResponseBreached, s.dotResponseBreached];
    }
  }
}

function distribution(values: number[]): DistributionCounts {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, sumMs: sorted.reduce((sum, v) => sum + Math.round(v * 1000), 0), p50: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

function decimal(total: bigint): string {
  const negative = total < 0n;
  const abs = negative ? -total : total;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
