import type { Identity } from '@carebridge/auth';
import { openServiceUnderTest, type ServiceUnderTest, useServiceUnderTest } from '@carebridge/testing';
import { type AnalyticsDomain, analyticsDomain } from './analytics.domain';
import { analyticsEventHandlers } from './analytics.event-handlers';
import { analyticsReferences } from './analytics.references';
import { analyticsResolvers } from './analytics.resolvers';
import { type AnalyticsSettings, analyticsSettings } from './analytics.settings';
import { analyticsSubgraph } from './analytics.subgraph';

/** Test users of analytics, one per duty. */
export const people = {
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  analyst: { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' },
  supervisor: { userId: 'supervisor-sue', roles: ['supervisor'], name: 'Sue Supervisor' },
} satisfies Record<string, Identity>;

/**
 * analytics on a fresh database of its own (`openServiceUnderTest`): its use cases, `deliver` for
 * other services' events, `learnCustomer`, `db.clock`, `deadLetters`, and `run` for operations on its
 * schema as the gateway would forward them. The steps its tests take again and again go here.
 */
export type AnalyticsWorld = AnalyticsDomain & Omit<ServiceUnderTest<AnalyticsDomain, AnalyticsSettings>, 'domain'>;

export async function openAnalytics(env: Record<string, string> = {}): Promise<AnalyticsWorld> {
  const { domain, ...service } = await openServiceUnderTest({
    definition: analyticsSubgraph,
    settings: analyticsSettings(env),
    domain: analyticsDomain,
    eventHandlers: analyticsEventHandlers,
    resolvers: analyticsResolvers,
    references: analyticsReferences,
    consumer: { maxAttempts: 2, retryBackoffMs: 1 },
  });
  return { ...domain, ...service };
}

/** analytics as the tests of the enclosing `describe` share it; each test ends with no event dead-lettered. */
export function useAnalytics(env: Record<string, string> = {}): AnalyticsWorld {
  const world = useServiceUnderTest(() => openAnalytics(env));
  afterEach(() => expect(world.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));
  return world;
}
