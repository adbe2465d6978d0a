import type { ScheduledJob } from '@carebridge/service-kit';
import type { AgentPeriodClosing } from './agent-period-closing';

/** Closes the agent periods that have ended since the last run. */
export function agentPeriodCloseJob(closing: AgentPeriodClosing, everyMs: number): ScheduledJob {
  return { name: 'agent-period-close', everyMs, run: (now) => closing.closeEnded(now) };
}
