/**
 * Each metric's definition, in one place: the schema's descriptions read it, and
 * docs/services/analytics.md prints it (a test holds the two together). "Opened in the period"
 * means the inquiry was received, or the complaint registered, in the period.
 */
export const METRIC_DEFINITIONS = {
  inquiryVolume: 'Inquiries received in the period (inquiry.received, by its receivedAt).',
  complaintVolume: 'Complaints registered in the period (complaint.registered, by its registeredAt).',
  complaintsResolved: 'Complaints with at least one resolution (complaint.resolved) in the period, counted by the event: a later reopening does not take it back.',
  complaintsDue: 'Complaints open at some moment of the period: registered or reopened before its end and not resolved or closed before its start.',
  resolutionRate: 'complaintsResolved / complaintsDue (null when nothing was due).',
  firstResponseSeconds: "Calendar seconds from an inquiry's arrival to its first response (the inquiry service's firstResponseSeconds), for inquiries opened in the period: count, p50, p90 (nearest rank), mean.",
  firstResponseBusinessSeconds: "The same span counted in the company's business hours (ANALYTICS_BUSINESS_HOURS, ANALYTICS_HOLIDAYS, ANALYTICS_TIME_ZONE).",
  inquiryResolutionSeconds: "Full resolution time of inquiries opened in the period: from arrival to the last closing (after any reopening).",
  complaintResolutionSeconds: 'Full resolution time of complaints opened in the period: from registration to the last resolution (after any reopening).',
  handlingSeconds: 'Handling time of inquiries opened in the period, as the inquiry service reports it at the last closing.',
  sla:
    "Per target, for cases opened in the period: achieved, breached and rate = achieved / (achieved + breached). THREE_RINGS: phone inquiries answered within target; FIVE_MINUTES: written inquiries first answered within 5 minutes; a missed target or its breach event is a breach. COMPLAINT_FEEDBACK_24H: feedback given with no late feedback and no FEEDBACK breach; a late feedback or a breach event is a breach. DOT_ACKNOWLEDGMENT_30D / DOT_RESPONSE_60D (with ANALYTICS_DOT_RULE): first feedback within 30 days / first resolution within 60 days of registration and no breach event; a DOT breach event is a breach.",
  csat: 'Closing satisfaction (1 to 5) given when inquiries and complaints were closed in the period: answered, satisfied (4 or 5), rate = satisfied / answered, average score.',
  nps: "after-sales' post-trip surveys answered in the period: promoters (9-10), passives (7-8), detractors (0-6), score = (promoters - detractors) * 100 / answered.",
  tripCsat: "after-sales' post-trip survey ratings (1 to 5 for each trip component: flight, hotel, guide, transfer) answered in the period: ratings, satisfied (4 or 5), rate = satisfied / ratings, average score.",
  qa: "training's QA reviews completed in the period (qa_review.completed; calibration reviews are not published): reviews, the average score (0 to 100), how many failed automatically. AGENT is the reviewed agent; the other dimensions are the reviewed case's.",
  training:
    "training's course completions (course.completed) and overdue mandatory courses (training.overdue) in the period: completions (by completedAt) and how many renewed a certificate, the average quiz score (0 to 100) of the completions with a quiz, and the overdue ones (by detectedAt), never completed or with an expired certificate. AGENT is the staff member, TEAM the team training names for an overdue course; the other dimensions are null.",
  reopened: 'Cases counted as reopened by reopenRate: opened in the period, closed (inquiry) or resolved (complaint), and reopened at least once.',
  reopenRate: 'Of the cases opened in the period that were closed (inquiry) or resolved (complaint), the share reopened at least once.',
  oneTouchResolutionRate: 'Of the inquiries opened in the period that were closed, the share closed without a reopening and without an escalation to a complaint.',
  oneTouchResolved: 'Inquiries counted as resolved at one touch by oneTouchResolutionRate: opened in the period, closed, never reopened nor escalated.',
  escalated: 'Inquiries counted as escalated by escalationRate: opened in the period and escalated into a complaint.',
  escalationRate: 'Of the inquiries opened in the period, the share escalated into a complaint (inquiry.escalated).',
  compensation: 'Compensation items granted with resolutions in the period, by kind and currency: items, the sum of amounts (money) and of quantities (points, miles).',
  rootCauses: 'Root-cause Pareto of the complaints resolved in the period (their root cause as last resolved): complaints, share and cumulative share, largest first.',
} as const;

export type MetricName = keyof typeof METRIC_DEFINITIONS;
