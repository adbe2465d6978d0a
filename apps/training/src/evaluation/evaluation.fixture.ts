import type { agentPeriodClosed, EventData } from '@carebridge/event-contracts';

/** June 2026, as analytics closes a month. */
export const june = { kind: 'MONTH' as const, start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' };

/** analytics' June figures of an agent: every standard of the tests met. */
export const juneFigures = (agentId: string, overrides: Partial<EventData<typeof agentPeriodClosed>['figures']> = {}): EventData<typeof agentPeriodClosed> => ({
  agentId,
  period: june,
  figures: {
    firstResponseWithinTargetRate: 0.95,
    resolutionRate: 0.9,
    csat: 4.6,
    firstContactResolutionRate: 0.8,
    averageHandlingSeconds: 300,
    counts: { handled: 120, resolved: 108, surveyed: 40 },
    ...overrides,
  },
  closedAt: '2026-07-01T02:00:00.000Z',
});
