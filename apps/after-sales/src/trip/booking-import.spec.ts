import type { FieldProblem } from '@carebridge/domain';
import { bookingChanged } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { aBooking, newBookingReference, people, useAfterSales } from '../after-sales.fixture';
import { Trip } from './trip.entity';

const IMPORT = `mutation($input: ImportBookingsInput!) {
  importBookings(input: $input) {
    imported created updated unchanged stale
    trips { id bookingReference status startsAt endsAt travellers lastChangeVia components
      segments { id kind startsAt endsAt ... on FlightSegment { carrier flightNumber origin destination departureAt arrivalAt distanceKm } } }
  }
}`;

/** A booking as a CSV row becomes it: codes in any case, the fields of each kind only. */
function bookingInput(customerId: string, overrides: Record<string, unknown> = {}) {
  return {
    bookingReference: newBookingReference().toLowerCase(),
    customerId,
    status: 'CONFIRMED',
    changedAt: '2026-11-01T10:00:00.000Z',
    travellers: 1,
    segments: [
      { kind: 'FLIGHT', carrier: 'lh', flightNumber: '400', origin: 'fra', destination: 'jfk', departureAt: '2026-12-01T10:00:00Z', arrivalAt: '2026-12-01T18:45:00Z', distanceKm: 6200 },
      { kind: 'HOTEL', name: ' The Jane ', city: 'New York', countryCode: 'us', checkInAt: '2026-12-01T20:00:00Z', checkOutAt: '2026-12-05T15:00:00Z' },
      { kind: 'FLIGHT', carrier: 'LH', flightNumber: '401', origin: 'JFK', destination: 'FRA', departureAt: '2026-12-05T22:00:00Z', arrivalAt: '2026-12-06T11:30:00Z' },
    ],
    ...overrides,
  };
}

/** Each field problem of a refused operation, as [field, rule]. */
const problemsOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  ((result.errors?.[0].extensions?.problems ?? []) as FieldProblem[]).map((p) => [p.field, p.rule]);

