import { z } from 'zod';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

/** The periods analytics closes per agent: a calendar month (the default of training's evaluations) or quarter, or an ISO week. */
export const AGENT_PERIOD_KINDS = ['WEEK', 'MONTH', 'QUARTER'] as const;

/** A rate between 0 and 1, or null when the period had nothing to measure it by. */
const rate = () => z.number().min(0).max(1).nullable();

export const agentPeriodClosed = defineEvent({
  type: 'analytics.agent_period_closed',
  version: 1,
  producer: 'analytics',
  topic: TOPICS.agentPeriod,
  description:
    "An agent's figures for a closed period (T-5.4): what training's periodic evaluations score against the KPI standards, never recomputed there. " +
    'Rates are fractions (0–1), csat the average survey score (1–5); a figure is null when the period had nothing to measure it by. ' +
    'A period closed again (late data) is sent again with the same agent and period and replaces the earlier figures.',
  schema: z.object({
    agentId: z.string().min(1).max(200),
    period: z.object({
      kind: z.enum(AGENT_PERIOD_KINDS),
      start: field.time(),
      end: field.time(),
    }),
    figures: z.object({
      firstResponseWithinTargetRate: rate(),
      resolutionRate: rate(),
      csat: z.number().min(1).max(5).nullable(),
      firstContactResolutionRate: rate(),
      averageHandlingSeconds: z.number().min(0).nullable(),
      counts: z.object({
        handled: z.number().int().min(0),
        resolved: z.number().int().min(0),
        surveyed: z.number().int().min(0),
      }),
    }),
    closedAt: field.time(),
  }),
  key: (data) => data.agentId,
  personalData: "agentId (the agent's user id) and their figures: training evaluates the agent against the KPI standards",
});

export const monthlyReportPublished = defineEvent({
  type: 'analytics.monthly_report_published',
  version: 1,
  producer: 'analytics',
  topic: TOPICS.monthlyReport,
  description:
    'A version of the monthly management report (A-3.3.3) was generated: by the schedule after the month ended, or on demand by a manager. ' +
    'Ids and the period only; whoever delivers it (mail) reads the report through GraphQL with its own rights. A month generated again publishes its next version.',
  schema: z.object({
    reportId: field.id(),
    /** The reported calendar month, YYYY-MM, in the company's time zone. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    period: z.object({ start: field.time(), end: field.time() }),
    version: z.number().int().min(1),
    generatedAt: field.time(),
  }),
  key: (data) => data.month,
  personalData: 'none: report id, month and version only',
});
