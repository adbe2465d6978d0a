import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Role } from '@carebridge/auth';
import { buildFederatedSchema, createLogger, formatGraphQLError, type RequestContext } from '@carebridge/service-kit';
import { PassengerRightsPreview } from './passenger-rights-preview';
import { PassengerRightsResolver } from './passenger-rights.resolver';

const QUERY = `
  query Preview($input: PassengerRightsInput!) {
    passengerRights(input: $input) {
      assessedAt
      flight { distanceKm flightDate origin { iata country } destination { iata country } }
      regimes { regime applies ruleVersion }
      entitlements { regime kind measure amount { amount currency } legalBasis articles explanation ruleVersion deadlines { kind dueAt passed } }
      notGranted { regime kind reason legalBasis explanation }
      deadlines { regime kind dueAt }
      airportData
    }
  }
`;

/** The case: a 1,200 km EU flight cancelled 3 days ahead, no re-routing offered. */
const CANCELLED = {
  kind: 'CANCELLATION',
  flight: {
    carrier: 'EW', carrierLicenceCountry: 'DE', flightNumber: 'EW9580', origin: 'DUS', destination: 'BCN',
    scheduledDeparture: '2026-03-12T07:00:00Z', scheduledArrival: '2026-03-12T09:10:00Z',
  },
  cancellation: { noticeGivenAt: '2026-03-09T07:00:00Z' },
};

describe('passengerRights (GraphQL)', () => {
  let server: ApolloServer;
  const now = new Date('2026-03-09T08:00:00Z');
  beforeAll(async () => {
    const schema = await buildFederatedSchema([new PassengerRightsResolver(new PassengerRightsPreview({ now: () => now }))]);
    server = new ApolloServer({
      schema,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      formatError: (formatted, error) => formatGraphQLError(formatted, error, { development: false }),
    });
    await server.start();
  });
  afterAll(() => server.stop());

  const logger = createLogger({ service: 'passenger-rights-spec', level: 'silent' });
  async function preview(input: unknown, roles: Role[] | null = ['after_sales']) {
    const contextValue: RequestContext = { requestId: 'req-1', logger, identity: roles ? { userId: 'u-1', roles } : undefined };
    const response = await server.executeOperation({ query: QUERY, variables: { input } }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: { passengerRights: any } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  it('previews the entitlements with the article quoted, for after-sales staff, agents and admins', async () => {
    for (const role of ['after_sales', 'agent', 'admin'] as Role[]) {
      const { data, errors } = await preview(CANCELLED, [role]);
      expect(errors).toBeUndefined();
      const rights = data?.passengerRights;
      expect(new Date(rights.assessedAt)).toEqual(now);
      expect(rights.flight).toMatchObject({ distanceKm: 1166.5, flightDate: '2026-03-12', origin: { iata: 'DUS', country: 'DE' } });
      const compensation = rights.entitlements.find((e: any) => e.kind === 'COMPENSATION');
      expect(compensation).toMatchObject({
        regime: 'EU261',
        measure: 'FIXED_AMOUNT',
        amount: { amount: '250.00', currency: 'EUR' },
        legalBasis: 'Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a)',
        ruleVersion: 'EU261/2021-01',
      });
      expect(rights.regimes.map((r: any) => [r.regime, r.applies])).toEqual([['EU261', true], ['UK261', false], ['MONTREAL_CONVENTION', true], ['US_DOT', false]]);
      expect(rights.airportData).toContain('OPTD');
    }
  });

  it('refuses callers without the role', async () => {
    const { errors } = await preview(CANCELLED, ['analyst']);
    expect(errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect((await preview(CANCELLED, null)).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('answers bad input with BAD_USER_INPUT naming the field, from validation and from the engine', async () => {
    const malformed = await preview({ ...CANCELLED, flight: { ...CANCELLED.flight, origin: 'Düsseldorf' }, fare: { amount: '12,5', currency: 'EUR' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.flight.origin' });
    expect((malformed.errors?.[0].extensions?.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.flight.origin', 'input.fare.amount']);
    const unknown = await preview({ ...CANCELLED, flight: { ...CANCELLED.flight, destination: 'QQQ' } });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'input.flight.destination: "QQQ" is not a known airport (IATA code of three letters)', extensions: { code: 'BAD_USER_INPUT', field: 'input.flight.destination' } });
    const backwards = await preview({ ...CANCELLED, flight: { ...CANCELLED.flight, scheduledArrival: '2026-03-12T06:00:00Z' } });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.flight.scheduledArrival' });
    const blankReason = await preview({ ...CANCELLED, extraordinaryCircumstances: { reason: '  ' } });
    expect(blankReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.extraordinaryCircumstances.reason' });
  });
});
