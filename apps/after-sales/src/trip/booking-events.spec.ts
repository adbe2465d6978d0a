import { bookingCancelled, bookingChanged, bookingCompleted, bookingConfirmed, type BookingSnapshot, customerErased, customerMerged } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { aBooking, useAfterSales } from '../after-sales.fixture';
import { Trip } from './trip.entity';
import { TripSegment } from './trip-segment.entity';

describe('trips from the reservation system’s booking events (real Postgres)', () => {
  const world = useAfterSales();

  const tripOf = (reference: string) => world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: reference });
  const segmentsOf = (tripId: string) => world.db.dataSource.getRepository(TripSegment).find({ where: { tripId }, order: { position: 'ASC' } });
  const eventsOf = async (key: string) => (await world.db.outboxEvents()).filter((event) => event.key === key || event.data.referenceId === key);
  const later = (booking: BookingSnapshot, minutes: number, overrides: Partial<BookingSnapshot> = {}): BookingSnapshot => ({
    ...booking,
    changedAt: new Date(Date.parse(booking.changedAt) + minutes * 60_000).toISOString(),
    ...overrides,
  });

  it('makes a trip of a confirmed booking, announces trip.confirmed and puts it on the customer’s timeline', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    await world.deliver(bookingConfirmed, booking);

    const trip = await tripOf(booking.bookingReference);
    expect(trip).toMatchObject({
      customerId,
      status: 'CONFIRMED',
      startsAt: new Date('2026-12-12T17:40:00.000Z'),
      endsAt: new Date('2026-12-19T17:55:00.000Z'),
      travellers: 2,
      bookingChangedAt: new Date(booking.changedAt),
      confirmedAt: new Date(booking.changedAt),
      lastChangeVia: 'BOOKING_EVENT',
    });
    const segments = await segmentsOf(trip.id);
    expect(segments.map((s) => [s.kind, s.position, s.carrier ?? s.name ?? s.placeFrom])).toEqual([
      ['FLIGHT', 0, 'LH'],
      ['TRANSFER', 1, 'PVG Terminal 2'],
      ['HOTEL', 2, 'Hotel Bund'],
      ['TOUR', 3, 'Water towns of Jiangnan'],
      ['FLIGHT', 4, 'LH'],
    ]);
    const events = await eventsOf(trip.id);
    expect(events.map((e) => e.type)).toEqual(['trip.confirmed', 'after_sales.customer_timeline_entry']);
    const [confirmed, entry] = events;
    expect(confirmed.data).toEqual({
      tripId: trip.id,
      bookingReference: booking.bookingReference,
      customerId,
      startsAt: '2026-12-12T17:40:00.000Z',
      endsAt: '2026-12-19T17:55:00.000Z',
      components: ['FLIGHT', 'HOTEL', 'TOUR', 'TRANSFER'],
      via: 'BOOKING_EVENT',
      confirmedAt: booking.changedAt,
      reinstated: false,
    });
    expect(entry.key).toBe(customerId);
    expect(entry.data).toEqual({
      entryId: confirmed.headers.ce_id,
      customerId,
      kind: 'TRIP',
      summary: `Trip ${booking.bookingReference} confirmed: 2 flights, 1 hotel stay, 1 tour, 1 transfer, 2026-12-12 to 2026-12-19`,
      referenceId: trip.id,
      referenceNumber: booking.bookingReference,
      category: null,
      occurredAt: booking.changedAt,
    });
    // No place, name or hotel on the topics: ids, dates and kinds only.
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/Bund|Terminal|Jiangnan|PVG|FRA/);
  });

  it('applies a redelivered event once, and the same state under another event id changes nothing either', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    const eventId = randomUUID();
    await world.deliver(bookingConfirmed, booking, eventId);
    await world.deliver(bookingConfirmed, booking, eventId);
    await world.deliver(bookingConfirmed, booking); // the reservation system sent it again
    await world.deliver(bookingChanged, booking); // … or called the same state a change

    const trip = await tripOf(booking.bookingReference);
    expect(trip.version).toBe(1);
    expect(await segmentsOf(trip.id)).toHaveLength(5);
    expect((await eventsOf(trip.id)).map((e) => e.type)).toEqual(['trip.confirmed', 'after_sales.customer_timeline_entry']);
  });

  it('follows a change, keeping the ids of segments still booked, and ignores an older state arriving late', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    await world.deliver(bookingConfirmed, booking);
    const trip = await tripOf(booking.bookingReference);
    const [outbound, transfer, hotel, , inbound] = await segmentsOf(trip.id);

    // The tour is dropped, the flight home retimed and a night added at the hotel.
    const [f1, t1, h1, , f2] = booking.segments;
    const newer = later(booking, 60, {
      segments: [
        f1,
        t1,
        { ...h1, checkOutAt: '2026-12-20T03:00:00.000Z' } as BookingSnapshot['segments'][number],
        { ...f2, departureAt: '2026-12-20T05:00:00.000Z', arrivalAt: '2026-12-20T17:55:00.000Z' } as BookingSnapshot['segments'][number],
      ],
    });
    const older = later(booking, 30, { segments: [f1] });
    await world.deliver(bookingChanged, newer);
    await world.deliver(bookingChanged, older);

    const changed = await tripOf(booking.bookingReference);
    expect(changed).toMatchObject({ status: 'CONFIRMED', endsAt: new Date('2026-12-20T17:55:00.000Z'), bookingChangedAt: new Date(newer.changedAt), version: 2 });
    const segments = await segmentsOf(trip.id);
    const current = segments.filter((s) => !s.removedAt);
    // The flight home moved to another day: another flight. The hotel and transfer are the same segments.
    expect(current.map((s) => s.id).slice(0, 3)).toEqual([outbound.id, transfer.id, hotel.id]);
    expect(current[3].id).not.toBe(inbound.id);
    expect(segments.filter((s) => s.removedAt).map((s) => [s.kind, s.removedAt])).toEqual(
      expect.arrayContaining([
        ['TOUR', new Date(newer.changedAt)],
        ['FLIGHT', new Date(newer.changedAt)],
      ]),
    );
    const events = await eventsOf(trip.id);
    expect(events.map((e) => e.type)).toEqual(['trip.confirmed', 'after_sales.customer_timeline_entry', 'trip.changed']);
    expect(events[2].data).toMatchObject({ endsAt: '2026-12-20T17:55:00.000Z', segmentsAdded: 1, segmentsRemoved: 2, segmentsChanged: 1, changedAt: newer.changedAt, components: ['FLIGHT', 'HOTEL', 'TRANSFER'] });
  });

  it('takes events in any order: the newest state wins, whichever arrives last', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    // The cancellation overtakes the confirmation and a change.
    await world.deliver(bookingCancelled, later(booking, 120));
    await world.deliver(bookingConfirmed, booking);
    await world.deliver(bookingChanged, later(booking, 60, { travellers: 3 }));

    const trip = await tripOf(booking.bookingReference);
    expect(trip).toMatchObject({ status: 'CANCELLED', travellers: 2, cancelledAt: new Date(later(booking, 120).changedAt), confirmedAt: null });
    expect((await eventsOf(trip.id)).map((e) => e.type)).toEqual(['trip.cancelled', 'after_sales.customer_timeline_entry']);
  });

  it('cancels, reinstates and completes a trip, each step announced once with its timeline entry', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    await world.deliver(bookingConfirmed, booking);
    await world.deliver(bookingCancelled, later(booking, 10));
    await world.deliver(bookingConfirmed, later(booking, 20));
    await world.deliver(bookingCompleted, later(booking, 30));
    await world.deliver(bookingCompleted, later(booking, 40)); // said twice: nothing new

    const trip = await tripOf(booking.bookingReference);
    expect(trip).toMatchObject({ status: 'COMPLETED', completedVia: 'BOOKING_EVENT', completedAt: new Date(later(booking, 30).changedAt) });
    const events = await eventsOf(trip.id);
    expect(events.filter((e) => e.type.startsWith('trip.')).map((e) => [e.type, e.data.reinstated ?? null])).toEqual([
      ['trip.confirmed', false],
      ['trip.cancelled', null],
      ['trip.confirmed', true],
      ['trip.completed', null],
    ]);
    expect(events.filter((e) => e.type === 'after_sales.customer_timeline_entry').map((e) => e.data.summary)).toEqual([
      expect.stringMatching(/confirmed/),
      `Trip ${booking.bookingReference} cancelled (was 2026-12-12 to 2026-12-19)`,
      expect.stringMatching(/^Trip \S+ reinstated: /),
      `Trip ${booking.bookingReference} completed: back on 2026-12-19`,
    ]);
    // Each entry is its step's event: one fact, one entry.
    const steps = events.filter((e) => e.type.startsWith('trip.'));
    expect(events.filter((e) => e.type.endsWith('timeline_entry')).map((e) => e.data.entryId)).toEqual(steps.map((e) => e.headers.ce_id));
  });

  it('dead-letters a booking of a customer it does not know yet, and one breaking the rules between fields', async () => {
    const unknown = aBooking(randomUUID());
    await world.deliver(bookingConfirmed, unknown);
    const customerId = await world.learnCustomer();
    const [flight] = aBooking(customerId).segments;
    const backwards = aBooking(customerId, { segments: [{ ...flight, arrivalAt: '2026-12-12T10:00:00.000Z' } as BookingSnapshot['segments'][number]] });
    await world.deliver(bookingConfirmed, backwards);

    const letters = world.deadLetters.splice(0).map((m) => m.headers.dlq_error);
    expect(letters).toEqual([expect.stringMatching(/is for customer .* who is not known/), expect.stringMatching(/data\.segments\.0\.arrivalAt: must be after departureAt/)]);
    expect(await world.db.dataSource.getRepository(Trip).countBy({ customerId: unknown.customerId })).toBe(0);
  });

  it('records the booking of a merged customer on the surviving profile, and drops one of an erased customer', async () => {
    const survivor = await world.learnCustomer();
    const merged = await world.learnCustomer();
    await world.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-11-01T09:00:00.000Z' });
    const booking = aBooking(merged);
    await world.deliver(bookingConfirmed, booking);
    expect((await tripOf(booking.bookingReference)).customerId).toBe(survivor);

    const erased = await world.learnCustomer();
    await world.deliver(customerErased, { customerId: erased, erasedAt: '2026-11-01T09:00:00.000Z' });
    const dropped = aBooking(erased);
    await world.deliver(bookingConfirmed, dropped);
    expect(await world.db.dataSource.getRepository(Trip).countBy({ bookingReference: dropped.bookingReference })).toBe(0);
  });
});
