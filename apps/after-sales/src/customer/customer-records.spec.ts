import { CustomerExportPart } from '@carebridge/customer-export';
import { bookingChanged, bookingConfirmed, customerErased, customerExportRequested, customerMerged } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { aBooking, people, useAfterSales } from '../after-sales.fixture';
import { TripSegment } from '../trip/trip-segment.entity';
import { Trip } from '../trip/trip.entity';

describe('after-sales’ records about a customer: export, merge and erasure of trips (real Postgres)', () => {
  const world = useAfterSales();

  const requestExport = (exportId: string, customerId: string) =>
    world.deliver(customerExportRequested, { exportId, customerId, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' });
  const partOf = (exportId: string) => world.db.dataSource.getRepository(CustomerExportPart).findOneByOrFail({ exportId });

  it('exports every trip of the customer with its segments, merged profiles’ included, and nobody else’s', async () => {
    const customerId = await world.learnCustomer();
    const merged = await world.learnCustomer();
    const other = await world.learnCustomer();
    const own = aBooking(customerId);
    const fromMerged = aBooking(merged, { segments: aBooking(merged).segments.slice(0, 1) });
    await world.deliver(bookingConfirmed, own);
    await world.deliver(bookingConfirmed, fromMerged);
    await world.deliver(bookingConfirmed, aBooking(other));
    await world.deliver(customerMerged, { survivorId: customerId, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-11-02T08:00:00.000Z' });

    const exportId = randomUUID();
    await requestExport(exportId, customerId);

    const part = await partOf(exportId);
    const document = part.document as Record<string, any>;
    expect(document).toMatchObject({ format: 'carebridge.after-sales.customer-export/v1', service: 'after-sales', exportId, customerId });
    expect(document.trips.map((t: any) => t.bookingReference).sort()).toEqual([own.bookingReference, fromMerged.bookingReference].sort());
    expect(document.trips[0]).not.toHaveProperty('version');
    expect(document.trips.every((t: any) => t.customerId === customerId)).toBe(true);
    expect(document.tripSegments).toHaveLength(6);
    expect(document.tripSegments[0]).not.toHaveProperty('matchKey');
    expect(document.tripSegments).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TRANSFER', placeFrom: 'PVG Terminal 2' })]));
    expect(part.recordCount).toBe(2 + 6);
    const prepared = (await world.db.outboxEvents()).filter((e) => e.type === 'after_sales.customer_export_prepared');
    expect(prepared).toEqual([expect.objectContaining({ key: exportId, data: expect.objectContaining({ exportId, customerId, recordCount: 8 }) })]);

    // The merged trip moved to the survivor: version and update time tell.
    const moved = await world.tripQueries.findByBookingReference(fromMerged.bookingReference);
    expect(moved).toMatchObject({ customerId, version: 2, updatedAt: new Date('2026-11-02T08:00:00.000Z') });
  });

  it('serves the part to the gateway under the field `afterSales`', async () => {
    const customerId = await world.learnCustomer();
    const exportId = randomUUID();
    await requestExport(exportId, customerId);
    const resolved = await world.customers.exportGraph().references.CustomerDataExport.__resolveReference({ id: exportId }, {});
    expect(resolved).toMatchObject({ id: exportId, afterSales: { recordCount: 0, trips: [] } });
  });

  it('anonymises an erased customer’s trips: no booking reference, no transfer places; later bookings for it are dropped', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId);
    await world.deliver(bookingConfirmed, booking);
    const trip = await world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: booking.bookingReference });

    await world.deliver(customerErased, { customerId, erasedAt: '2026-11-02T09:30:00.000Z' });
    await world.deliver(customerErased, { customerId, erasedAt: '2026-11-02T09:30:00.000Z' }); // delivered again: nothing more happens

    const erased = await world.db.dataSource.getRepository(Trip).findOneByOrFail({ id: trip.id });
    expect(erased).toMatchObject({ bookingReference: null, anonymisedAt: new Date('2026-11-02T09:30:00.000Z'), version: 2, customerId, status: 'CONFIRMED' });
    const segments = await world.db.dataSource.getRepository(TripSegment).find({ where: { tripId: trip.id }, order: { position: 'ASC' } });
    const [transfer] = segments.filter((s) => s.kind === 'TRANSFER');
    expect(transfer).toMatchObject({ placeFrom: '[erased]', placeTo: '[erased]', matchKey: `erased:${transfer.id}` });
    // Figures stay: kinds, flights, dates.
    expect(segments.find((s) => s.kind === 'FLIGHT')).toMatchObject({ carrier: 'LH', origin: 'FRA', destination: 'PVG' });

    // The reservation system still knows the booking; after-sales does not take it up again.
    world.db.clock.set('2026-11-02T10:00:00.000Z');
    await world.deliver(bookingChanged, { ...booking, changedAt: '2026-11-02T09:40:00.000Z' });
    expect(await world.db.dataSource.getRepository(Trip).countBy({ customerId })).toBe(1);
    expect(await world.tripQueries.findByBookingReference(booking.bookingReference)).toBeNull();
    // Its trip shows as anonymised to staff.
    const read = await world.run(people.afterSales, `query($id: ID!) { trip(id: $id) { bookingReference anonymisedAt segments { ... on TransferSegment { from } } } }`, { id: trip.id });
    expect(read.data.trip).toMatchObject({ bookingReference: null, anonymisedAt: '2026-11-02T09:30:00.000Z' });
  });
});
