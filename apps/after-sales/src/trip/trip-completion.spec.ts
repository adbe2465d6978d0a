import { bookingCancelled, bookingCompleted, bookingConfirmed, customerErased } from '@carebridge/event-contracts';
import { aBooking, useAfterSales } from '../after-sales.fixture';
import { Trip } from './trip.entity';

describe('completing trips whose end has passed (trip-completion, real Postgres)', () => {
  const world = useAfterSales({ AFTER_SALES_TRIP_COMPLETION_DELAY_HOURS: '24' });
  const tripOf = (reference: string) => world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: reference });
  const stepsOf = async (tripId: string) => (await world.db.outboxEvents()).filter((e) => e.key === tripId).map((e) => [e.type, e.data.via]);

  it('completes a confirmed trip a day after its end, once, and lets the reservation system’s later word count', async () => {
    const customerId = await world.learnCustomer();
    const back = aBooking(customerId); // back on 2026-12-19T17:55Z
    const cancelled = aBooking(customerId);
    const erasedCustomer = await world.learnCustomer();
    const erased = aBooking(erasedCustomer);
    for (const booking of [back, cancelled, erased]) await world.deliver(bookingConfirmed, booking);
    await world.deliver(bookingCancelled, { ...cancelled, changedAt: '2026-11-01T12:00:00.000Z' });
    await world.deliver(customerErased, { customerId: erasedCustomer, erasedAt: '2026-11-02T09:00:00.000Z' });

    world.db.clock.set('2026-12-20T17:00:00.000Z');
    expect(await world.tripCompletion.completeEnded()).toBe(0);
    world.db.clock.set('2026-12-20T18:00:00.000Z');
    expect(await world.tripCompletion.completeEnded()).toBe(1);
    expect(await world.tripCompletion.completeEnded()).toBe(0);

    const trip = await tripOf(back.bookingReference);
    expect(trip).toMatchObject({ status: 'COMPLETED', completedVia: 'SCHEDULE', completedAt: new Date('2026-12-20T18:00:00.000Z') });
    expect(await stepsOf(trip.id)).toEqual([
      ['trip.confirmed', 'BOOKING_EVENT'],
      ['trip.completed', 'SCHEDULE'],
    ]);
    expect((await tripOf(cancelled.bookingReference)).status).toBe('CANCELLED');

    // The reservation system's own completion comes later: nothing new. A late cancellation still counts.
    world.db.clock.set('2026-12-20T21:00:00.000Z');
    await world.deliver(bookingCompleted, { ...back, changedAt: '2026-12-20T19:00:00.000Z' });
    expect(await stepsOf(trip.id)).toHaveLength(2);
    await world.deliver(bookingCancelled, { ...back, changedAt: '2026-12-20T20:00:00.000Z' });
    expect((await tripOf(back.bookingReference)).status).toBe('CANCELLED');
    expect((await stepsOf(trip.id)).at(-1)).toEqual(['trip.cancelled', 'BOOKING_EVENT']);
  });

  it('completes nothing by schedule with a delay of 0', async () => {
    const { openAfterSales } = await import('../after-sales.fixture');
    const never = await openAfterSales({ AFTER_SALES_TRIP_COMPLETION_DELAY_HOURS: '0' });
    try {
      await never.deliver(bookingConfirmed, aBooking(await never.learnCustomer()));
      never.db.clock.set('2027-06-01T00:00:00.000Z');
      expect(await never.tripCompletion.completeEnded()).toBe(0);
    } finally {
      await never.close();
    }
  });
});
