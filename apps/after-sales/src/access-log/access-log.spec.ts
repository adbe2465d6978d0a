import type { Identity } from '@carebridge/auth';
import { bookingCompleted, bookingConfirmed, tripCompleted } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { aBooking, people } from '../after-sales.fixture';
import { useDocuments } from '../document/document.fixture';
import { FollowUpSurvey } from '../follow-up/follow-up-survey.entity';
import { TripSegment } from '../trip/trip-segment.entity';
import { Trip } from '../trip/trip.entity';

const ADMIN: Identity = { userId: 'admin-ada', roles: ['admin'], name: 'Ada Admin' };

describe('after-sales personal-data access log (real Postgres)', () => {
  const world = useDocuments();
  const logged = () => world.db.dataSource.getRepository(PersonalDataAccess).find({ order: { accessedAt: 'ASC', customerId: 'ASC' } });
  const readsBy = async (userId: string) => (await logged()).filter((row) => row.accessedBy === userId).map((row) => ({ customerId: row.customerId, fields: row.fields, purpose: row.purpose }));
  beforeEach(() => world.db.dataSource.query('DELETE FROM personal_data_access'));

  async function aTrip(customerId: string): Promise<Trip> {
    const booking = aBooking(customerId);
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    await world.deliver(bookingConfirmed, booking);
    return world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: booking.bookingReference });
  }

  it('records which trip fields after_sales read unmasked, one row per customer for a whole list; an analyst’s masked read is not logged', async () => {
    const [ana, ben] = [await world.learnCustomer(), await world.learnCustomer()];
    await aTrip(ana);
    await aTrip(ben);
    const trips = `{ trips(first: 100) { edges { node { bookingReference segments { kind ... on TransferSegment { from to } } } } } }`;

    const read = await world.run(people.afterSales, trips);
    expect(read.errors).toBeUndefined();
    const rows = await readsBy(people.afterSales.userId);
    expect(rows.filter((row) => [ana, ben].includes(row.customerId))).toEqual(
      expect.arrayContaining([
        { customerId: ana, fields: ['trip.bookingReference', 'trip.segments.places'], purpose: 'READ' },
        { customerId: ben, fields: ['trip.bookingReference', 'trip.segments.places'], purpose: 'READ' },
      ]),
    );
    expect(new Set(rows.map((row) => row.customerId)).size).toBe(rows.length);
    // Never the data itself.
    const [booking] = read.data.trips.edges;
    expect(JSON.stringify(await logged())).not.toContain(booking.node.bookingReference);

    const masked = await world.run(people.analyst, trips);
    expect(masked.errors).toBeUndefined();
    expect(masked.data.trips.edges[0].node.bookingReference).toMatch(/\*\*$/);
    expect(await readsBy(people.analyst.userId)).toEqual([]);
  });

  it('records a survey’s words read by after_sales, not an analyst’s read of its figures', async () => {
    const customerId = await world.learnCustomer();
    const trip = await aTrip(customerId);
    world.db.clock.set('2026-12-20T09:00:00.000Z');
    const booking = aBooking(customerId, { bookingReference: trip.bookingReference as string });
    await world.deliver(bookingCompleted, { ...booking, changedAt: '2026-12-20T08:00:00.000Z' });
    const [completed] = (await world.db.outboxEvents()).filter((e) => e.type === 'trip.completed' && e.data.tripId === trip.id);
    await world.deliver(tripCompleted, completed.data, completed.headers.ce_id);
    const survey = await world.db.dataSource.getRepository(FollowUpSurvey).findOneByOrFail({ tripId: trip.id });
    await world.db.dataSource.getRepository(FollowUpSurvey).update(survey.id, { nps: 4, npsReason: 'Dirty room.', comment: 'Nice guide.' });
    const query = `query($id: ID!) { followUpSurvey(id: $id) { nps npsReason comment } }`;

    expect((await world.run(people.afterSales, query, { id: survey.id })).data.followUpSurvey).toEqual({ nps: 4, npsReason: 'Dirty room.', comment: 'Nice guide.' });
    expect(await readsBy(people.afterSales.userId)).toEqual([{ customerId, fields: ['followUpSurvey.comment', 'followUpSurvey.npsReason'], purpose: 'READ' }]);

    expect((await world.run(people.analyst, query, { id: survey.id })).data.followUpSurvey).toEqual({ nps: 4, npsReason: null, comment: null });
    expect(await readsBy(people.analyst.userId)).toEqual([]);
  });

  it('records a document’s personal fields read by after_sales, not the masked read of an analyst, and shows admins the log', async () => {
    const customerId = await world.learnCustomer();
    const request = await world.requestFor(customerId, 'TRAVEL_CERTIFICATE', { note: 'For my insurance.' });
    const query = `query($id: ID!) { customerDocument(id: $id) { requestNote } }`;

    expect((await world.run(people.afterSales, query, { id: request.id })).data.customerDocument).toEqual({ requestNote: 'For my insurance.' });
    expect((await world.run(people.analyst, query, { id: request.id })).data.customerDocument).toEqual({ requestNote: '***' });
    expect(await readsBy(people.afterSales.userId)).toEqual([{ customerId, fields: ['document.requestNote'], purpose: 'READ' }]);
    expect(await readsBy(people.analyst.userId)).toEqual([]);

    const log = `query($c: ID) { afterSalesPersonalDataAccessLog(filter: { customerId: $c }) { totalCount edges { node { customerId accessedBy accessorRoles fields purpose } } } }`;
    const forbidden = await world.run(people.afterSales, log, { c: customerId });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const answer = await world.run(ADMIN, log, { c: customerId });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.afterSalesPersonalDataAccessLog.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      customerId,
      accessedBy: people.afterSales.userId,
      accessorRoles: ['after_sales'],
      fields: ['document.requestNote'],
      purpose: 'READ',
    });
  });

  it('records an incident’s description read by after_sales under the incident’s customer, masked for a trainer and not logged', async () => {
    const customerId = await world.learnCustomer();
    const trip = await aTrip(customerId);
    const [flight] = await world.db.dataSource.getRepository(TripSegment).find({ where: { tripId: trip.id }, order: { position: 'ASC' } });
    const opened = await world.run(people.afterSales, `mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }`, {
      input: { customerId, tripId: trip.id, segmentId: flight.id, type: 'FLIGHT_CANCELLATION', severity: 'HIGH', description: 'Stranded at the gate.' },
    });
    expect(opened.errors).toBeUndefined();
    const query = `query($id: ID!) { incident(id: $id) { description } }`;
    const id = opened.data.openIncident.id;

    expect((await world.run(people.afterSales, query, { id })).data.incident).toEqual({ description: 'Stranded at the gate.' });
    expect(await readsBy(people.afterSales.userId)).toEqual([{ customerId, fields: ['incident.description'], purpose: 'READ' }]);
    expect((await world.run(people.trainer, query, { id })).data.incident).toEqual({ description: '***' });
    expect(await readsBy(people.trainer.userId)).toEqual([]);
  });
});
