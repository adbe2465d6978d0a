import { AGENT_PERIOD_KINDS, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** The KPIs an agent is evaluated on (T-5.4); each but QA_SCORE comes from analytics' period figures. */
export const Kpi = enumOf(['FIRST_RESPONSE_WITHIN_TARGET', 'RESOLUTION_RATE', 'CSAT', 'FIRST_CONTACT_RESOLUTION', 'AVERAGE_HANDLING_TIME', 'QA_SCORE']);
export type Kpi = EnumValue<typeof Kpi>;
registerEnumType(Kpi, {
  name: 'Kpi',
  description:
    'FIRST_RESPONSE_WITHIN_TARGET, RESOLUTION_RATE, FIRST_CONTACT_RESOLUTION (rates 0–1), CSAT (average 1–5), AVERAGE_HANDLING_TIME (seconds, lower is better), QA_SCORE (0–100, from QA reviews).',
});

/** Each KPI's unit: the range a target may take, and whether lower is better. */
export const KPI_SCALE: Record<Kpi, { min: number; max: number; lowerIsBetter: boolean }> = {
  FIRST_RESPONSE_WITHIN_TARGET: { min: 0, max: 1, lowerIsBetter: false },
  RESOLUTION_RATE: { min: 0, max: 1, lowerIsBetter: false },
  CSAT: { min: 1, max: 5, lowerIsBetter: false },
  FIRST_CONTACT_RESOLUTION: { min: 0, max: 1, lowerIsBetter: false },
  AVERAGE_HANDLING_TIME: { min: 1, max: 86_400, lowerIsBetter: true },
  QA_SCORE: { min: 0, max: 100, lowerIsBetter: false },
};

/** The period of an evaluation, as analytics closes them; MONTH by default. */
export const EvaluationPeriodKind = enumOf(AGENT_PERIOD_KINDS);
export type EvaluationPeriodKind = EnumValue<typeof EvaluationPeriodKind>;
registerEnumType(EvaluationPeriodKind, { name: 'EvaluationPeriodKind', description: 'WEEK, MONTH (the default) or QUARTER.' });

export const EvaluationStatus = enumOf(['DRAFT', 'SIGNED_OFF', 'ACKNOWLEDGED']);
export type EvaluationStatus = EnumValue<typeof EvaluationStatus>;
registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: 'DRAFT (prepared from the period’s figures and QA results), SIGNED_OFF (by the supervisor: final), ACKNOWLEDGED (by the agent, with a comment).',
});

/** Attainment above target counts up to this factor, so one outstanding figure cannot hide a missed one. */
export const ATTAINMENT_CAP = 1.2;
