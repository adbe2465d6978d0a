import {
  COMPLAINT_CATEGORIES,
  type EventContract,
  complaintAssigned,
  complaintClosed,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  complaintSlaBreached,
  customerCreated,
  customerServiceTermsChanged,
  customerUpdated,
  followUpSurveyAnswered,
  inquiryClosed,
  inquiryEscalated,
  inquiryFirstResponded,
  inquiryReceived,
  inquiryReopened,
  inquirySlaBreached,
  qaReviewCompleted,
  courseCompleted,
  procedureFeedbackGiven,
  trainingOverdue,
} from '@carebridge/event-contracts';

/** One generated event: what the streams would carry, and when it happened. */
export interface ActivityEvent {
  contract: EventContract;
  data: any;
  id: string;
  at: Date;
}

export interface ActivityOptions {
  /** First day of the activity (UTC date, YYYY-MM-DD). */
  from: string;
  days: number;
  /** Inquiries on an ordinary weekday of an ordinary month; everything else scales with it. */
  inquiriesPerDay: number;
  seed?: number;
  /** Share of cases whose events all reach analytics late (1 to 72 hours), in their own order. */
  lateShare?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Peaks at the Spring Festival (Jan-Feb), May Day, the summer holidays and Golden Week (October). */
const MONTH_FACTOR = [1.3, 1.4, 0.9, 0.9, 1.1, 0.95, 1.3, 1.4, 1.0, 1.35, 0.85, 1.0];
/** Sunday first, as Date.getUTCDay counts. */
const WEEKDAY_FACTOR = [0.7, 1.15, 1.05, 1.0, 1.0, 1.1, 0.8];
const CHANNELS = [
  ['PHONE', 0.45],
  ['CHAT', 0.25],
  ['EMAIL', 0.2],
  ['WEB_FORM', 0.1],
] as const;
const INQUIRY_CATEGORIES = ['BOOKING', 'CHANGE', 'BAGGAGE', 'VISA', 'REFUND', 'GENERAL'];
const ROOT_CAUSES = ['WEATHER', 'CREW_SHORTAGE', 'SYSTEM_OUTAGE', 'BAGGAGE_HANDLING', 'OVERBOOKING', 'SUPPLIER', 'STAFF_CONDUCT', 'POLICY'];
const DEPARTMENTS = ['CUSTOMER_RELATIONS', 'BAGGAGE_SERVICES', 'REFUNDS', 'GROUND_OPERATIONS'];
const TIERS = ['STANDARD', 'SILVER', 'GOLD', 'VIP'] as const;
const SCORECARD_ID = '5c0e0a3e-2f4b-4c1d-9a7e-3b6d8f1a2c4e';
/** training's mandatory courses (ids only). */
const COURSES = ['7d1f3a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', '8e2a4b3c-5d6e-4f70-9b8c-1d2e3f4a5b6c', '9f3b5c4d-6e7f-4a81-8c9d-2e3f4a5b6c7d'];
/** training's procedure articles (ids only), each with the mean of agents' 1-5 ratings: the last one works badly. */
const PROCEDURES = [
  ['a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01', 4.3],
  ['a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a02', 3.8],
  ['a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03', 3.4],
  ['a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a04', 1.9],
] as const;
/** Corporate key accounts (ids only) some customers travel under. */
const KEY_ACCOUNTS = ['b2c3d4e5-0001-4f60-8a9b-1c2d3e4f5a01', 'b2c3d4e5-0002-4f60-8a9b-1c2d3e4f5a02', 'b2c3d4e5-0003-4f60-8a9b-1c2d3e4f5a03'];
/** Chat is short-staffed in the evening (local 18:00-22:00): first answers take this much longer then. */
const EVENING_CHAT_SLOWNESS = 2.5;

/** A seeded generator (mulberry32): the same seed gives the same year, which reconciliation and benchmarks need. */
class Dice {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }
  weighted<T>(values: readonly (readonly [T, number])[]): T {
    let r = this.next() * values.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of values) if ((r -= w) < 0) return value;
    return values[values.length - 1][0];
  }
  /** Exponentially distributed, with this mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(this.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Events waiting for their delivery time, earliest first (a binary heap: no dependency does this small job). */
