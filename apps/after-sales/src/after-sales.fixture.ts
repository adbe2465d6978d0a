import type { Identity } from '@carebridge/auth';
import type { BookingSnapshot } from '@carebridge/event-contracts';
import { buildFederatedSchema, formatGraphQLError } from '@carebridge/service-kit';
import { openServiceUnderTest, type ServiceUnderTest, useServiceUnderTest } from '@carebridge/testing';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { randomBytes } from 'node:crypto';
import { type AfterSalesDomain, afterSalesDomain } from './after-sales.domain';
import { afterSalesEventHandlers } from './after-sales.event-handlers';
import { afterSalesOrphanedTypes, afterSalesReferences } from './after-sales.references';
import { afterSalesResolvers } from './after-sales.resolvers';
import { type AfterSalesSettings, afterSalesSettings } from './after-sales.settings';
import { afterSalesSubgraph } from './after-sales.subgraph';

/** Test users of after-sales, one per duty. */
export const people = {
  afterSales: { userId: 'as-asa', roles: ['after_sales'], name: 'Asa After-Sales' },
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  analyst: { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' },
  integration: { userId: 'reservation-system', roles: ['integration'], name: 'Reservation system' },
  trainer: { userId: 'trainer-tom', roles: ['trainer'], name: 'Tom Trainer' },
} satisfies Record<string, Identity>;

/**
 * after-sales on a fresh database of its own (`openServiceUnderTest`): its use cases, `deliver` for
 * other services' events, `learnCustomer`, `db.clock`, `deadLetters`, and `run` for operations on its
 * schema as the gateway would forward them (the answer as a client reads it: times as text, errors formatted). The steps its tests take again and again go here.
 */
export type AfterSalesWorld = AfterSalesDomain & Omit<ServiceUnderTest<AfterSalesDomain, AfterSalesSettings>, 'domain'>;

export async function openAfterSales(env: Record<string, string> = {}): Promise<AfterSalesWorld> {
  const { domain, ...service } = await openServiceUnderTest({
    definition: afterSalesSubgraph,
    settings: afterSalesSettings(env),
    domain: afterSalesDomain,
    eventHandlers: afterSalesEventHandlers,
    resolvers: afterSalesResolvers,
    references: afterSalesReferences,
    consumer: { maxAttempts: 2, retryBackoffMs: 1 },
  });
  let schema: Promise<GraphQLSchema> | undefined;
  return {
    ...domain,
    ...service,
    // As the subgraph serves it: with the types only the gateway reaches, and errors as a client gets them.
    async run(by, source, variables, context = service.context(by)) {
      schema ??= buildFederatedSchema(afterSalesResolvers(domain), afterSalesReferences(domain, service.db), afterSalesOrphanedTypes(domain));
      const result = await graphql({ schema: await schema, source, variableValues: variables, contextValue: context });
      const errors = result.errors?.map((error) => formatGraphQLError(error.toJSON(), error, { development: false }));
      return JSON.parse(JSON.stringify({ ...result, errors })) as ExecutionResult<any>;
    },
  };
}

/** after-sales as the tests of the enclosing `describe` share it; each test ends with no event dead-lettered. */
export function useAfterSales(env: Record<string, string> = {}): AfterSalesWorld {
  const world = useServiceUnderTest(() => openAfterSales(env));
  afterEach(() => expect(world.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));
  return world;
}

/** A booking reference no other test uses. */
export function newBookingReference(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * A booking as the reservation system sends it: Frankfurt–Shanghai and back with a hotel, a tour
 * and a transfer in between, recorded on 20 November 2026 (the test clock starts on 2 November:
 * the booking's time is set before it by each test that needs one).
 */
export function aBooking(customerId: string, overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
  return {
    bookingReference: newBookingReference(),
    customerId,
    changedAt: '2026-11-01T10:00:00.000Z',
    travellers: 2,
    segments: [
      { kind: 'FLIGHT', carrier: 'LH', flightNumber: '728', origin: 'FRA', destination: 'PVG', departureAt: '2026-12-12T17:40:00.000Z', arrivalAt: '2026-12-13T05:30:00.000Z', distanceKm: 8880 },
      { kind: 'TRANSFER', from: 'PVG Terminal 2', to: 'Hotel Bund, Shanghai', pickupAt: '2026-12-13T07:00:00.000Z', dropOffAt: '2026-12-13T08:00:00.000Z', supplier: 'Shanghai Cars' },
      { kind: 'HOTEL', name: 'Hotel Bund', city: 'Shanghai', countryCode: 'CN', checkInAt: '2026-12-13T07:00:00.000Z', checkOutAt: '2026-12-19T03:00:00.000Z' },
      { kind: 'TOUR', name: 'Water towns of Jiangnan', supplier: 'Jiangnan Tours', startsAt: '2026-12-15T01:00:00.000Z', endsAt: '2026-12-15T09:00:00.000Z' },
      { kind: 'FLIGHT', carrier: 'LH', flightNumber: '729', origin: 'PVG', destination: 'FRA', departureAt: '2026-12-19T05:00:00.000Z', arrivalAt: '2026-12-19T17:55:00.000Z' },
    ],
    ...overrides,
  };
}
