import { agentPeriodClosed } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { EvaluationDrafting } from './evaluation-drafting';

/** analytics closed an agent's period (analytics.agent_period_closed): its figures are kept and the evaluation drafted, once per event. */
export function onAgentPeriodClosed(drafting: EvaluationDrafting): EventHandler<typeof agentPeriodClosed> {
  return onEvent(agentPeriodClosed, async ({ data }, manager) => {
    await drafting.receiveFigures(manager, data);
  });
}