class DeliveryQueue {
  private readonly heap: { due: number; seq: number; event: ActivityEvent }[] = [];
  private seq = 0;
  get size(): number {
    return this.heap.length;
  }
  push(due: number, event: ActivityEvent): void {
    const heap = this.heap;
    heap.push({ due, seq: this.seq++, event });
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }
  peekDue(): number {
    return this.heap[0].due;
  }
  pop(): ActivityEvent {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (last && heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(l, m)) m = l;
        if (r < heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top.event;
  }
  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.due < y.due || (x.due === y.due && x.seq < y.seq);
  }
}

/**
 * A realistic stretch of a customer-service department's activity as the streams carry it:
 * inquiries on four channels with first responses, breaches, closings with satisfaction,
 * reopenings and escalations; complaints assigned, answered, resolved with compensation, closed,
 * reopened; tier changes from crm; post-trip surveys; QA reviews, course completions and overdue courses from training. Volume follows the season, the weekday
 * and a few incident days (a storm: many delay complaints, slow answers). Yields the events in
 * the order they reach analytics: each case's own events in order, some cases late.
 */
export function* generateActivity(options: ActivityOptions): Generator<ActivityEvent> {
  const dice = new Dice(options.seed ?? 20261201);
  // Procedure feedback and key accounts draw from dice of their own, so that adding them left every other event as it was.
  const feedbackDice = new Dice((options.seed ?? 20261201) + 1);
  const lateShare = options.lateShare ?? 0.03;
  const queue = new DeliveryQueue();
  const start = Date.parse(`${options.from}T00:00:00.000Z`);
  const agents = Array.from({ length: 40 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`);
  const handlers = Array.from({ length: 12 }, (_, i) => ({ id: `handler-${String(i + 1).padStart(2, '0')}`, department: DEPARTMENTS[i % DEPARTMENTS.length] }));
  const customers = Array.from({ length: Math.max(20, options.inquiriesPerDay * 20) }, () => dice.uuid());
  // A tenth of the customers travel under a key account from the start; now and then one joins or leaves (crm's service terms).
  const keyAccountOf = (customerId: string, at: number, keyAccountId: string | null) =>
    queue.push(at, { contract: customerServiceTermsChanged, data: { customerId, keyAccountId, terms: keyAccountId ? { responseTargetMinutes: 60, dedicatedContact: null, compensationRules: [], validUntil: null } : null, changedAt: new Date(at).toISOString() }, id: feedbackDice.uuid(), at: new Date(at) });
  const incidentDays = new Set(Array.from({ length: Math.max(1, Math.round(options.days / 45)) }, () => dice.int(0, options.days - 1)));
  let complaintNumber = 0;

  const emit = (contract: EventContract, data: unknown, at: number, delay: number) => {
    queue.push(at + delay, { contract, data, id: dice.uuid(), at: new Date(at) });
  };
  const iso = (t: number) => new Date(t).toISOString();

  for (const customerId of customers) {
    emit(customerCreated, { customerId, tier: dice.weighted(TIERS.map((t, i) => [t, [0.55, 0.25, 0.15, 0.05][i]] as const)), preferredLanguage: dice.chance(0.8) ? 'zh' : 'en', createdAt: iso(start - DAY) }, start - DAY, 0);
  }

  const complaint = (customerId: string, at: number, channel: string, category: string, delay: number, inquiryId: string | undefined, storm: boolean) => {
    const complaintId = dice.uuid();
    const registrationNumber = `C-${new Date(at).getUTCFullYear()}-${String(++complaintNumber).padStart(6, '0')}`;
    const urgency = dice.weighted([
      ['LOW', 0.25],
      ['MEDIUM', 0.45],
      ['HIGH', 0.22],
      ['CRITICAL', 0.08],
    ] as const);
    emit(complaintRegistered, { complaintId, registrationNumber, customerId, channel, category, urgency, registeredBy: 'system', registeredAt: iso(at), ...(inquiryId ? { inquiryId } : {}) }, at, delay);
    const handler = dice.pick(handlers);
    let t = at + dice.int(1, 20) * MINUTE;
    emit(complaintAssigned, { complaintId, customerId, assigneeId: handler.id, department: handler.department, assignedBy: 'system', automatic: true, reason: null, assignedAt: iso(t) }, t, delay);
    const feedbackDue = at + DAY;
    const feedbackAt = at + Math.round(dice.exp(storm ? 20 : 9) * HOUR) + MINUTE;
    if (feedbackAt > feedbackDue) emit(complaintSlaBreached, { complaintId, customerId, deadline: 'FEEDBACK', urgency, dueAt: iso(feedbackDue), breachedAt: iso(feedbackDue + MINUTE), assigneeId: handler.id }, feedbackDue + MINUTE, delay);
    emit(complaintFeedbackGiven, { complaintId, customerId, givenBy: handler.id, givenAt: iso(feedbackAt), feedbackDueAt: iso(feedbackDue), withinDeadline: feedbackAt <= feedbackDue }, feedbackAt, delay);
    t = Math.max(feedbackAt, t) + MINUTE;
    const rounds = dice.chance(0.06) ? 2 : 1;
    for (let round = 0; round < rounds; round++) {
      const slow = dice.chance(0.01);
      const resolvedAt = t + Math.round((slow ? dice.int(62, 90) * DAY : dice.exp(5) * DAY) + HOUR);
      if (slow && round === 0) emit(complaintSlaBreached, { complaintId, customerId, deadline: 'DOT_RESPONSE', urgency, dueAt: iso(at + 60 * DAY), breachedAt: iso(at + 60 * DAY + MINUTE), assigneeId: handler.id }, at + 60 * DAY + MINUTE, delay);
      const compensation = dice.chance(round === 0 ? 0.4 : 0.2) ? [compensationItem(dice, storm)] : [];
      const rootCause = dice.chance(0.05) ? null : storm && dice.chance(0.6) ? 'WEATHER' : dice.pick(ROOT_CAUSES);
      emit(complaintResolved, { complaintId, registrationNumber, customerId, resolvedBy: handler.id, resolvedAt: iso(resolvedAt), rootCause, compensation }, resolvedAt, delay);
      const closedAt = resolvedAt + Math.round(dice.exp(1) * DAY) + MINUTE;
      const score = dice.chance(0.5) ? dice.weighted([[1, 0.08], [2, 0.1], [3, 0.17], [4, 0.35], [5, 0.3]] as const) : null;
      emit(
        complaintClosed,
        { complaintId, registrationNumber, customerId, closedBy: handler.id, closedAt: iso(closedAt), satisfactionScore: score, satisfactionComment: null, closedWithoutSatisfactionReason: score == null ? 'NOT_REACHED' : null },
        closedAt,
        delay,
      );
      t = closedAt + Math.round(dice.exp(2) * DAY) + MINUTE;
      if (round + 1 < rounds) emit(complaintReopened, { complaintId, customerId, reopenedBy: handler.id, reopenedAt: iso(t), reason: 'customer not satisfied' }, t, delay);
    }
  };

  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * DAY;
    const date = new Date(dayStart);
    const storm = incidentDays.has(day);
    const volume = Math.round(options.inquiriesPerDay * MONTH_FACTOR[date.getUTCMonth()] * WEEKDAY_FACTOR[date.getUTCDay()] * (storm ? 2.5 : 1) * (0.9 + 0.2 * dice.next()));
    if (dice.chance(0.02)) {
      const customerId = dice.pick(customers);
      emit(customerUpdated, { customerId, changedFields: ['tier'], tier: dice.pick(TIERS), preferredLanguage: 'zh', updatedAt: iso(dayStart + 3 * HOUR) }, dayStart + 3 * HOUR, 0);
    }
    for (let n = 0; n < volume; n++) {
      const delay = dice.chance(lateShare) ? dice.int(1, 72) * HOUR : 0;
      const inquiryId = dice.uuid();
      const customerId = dice.chance(0.7) ? dice.pick(customers) : null;
      const channel = dice.weighted(CHANNELS);
      const category = storm && dice.chance(0.5) ? 'CHANGE' : dice.pick(INQUIRY_CATEGORIES);
      // Local 08:00-22:00 in Shanghai (UTC+8), busiest around midday.
      const receivedAt = dayStart + Math.round((Math.min(14, Math.max(0, 5 + (dice.next() + dice.next() + dice.next() - 1.5) * 6)) * HOUR));
      const phone = channel === 'PHONE';
      const target = phone ? 15 : 300;
      emit(inquiryReceived, { inquiryId, customerId, channel, category, receivedAt: iso(receivedAt), firstResponseDueAt: iso(receivedAt + target * 1000) }, receivedAt, delay);
      const evening = receivedAt - dayStart >= 10 * HOUR;
      const seconds = Math.round(dice.exp((phone ? 9 : 170) * (storm ? 3 : 1) * (channel === 'CHAT' && evening ? EVENING_CHAT_SLOWNESS : 1)) * 10) / 10 + 1;
      const respondedAt = receivedAt + Math.round(seconds * 1000);
      const agent = dice.pick(agents);
      if (seconds > target && dice.chance(0.7)) {
        emit(inquirySlaBreached, { inquiryId, customerId, channel, target: 'FIRST_RESPONSE', dueAt: iso(receivedAt + target * 1000), breachedAt: iso(receivedAt + target * 1000 + 1) }, receivedAt + target * 1000 + 1, delay);
      }
      emit(inquiryFirstResponded, { inquiryId, customerId, channel, respondedBy: agent, respondedAt: iso(Math.max(respondedAt, receivedAt + target * 1000 + 2 * (seconds > target ? 1 : 0))), firstResponseSeconds: seconds, withinTarget: seconds <= target }, Math.max(respondedAt, receivedAt + target * 1000 + 2 * (seconds > target ? 1 : 0)), delay);
      let t = respondedAt + 2000;
      if (customerId && dice.chance(storm ? 0.2 : 0.07)) {
        t += dice.int(2, 30) * MINUTE;
        const complaintCategory = storm ? 'FLIGHT_DELAY_CANCELLATION' : dice.pick(COMPLAINT_CATEGORIES);
        emit(
          inquiryEscalated,
          { inquiryId, customerId, escalatedBy: agent, escalatedAt: iso(t), channel, category: complaintCategory, urgency: 'MEDIUM', description: 'escalated from the inquiry', occurredAt: null, conversation: [] },
          t,
          delay,
        );
        complaint(customerId, t + dice.int(1, 10) * MINUTE, channel, complaintCategory, delay, inquiryId, storm);
      }
      const rounds = dice.chance(0.04) ? 2 : 1;
      for (let round = 0; round < rounds; round++) {
        const handlingSeconds = phone ? dice.int(120, 900) : dice.int(240, 2400);
        t += (phone ? handlingSeconds * 1000 : Math.round(dice.exp(3) * HOUR) + handlingSeconds * 1000) + 1000;
        const score = dice.chance(0.6) ? dice.weighted([[1, 0.04], [2, 0.06], [3, 0.15], [4, 0.4], [5, 0.35]] as const) : null;
        emit(
          inquiryClosed,
          {
            inquiryId,
            customerId,
            channel,
            category,
            closedBy: agent,
            closedAt: iso(t),
            satisfied: score == null ? null : score >= 4,
            satisfactionScore: score,
            dissatisfactionReason: null,
            closedWithoutSatisfactionReason: score == null ? 'DECLINED' : null,
            handlingSeconds,
          },
          t,
          delay,
        );
        if (round === 0 && dice.chance(0.08)) {
          // A QA lead reviews some closed inquiries a few days later (training's qa_review.completed).
          const reviewedAt = t + dice.int(1, 5) * DAY;
          const score = Math.round((55 + dice.next() * 45) * 10) / 10;
          emit(
            qaReviewCompleted,
            { reviewId: dice.uuid(), scorecardId: SCORECARD_ID, agentId: agent, caseKind: 'INQUIRY', caseId: inquiryId, score, autoFailed: score < 60, completedAt: iso(reviewedAt) },
            reviewedAt,
            0,
          );
        }
        if (round + 1 < rounds) {
          t += Math.round(dice.exp(1) * DAY) + MINUTE;
          emit(inquiryReopened, { inquiryId, customerId, reopenedBy: agent, reopenedAt: iso(t), reason: 'the customer wrote again' }, t, delay);
        }
      }
    }
    // Complaints that came in directly (in person, social media, the web form).
    for (let n = Math.round(volume * 0.02); n > 0; n--) {
      const at = dayStart + dice.int(1, 14 * 60) * MINUTE;
      complaint(dice.pick(customers), at, dice.pick(['IN_PERSON', 'SOCIAL_MEDIA', 'WEB_FORM', 'EMAIL']), storm ? 'FLIGHT_DELAY_CANCELLATION' : dice.pick(COMPLAINT_CATEGORIES), 0, undefined, storm);
    }
    for (let n = Math.round(volume * 0.25); n > 0; n--) {
      const at = dayStart + dice.int(1, 14 * 60) * MINUTE;
      const nps = dice.weighted([[0, 2], [2, 2], [4, 3], [5, 4], [6, 6], [7, 12], [8, 18], [9, 25], [10, 28]] as const);
      const category = nps >= 9 ? 'PROMOTER' : nps >= 7 ? 'PASSIVE' : 'DETRACTOR';
      emit(
        followUpSurveyAnswered,
        { surveyId: dice.uuid(), tripId: dice.uuid(), customerId: dice.pick(customers), nps, npsCategory: category, ratings: (['FLIGHT', 'HOTEL', 'TRANSFER'] as const).slice(0, dice.int(1, 3)).map((component) => ({ component, score: Math.min(5, Math.max(1, Math.round(nps / 2) + dice.int(-1, 1))) })), answeredAt: iso(at), serviceRecoveryOpened: nps <= 6 },
        at,
        0,
      );
    }
    // training: staff complete courses now and then (some renewing a certificate); some mandatory ones go overdue.
    if (dice.chance(0.4)) {
      const at = dayStart + dice.int(9 * 60, 17 * 60) * MINUTE;
      const quizScore = dice.chance(0.7) ? Math.round((60 + dice.next() * 40) * 10) / 10 : null;
      emit(courseCompleted, { courseId: dice.pick(COURSES), certificateId: dice.uuid(), staffUserId: dice.pick(agents), recertification: dice.chance(0.25), quizScore, completedAt: iso(at), expiresAt: iso(at + 365 * DAY) }, at, 0);
    }
    if (dice.chance(0.15)) {
      const at = dayStart + 2 * HOUR;
      const agent = dice.pick(agents);
      emit(trainingOverdue, { courseId: dice.pick(COURSES), staffUserId: agent, team: dice.chance(0.9) ? dice.pick(DEPARTMENTS) : null, reason: dice.chance(0.7) ? 'NEVER_COMPLETED' : 'CERTIFICATE_EXPIRED', dueAt: iso(at - DAY), detectedAt: iso(at) }, at, 0);
    }
    if (day === 0) for (const customerId of customers) if (feedbackDice.chance(0.1)) keyAccountOf(customerId, start - DAY + HOUR, feedbackDice.pick(KEY_ACCOUNTS));
    if (feedbackDice.chance(0.05)) keyAccountOf(feedbackDice.pick(customers), dayStart + 4 * HOUR, feedbackDice.chance(0.5) ? feedbackDice.pick(KEY_ACCOUNTS) : null);
    // training: agents rate the procedures they worked with, a few a day.
    for (let n = feedbackDice.int(0, 3); n > 0; n--) {
      const [articleId, mean] = feedbackDice.pick(PROCEDURES);
      const at = dayStart + feedbackDice.int(60, 13 * 60) * MINUTE;
      const rating = Math.min(5, Math.max(1, Math.round(mean + (feedbackDice.next() + feedbackDice.next() - 1) * 1.5)));
      queue.push(at, { contract: procedureFeedbackGiven, data: { feedbackId: feedbackDice.uuid(), articleId, rating, commented: feedbackDice.chance(0.3), givenAt: iso(at) }, id: feedbackDice.uuid(), at: new Date(at) });
    }
    // Everything due for delivery by the end of this day reaches analytics now.
    while (queue.size && queue.peekDue() < dayStart + DAY) yield queue.pop();
  }
  while (queue.size) yield queue.pop();
}

function compensationItem(dice: Dice, storm: boolean) {
  const kind = dice.weighted([
    ['REFUND', 0.3],
    ['VOUCHER', 0.3],
    ['LOYALTY_POINTS', 0.2],
    ['MILES', 0.1],
    ['SERVICE_GESTURE', 0.1],
  ] as const);
  const money = kind === 'REFUND' || kind === 'VOUCHER';
  const points = kind === 'LOYALTY_POINTS' || kind === 'MILES';
  return {
    itemId: dice.uuid(),
    kind,
    amount: money ? `${dice.int(storm ? 100 : 20, storm ? 800 : 400)}.${String(dice.int(0, 99)).padStart(2, '0')}` : null,
    currency: money ? dice.pick(['CNY', 'EUR', 'USD']) : null,
    quantity: points ? dice.int(5, 100) * 100 : null,
    description: null,
    reason: 'goodwill',
  };
}
