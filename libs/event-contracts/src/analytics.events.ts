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