describe('importing bookings (importBookings, real Postgres)', () => {
  const world = useAfterSales({ AFTER_SALES_IMPORT_MAX_BOOKINGS: '5' });
  const trips = () => world.db.dataSource.getRepository(Trip).count();
  const run = (...args: Parameters<typeof world.run>) => world.run(...args);

  it('imports bookings as trips in one go, normalising codes, and announces each trip', async () => {
    const customerId = await world.learnCustomer();
    const first = bookingInput(customerId);
    const second = bookingInput(customerId, { status: 'COMPLETED', segments: [first.segments[0]] });

    const result = await run(people.integration, IMPORT, { input: { bookings: [first, second] } });

    expect(result.errors).toBeUndefined();
    const imported = result.data.importBookings;
    expect(imported).toMatchObject({ imported: 2, created: 2, updated: 0, unchanged: 0, stale: 0 });
    expect(imported.trips[0]).toMatchObject({
      bookingReference: first.bookingReference.toUpperCase(),
      status: 'CONFIRMED',
      startsAt: '2026-12-01T10:00:00.000Z',
      endsAt: '2026-12-06T11:30:00.000Z',
      lastChangeVia: 'IMPORT',
      components: ['FLIGHT', 'HOTEL'],
    });
    expect(imported.trips[0].segments[0]).toMatchObject({ kind: 'FLIGHT', carrier: 'LH', origin: 'FRA', destination: 'JFK', departureAt: '2026-12-01T10:00:00.000Z', distanceKm: 6200 });
    expect(imported.trips[1].status).toBe('COMPLETED');
    const types = (await world.db.outboxEvents()).filter((e) => [imported.trips[0].id, imported.trips[1].id].includes(e.key)).map((e) => [e.type, e.data.via]);
    expect(types).toEqual([
      ['trip.confirmed', 'IMPORT'],
      ['trip.completed', 'IMPORT'],
    ]);
  });

  it('imports the same file twice without a change, and never lets an import overwrite a newer booking event', async () => {
    const customerId = await world.learnCustomer();
    const booking = bookingInput(customerId);
    await run(people.integration, IMPORT, { input: { bookings: [booking] } });
    const again = await run(people.integration, IMPORT, { input: { bookings: [booking] } });
    expect(again.data.importBookings).toMatchObject({ created: 0, unchanged: 1 });

    // The reservation system's event of an hour later came first; the import of the older export is stale.
    const newer = aBooking(customerId, { bookingReference: newBookingReference(), changedAt: '2026-11-01T11:00:00.000Z' });
    await world.deliver(bookingChanged, newer);
    const stale = await run(people.integration, IMPORT, { input: { bookings: [bookingInput(customerId, { bookingReference: newer.bookingReference, changedAt: '2026-11-01T10:00:00.000Z' })] } });
    expect(stale.data.importBookings).toMatchObject({ stale: 1, trips: [{ bookingReference: newer.bookingReference, endsAt: '2026-12-19T17:55:00.000Z', lastChangeVia: 'BOOKING_EVENT' }] });
  });

  it('refuses the whole import when one segment is invalid, naming every field by row, and imports nothing', async () => {
    const customerId = await world.learnCustomer();
    const good = bookingInput(customerId);
    const [flight, hotel] = good.segments as Record<string, unknown>[];
    const bad = [
      good,
      bookingInput(customerId),
      bookingInput(customerId),
      bookingInput(customerId, {
        segments: [
          flight,
          { ...flight, origin: 'Frankfurt', destination: null, flightNumber: '400' },
          { ...hotel, checkOutAt: '2026-11-30T10:00:00Z', carrier: 'LH' },
          { kind: 'TRANSFER', from: 'JFK', pickupAt: '2026-12-01T19:00:00Z' },
        ],
      }),
    ];
    const before = await trips();

    const result = await run(people.integration, IMPORT, { input: { bookings: bad } });

    expect(result.data).toBeNull();
    const [error] = result.errors ?? [];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bookings.3.segments.2.carrier' });
    expect(problemsOf(result)).toEqual(
      expect.arrayContaining([
        ['input.bookings.3.segments.1.origin', 'format'],
        ['input.bookings.3.segments.1.destination', 'required'],
        ['input.bookings.3.segments.2.carrier', 'kind'],
        ['input.bookings.3.segments.3.to', 'required'],
      ]),
    );
    expect(error.message).toContain('input.bookings.3.segments.1.origin: must be a 3-letter IATA airport code such as FRA');
    expect(await trips()).toBe(before);
  });

  it('refuses rules between fields and unknown customers by row, all or nothing', async () => {
    const known = await world.learnCustomer();
    const good = bookingInput(known);
    const [flight, hotel, back] = good.segments as Record<string, unknown>[];
    const before = await trips();

    const result = await run(people.integration, IMPORT, {
      input: {
        bookings: [
          good,
          bookingInput(randomUUID()),
          bookingInput(known, { segments: [{ ...flight, destination: 'FRA' }, { ...hotel, checkOutAt: hotel.checkInAt }, back, back] }),
          bookingInput(known, { changedAt: '2027-01-01T00:00:00Z' }),
        ],
      },
    });

    expect(problemsOf(result)).toEqual([
      ['input.bookings.2.segments.0.destination', 'different'],
      ['input.bookings.2.segments.1.checkOutAt', 'after'],
      ['input.bookings.2.segments.3', 'unique'],
      ['input.bookings.3.changedAt', 'past'],
      ['input.bookings.1.customerId', 'known-customer'],
    ]);
    expect(await trips()).toBe(before);
  });

  it('refuses an empty import, one too large, and bad codes in a booking reference', async () => {
    const customerId = await world.learnCustomer();
    const empty = await run(people.integration, IMPORT, { input: { bookings: [] } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bookings' });
    const large = await run(people.integration, IMPORT, { input: { bookings: Array.from({ length: 6 }, () => bookingInput(customerId)) } });
    expect(large.errors?.[0].message).toMatch(/at most 5 bookings/);
    const reference = await run(people.integration, IMPORT, { input: { bookings: [bookingInput(customerId, { bookingReference: 'AB C/12' })] } });
    expect(reference.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bookings.0.bookingReference' });
  });

  it('is for the integration role (and admin): staff cannot import', async () => {
    const customerId = await world.learnCustomer();
    for (const who of [people.afterSales, people.agent, people.analyst]) {
      const refused = await run(who, IMPORT, { input: { bookings: [bookingInput(customerId)] } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await run({ userId: 'admin-ada', roles: ['admin'] }, IMPORT, { input: { bookings: [bookingInput(customerId)] } });
    expect(admin.errors).toBeUndefined();
  });
});
