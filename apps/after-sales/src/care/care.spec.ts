import { bookingCompleted, bookingConfirmed } from '@carebridge/event-contracts';
import { aBooking, people, useAfterSales } from '../after-sales.fixture';
import { Trip } from '../trip/trip.entity';
import { CareContact } from './care-contact.entity';

describe('regular care: pre-departure reminders and trip anniversaries (real Postgres)', () => {
  const world = useAfterSales();
  const contactsOf = (tripId: string) => world.db.dataSource.getRepository(CareContact).find({ where: { tripId }, order: { kind: 'ASC' } });
  const tripIdOf = async (reference: string) => (await world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: reference })).id;

  it('produces each reminder once, N days before departure, for customers who did not opt out, and announces it', async () => {
    const customerId = await world.learnCustomer();
    const optedOut = await world.learnCustomer();
    const booking = aBooking(customerId); // leaves 2026-12-12T17:40Z
    const other = aBooking(optedOut);
    await world.deliver(bookingConfirmed, booking);
    await world.deliver(bookingConfirmed, other);
    await world.run(people.afterSales, `mutation($input: SetCustomerContactPreferencesInput!) { setCustomerContactPreferences(input: $input) { careOptOut } }`, {
      input: { customerId: optedOut, careOptOut: true },
    });
    const tripId = await tripIdOf(booking.bookingReference);

    world.db.clock.set('2026-11-10T09:00:00.000Z');
    expect(await world.careContacts.run()).toMatchObject({ PRE_DEPARTURE_VISA: 0, PRE_DEPARTURE_DOCUMENTS: 0 });
    world.db.clock.set('2026-11-13T09:00:00.000Z');
    expect(await world.careContacts.run()).toMatchObject({ PRE_DEPARTURE_VISA: 1, PRE_DEPARTURE_DOCUMENTS: 0, PRE_DEPARTURE_CHECK_IN: 0 });
    world.db.clock.set('2026-12-01T09:00:00.000Z');
    expect(await world.careContacts.run()).toMatchObject({ PRE_DEPARTURE_VISA: 0, PRE_DEPARTURE_DOCUMENTS: 1, PRE_DEPARTURE_CHECK_IN: 0 });
    world.db.clock.set('2026-12-11T18:00:00.000Z');
    expect(await world.careContacts.run()).toMatchObject({ PRE_DEPARTURE_CHECK_IN: 1 });
    expect(await world.careContacts.run()).toMatchObject({ PRE_DEPARTURE_VISA: 0, PRE_DEPARTURE_DOCUMENTS: 0, PRE_DEPARTURE_CHECK_IN: 0 });

    const contacts = await contactsOf(tripId);
    expect(contacts.map((c) => [c.kind, c.dueAt.toISOString(), c.status])).toEqual([
      ['PRE_DEPARTURE_DOCUMENTS', '2026-12-01T09:00:00.000Z', 'OPEN'],
      ['PRE_DEPARTURE_VISA', '2026-11-13T09:00:00.000Z', 'OPEN'],
      ['PRE_DEPARTURE_CHECK_IN', '2026-12-11T18:00:00.000Z', 'OPEN'],
    ]);
    expect(await contactsOf(await tripIdOf(other.bookingReference))).toEqual([]);
    const due = (await world.db.outboxEvents()).filter((e) => e.type === 'care_contact.due' && e.data.tripId === tripId);
    expect(due.map((e) => e.data.kind)).toEqual(['PRE_DEPARTURE_VISA', 'PRE_DEPARTURE_DOCUMENTS', 'PRE_DEPARTURE_CHECK_IN']);
    expect(due[0].data).toEqual({ careContactId: contacts[1].id, customerId, tripId, kind: 'PRE_DEPARTURE_VISA', dueAt: '2026-11-13T09:00:00.000Z', occasionAt: '2026-12-12T17:40:00.000Z' });

    // Staff list and complete them; a rule can change or be switched off.
    const listed = await world.run(people.afterSales, `{ careContacts(filter: { status: [OPEN] }) { totalCount edges { node { id kind customer { id } } } } }`);
    expect(listed.data.careContacts.totalCount).toBe(3);
    const done = await world.run(people.afterSales, `mutation($input: CompleteCareContactInput!) { completeCareContact(input: $input) { status doneBy } }`, {
      input: { careContactId: contacts[0].id, note: 'Reminded about the passport.' },
    });
    expect(done.data.completeCareContact).toEqual({ status: 'DONE', doneBy: 'as-asa' });
    const rule = await world.run(people.afterSales, `mutation($input: SetCareRuleInput!) { setCareRule(input: $input) { kind daysBefore active } }`, {
      input: { kind: 'PRE_DEPARTURE_CHECK_IN', daysBefore: 400, active: true },
    });
    expect(rule.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.daysBefore' });
  });

  it('reminds of a trip’s anniversary once a year', async () => {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId); // starts 2026-12-12T17:40Z
    await world.deliver(bookingConfirmed, booking);
    world.db.clock.set('2026-12-20T09:00:00.000Z');
    await world.deliver(bookingCompleted, { ...booking, changedAt: '2026-12-20T08:00:00.000Z' });
    const tripId = await tripIdOf(booking.bookingReference);
    await world.run(people.afterSales, `mutation { setCareRule(input: { kind: TRIP_ANNIVERSARY, daysBefore: 3, active: true }) { kind } }`);

    world.db.clock.set('2027-12-08T09:00:00.000Z');
    expect((await world.careContacts.run()).TRIP_ANNIVERSARY).toBe(0);
    world.db.clock.set('2027-12-09T09:00:00.000Z');
    expect((await world.careContacts.run()).TRIP_ANNIVERSARY).toBe(1);
    world.db.clock.set('2027-12-12T09:00:00.000Z');
    expect((await world.careContacts.run()).TRIP_ANNIVERSARY).toBe(0);
    world.db.clock.set('2028-12-10T09:00:00.000Z');
    expect((await world.careContacts.run()).TRIP_ANNIVERSARY).toBe(1);
    expect((await contactsOf(tripId)).map((c) => [c.kind, c.occasionAt.toISOString()])).toEqual([
      ['TRIP_ANNIVERSARY', '2027-12-12T17:40:00.000Z'],
      ['TRIP_ANNIVERSARY', '2028-12-12T17:40:00.000Z'],
    ]);
  });
});
