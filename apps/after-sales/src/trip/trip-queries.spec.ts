import { bookingChanged, bookingConfirmed, type BookingSnapshot } from '@carebridge/event-contracts';
import { aBooking, people, useAfterSales } from '../after-sales.fixture';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Trip } from './trip.entity';

const TRIP_FIELDS = `id bookingReference status startsAt endsAt travellers components customer { id }
  segments { id kind position startsAt endsAt
    ... on FlightSegment { carrier flightNumber origin destination departureAt arrivalAt distanceKm }
    ... on HotelSegment { name city countryCode checkInAt checkOutAt }
    ... on TourSegment { name supplier }
    ... on TransferSegment { from to supplier pickupAt dropOffAt } }`;

describe('reading trips through the graph (real Postgres)', () => {
  const world = useAfterSales();
  const run = (...args: Parameters<typeof world.run>) => world.run(...args);

  async function confirmed(customerId?: string, overrides: Partial<BookingSnapshot> = {}) {
    const booking = aBooking(customerId ?? (await world.learnCustomer()), overrides);
    await world.deliver(bookingConfirmed, booking);
    const trip = await world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: booking.bookingReference });
    return { booking, trip };
  }

  it('answers trip(id) and tripByBookingReference (any case) with every segment typed by kind', async () => {
    const { booking, trip } = await confirmed();

    const byId = await run(people.afterSales, `query($id: ID!) { trip(id: $id) { ${TRIP_FIELDS} } }`, { id: trip.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.trip).toMatchObject({ id: trip.id, bookingReference: booking.bookingReference, status: 'CONFIRMED', travellers: 2, customer: { id: booking.customerId } });
    expect(byId.data.trip.segments).toEqual([
      expect.objectContaining({ kind: 'FLIGHT', position: 0, carrier: 'LH', flightNumber: '728', origin: 'FRA', destination: 'PVG', departureAt: '2026-12-12T17:40:00.000Z', distanceKm: 8880 }),
      expect.objectContaining({ kind: 'TRANSFER', from: 'PVG Terminal 2', to: 'Hotel Bund, Shanghai', supplier: 'Shanghai Cars', dropOffAt: '2026-12-13T08:00:00.000Z' }),
      expect.objectContaining({ kind: 'HOTEL', name: 'Hotel Bund', city: 'Shanghai', countryCode: 'CN', checkOutAt: '2026-12-19T03:00:00.000Z' }),
      expect.objectContaining({ kind: 'TOUR', name: 'Water towns of Jiangnan', supplier: 'Jiangnan Tours' }),
      expect.objectContaining({ kind: 'FLIGHT', position: 4, flightNumber: '729', distanceKm: null }),
    ]);

    const byReference = await run(people.agent, `query($ref: String!) { tripByBookingReference(bookingReference: $ref) { id } }`, { ref: ` ${booking.bookingReference.toLowerCase()} ` });
    expect(byReference.data.tripByBookingReference).toEqual({ id: trip.id });
    const none = await run(people.agent, `{ trip(id: "00000000-0000-4000-8000-000000000000") { id } other: trip(id: "not-an-id") { id } }`);
    expect(none.data).toEqual({ trip: null, other: null });
    const malformed = await run(people.agent, `{ tripByBookingReference(bookingReference: "AB C/1") { id } }`);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bookingReference' });
  });

  it('shows removed segments only when asked', async () => {
    const { booking, trip } = await confirmed();
    await world.deliver(bookingChanged, { ...booking, changedAt: '2026-11-01T11:00:00.000Z', segments: booking.segments.slice(0, 1) });
    const read = await run(people.afterSales, `query($id: ID!) { trip(id: $id) { components segments { kind } all: segments(includeRemoved: true) { kind removedAt } } }`, { id: trip.id });
    expect(read.data.trip.components).toEqual(['FLIGHT']);
    expect(read.data.trip.segments).toEqual([{ kind: 'FLIGHT' }]);
    expect(read.data.trip.all).toHaveLength(5);
    expect(read.data.trip.all.filter((s: any) => s.removedAt)).toHaveLength(4);
  });

  it('lists trips by status, dates, kind of segment, airline and airport, and a customer’s trips newest first', async () => {
    const customerId = await world.learnCustomer();
    const december = await confirmed(customerId);
    const [flight] = aBooking(customerId).segments;
    const january = await confirmed(customerId, {
      segments: [{ ...flight, carrier: 'CA', flightNumber: '932', origin: 'PEK', destination: 'FRA', departureAt: '2027-01-10T03:00:00.000Z', arrivalAt: '2027-01-10T14:00:00.000Z' } as BookingSnapshot['segments'][number]],
    });
    const list = async (filter: Record<string, unknown>, orderBy?: string) =>
      (await run(people.afterSales, `query($filter: TripFilter, $orderBy: TripOrder) { trips(filter: $filter, orderBy: $orderBy, first: 10) { totalCount edges { node { id } } } }`, { filter, orderBy })).data.trips;

    expect((await list({ customerId })).edges.map((e: any) => e.node.id)).toEqual([january.trip.id, december.trip.id]);
    expect((await list({ customerId }, 'STARTS_AT_ASC')).edges.map((e: any) => e.node.id)).toEqual([december.trip.id, january.trip.id]);
    expect((await list({ customerId, carrier: 'ca' })).edges.map((e: any) => e.node.id)).toEqual([january.trip.id]);
    expect((await list({ customerId, airport: 'PVG' })).edges.map((e: any) => e.node.id)).toEqual([december.trip.id]);
    expect((await list({ customerId, segmentKind: ['HOTEL'] })).edges.map((e: any) => e.node.id)).toEqual([december.trip.id]);
    expect((await list({ customerId, startsFrom: '2027-01-01T00:00:00Z' })).totalCount).toBe(1);
    expect((await list({ customerId, endsBefore: '2027-01-01T00:00:00Z', status: ['CONFIRMED'] })).totalCount).toBe(1);
    expect((await list({ customerId, status: ['CANCELLED'] })).totalCount).toBe(0);

    const bad = await run(people.afterSales, `{ trips(filter: { airport: "Frankfurt" }) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.airport' });
  });

  it('gives analysts figures without personal data, and refuses them one customer’s trips', async () => {
    const { booking, trip } = await confirmed();
    const read = await run(people.analyst, `query($id: ID!) { trip(id: $id) { ${TRIP_FIELDS} } }`, { id: trip.id });
    expect(read.errors).toBeUndefined();
    expect(read.data.trip).toMatchObject({ bookingReference: `${booking.bookingReference.slice(0, 2)}${'*'.repeat(booking.bookingReference.length - 2)}`, customer: null, status: 'CONFIRMED' });
    expect(read.data.trip.segments[1]).toMatchObject({ kind: 'TRANSFER', from: '***', to: '***' });
    expect(read.data.trip.segments[0]).toMatchObject({ origin: 'FRA', destination: 'PVG' });

    const own = await run(people.analyst, `query($customerId: ID!) { trips(filter: { customerId: $customerId }) { totalCount } }`, { customerId: booking.customerId });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byReference = await run(people.analyst, `query($ref: String!) { tripByBookingReference(bookingReference: $ref) { id } }`, { ref: booking.bookingReference });
    expect(byReference.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const trainer = await run(people.trainer, `query($id: ID!) { trip(id: $id) { id } }`, { id: trip.id });
    expect(trainer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('contributes Customer.trips and OrderChange.trip, and resolves a Trip by reference, as the gateway asks', async () => {
    const { booking, trip } = await confirmed();
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Customer { trips(first: 5) { totalCount edges { node { id } } } }
      ... on OrderChange { trip { id bookingReference } }
      ... on Trip { id status }
    } }`;
    const answer = await run(people.agent, entities, {
      representations: [
        { __typename: 'Customer', id: booking.customerId },
        { __typename: 'OrderChange', id: 'a5b0c3a4-1f0e-4b43-9f3c-000000000001', bookingReference: booking.bookingReference.toLowerCase() },
        { __typename: 'OrderChange', id: 'a5b0c3a4-1f0e-4b43-9f3c-000000000002', bookingReference: 'UNKNOWN1' },
        { __typename: 'Trip', id: trip.id },
      ],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual([
      { trips: { totalCount: 1, edges: [{ node: { id: trip.id } }] } },
      { trip: { id: trip.id, bookingReference: booking.bookingReference } },
      { trip: null },
      { id: trip.id, status: 'CONFIRMED' },
    ]);
    const analyst = await run(people.analyst, entities, { representations: [{ __typename: 'Customer', id: booking.customerId }] });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(analyst.data._entities).toEqual([{ trips: null }]);
  });

  it('loads the segments of a page of trips in one query, whatever the page size', async () => {
    const customerId = await world.learnCustomer();
    for (let i = 0; i < 4; i++) await confirmed(customerId);
    const queries: string[] = [];
    const original = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, ...args: Parameters<PostgresQueryRunner['query']>) {
      queries.push(String(args[0]));
      return original.apply(this, args);
    });
    try {
      const page = await run(people.afterSales, `query($customerId: ID!) { trips(filter: { customerId: $customerId }, first: 10) { edges { node { components segments { kind } all: segments(includeRemoved: true) { kind } } } } }`, { customerId });
      expect(page.errors).toBeUndefined();
      expect(page.data.trips.edges).toHaveLength(4);
      for (const { node } of page.data.trips.edges) expect(node.segments.map((s: { kind: string }) => s.kind)).toEqual(['FLIGHT', 'TRANSFER', 'HOTEL', 'TOUR', 'FLIGHT']);
    } finally {
      spy.mockRestore();
    }
    // One query for the current segments (segments and components share it), one with the removed ones too.
    expect(queries.filter((sql) => /FROM "trip_segment"/.test(sql))).toHaveLength(2);
  });
});
