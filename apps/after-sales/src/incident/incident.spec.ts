import type { Identity } from '@carebridge/auth';
import { bookingConfirmed, customerErased } from '@carebridge/event-contracts';
import { aBooking, people, useAfterSales } from '../after-sales.fixture';
import { Trip } from '../trip/trip.entity';
import { TripSegment } from '../trip/trip-segment.entity';
import { Incident, IncidentTimelineEntry } from './incident.entity';
import { PartnerTask } from './partner-task/partner-task.entity';

const courier: Identity = { userId: 'courier-swift', roles: ['integration'], name: 'Swift Couriers' };

describe('in-trip incidents (real Postgres)', () => {
  const world = useAfterSales();

  /** A customer with a trip: KL 1675 Amsterdam–Barcelona (1,241 km) on 20 November 2026 and a hotel. */
  async function aTrip() {
    const customerId = await world.learnCustomer();
    const booking = aBooking(customerId, {
      segments: [
        { kind: 'FLIGHT', carrier: 'KL', flightNumber: '1675', origin: 'AMS', destination: 'BCN', departureAt: '2026-11-20T09:00:00.000Z', arrivalAt: '2026-11-20T11:30:00.000Z' },
        { kind: 'HOTEL', name: 'Hotel Arts', city: 'Barcelona', countryCode: 'ES', checkInAt: '2026-11-20T14:00:00.000Z', checkOutAt: '2026-11-24T10:00:00.000Z' },
      ],
    });
    await world.deliver(bookingConfirmed, booking);
    const trip = await world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: booking.bookingReference });
    const segments = await world.db.dataSource.getRepository(TripSegment).find({ where: { tripId: trip.id }, order: { position: 'ASC' } });
    return { customerId, trip, flight: segments[0], hotel: segments[1], bookingReference: booking.bookingReference };
  }

  const OPEN = `mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id number type category status severity description customer { id } emergencyProcedure { articleId dutyContact } } }`;

  async function open(input: Record<string, unknown>) {
    const result = await world.run(people.afterSales, OPEN, { input: { severity: 'HIGH', description: 'Passenger stranded at the gate with two children.', ...input } });
    expect(result.errors).toBeUndefined();
    return result.data.openIncident;
  }

  const eventsOf = async (type: string) => (await world.db.outboxEvents()).filter((e) => e.type === type);

  it('computes €250 for a 1,241 km EU flight cancelled 3 days ahead with no re-routing, quoting the article, and raises a complaint carrying it', async () => {
    const { customerId, trip, flight, bookingReference } = await aTrip();
    world.db.clock.set('2026-11-21T10:00:00.000Z');
    const incident = await open({ customerId, tripId: trip.id, segmentId: flight.id, type: 'FLIGHT_CANCELLATION', occurredAt: '2026-11-17T09:00:00.000Z' });
    expect(incident).toMatchObject({ number: 'INC-2026-000001', category: 'FLIGHT_DISRUPTION', status: 'OPEN', customer: { id: customerId }, emergencyProcedure: null });
    const linked = await world.run(people.agent, `query ($id: ID!, $trip: ID!) { incident(id: $id) { trip { id } } trip(id: $trip) { incidents { totalCount } } }`, { id: incident.id, trip: trip.id });
    expect(linked.data).toEqual({ incident: { trip: { id: trip.id } }, trip: { incidents: { totalCount: 1 } } });

    const computed = await world.run(
      people.afterSales,
      `mutation ($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) {
         entitlements { regime kind measure amount currency legalBasis articles explanation ruleVersion } timeline { action } } }`,
      { input: { incidentId: incident.id, noticeGivenAt: '2026-11-17T09:00:00.000Z' } },
    );
    expect(computed.errors).toBeUndefined();
    const compensation = computed.data.computeIncidentEntitlements.entitlements.find((e: any) => e.regime === 'EU261' && e.kind === 'COMPENSATION');
    expect(compensation).toMatchObject({ measure: 'FIXED_AMOUNT', amount: '250.00', currency: 'EUR' });
    expect(compensation.legalBasis).toMatch(/Regulation \(EC\) No 261\/2004, Art\. .*7\(1\)\(a\)/);
    expect(compensation.ruleVersion).toBeTruthy();
    expect(compensation.explanation).toMatch(/1,241 km/);
    expect(computed.data.computeIncidentEntitlements.timeline.map((t: any) => t.action)).toEqual(['OPENED', 'ENTITLEMENTS_COMPUTED']);

    const [event] = await eventsOf('entitlement.computed');
    expect(event.key).toBe(incident.id);
    expect(event.data.entitlements).toEqual(expect.arrayContaining([expect.objectContaining({ regime: 'EU261', kind: 'COMPENSATION', amount: '250.00', currency: 'EUR' })]));
    expect(JSON.stringify(event.data)).not.toMatch(/stranded|children/);

    const raise = `mutation ($input: RaiseComplaintForIncidentInput!) { raiseComplaintForIncident(input: $input) { complaintRaisedAt } }`;
    const raised = await world.run(people.afterSales, raise, { input: { incidentId: incident.id } });
    expect(raised.errors).toBeUndefined();
    const [complaint] = await eventsOf('incident.complaint_raised');
    expect(complaint.data).toMatchObject({
      incidentId: incident.id,
      customerId,
      complaintCategory: 'FLIGHT_DELAY_CANCELLATION',
      urgency: 'HIGH',
      bookingReference,
      segmentLabel: 'KL 1675 AMS–BCN on 2026-11-20',
      proposedCompensation: [expect.objectContaining({ kind: 'REFUND', amount: '250.00', currency: 'EUR', regime: 'EU261', legalBasis: compensation.legalBasis })],
    });
    const timelineEntries = (await world.db.outboxEvents()).filter((e) => e.type === 'after_sales.customer_timeline_entry' && e.data.kind === 'INCIDENT');
    expect(timelineEntries.map((e) => e.data.summary)).toEqual(['Incident INC-2026-000001 opened: flight cancellation (high severity)', 'Complaint raised for incident INC-2026-000001: flight cancellation']);

    const again = await world.run(people.afterSales, raise, { input: { incidentId: incident.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('takes a delayed bag’s file from open to suspended to closed, with the courier’s delivery', async () => {
    const { customerId, trip, flight, bookingReference } = await aTrip();
    world.db.clock.set('2026-11-20T12:30:00.000Z');
    const incident = await open({ customerId, tripId: trip.id, segmentId: flight.id, type: 'BAGGAGE_DELAYED', severity: 'MEDIUM' });
    const file = `reference status outcome lossReason faultStation foundStation deliveries { id status courier address deliveredAt updates { updateId status } } bagDescription`;

    const opened = await world.run(people.afterSales, `mutation ($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { ${file} } }`, {
      input: { incidentId: incident.id, reference: 'bcnkl12345', bagTag: 'KL123456', bagDescription: 'Red hard-shell suitcase' },
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openBaggageFile).toMatchObject({ reference: 'BCNKL12345', status: 'OPEN' });

    const duplicate = await open({ customerId, tripId: trip.id, segmentId: flight.id, type: 'BAGGAGE_DAMAGED' });
    const taken = await world.run(people.afterSales, `mutation ($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { id } }`, { input: { incidentId: duplicate.id, reference: 'BCNKL12345' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
    const malformed = await world.run(people.afterSales, `mutation ($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { id } }`, { input: { incidentId: duplicate.id, reference: 'BCN12345' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });

    world.db.clock.set('2026-11-21T08:00:00.000Z');
    const suspended = await world.run(people.afterSales, `mutation ($input: SuspendBaggageFileInput!) { suspendBaggageFile(input: $input) { ${file} } }`, {
      input: { reference: 'BCNKL12345', foundAt: '2026-11-21T07:30:00.000Z', foundStation: 'AMS' },
    });
    expect(suspended.data.suspendBaggageFile).toMatchObject({ status: 'SUSPENDED', foundStation: 'AMS' });

    const ordered = await world.run(people.afterSales, `mutation ($input: OrderBaggageDeliveryInput!) { orderBaggageDelivery(input: $input) { id status } }`, {
      input: { reference: 'BCNKL12345', courier: 'Swift Couriers', address: 'Hotel Arts, Carrer de la Marina 19, Barcelona', expectedAt: '2026-11-21T18:00:00.000Z' },
    });
    const deliveryId = ordered.data.orderBaggageDelivery.id;

    const update = `mutation ($input: RecordCourierUpdateInput!) { recordCourierUpdate(input: $input) { status deliveredAt } }`;
    world.db.clock.set('2026-11-21T17:00:00.000Z');
    await world.run(courier, update, { input: { deliveryId, updateId: 'u-1', status: 'PICKED_UP', at: '2026-11-21T12:00:00.000Z' } });
    const delivered = await world.run(courier, update, { input: { deliveryId, updateId: 'u-2', status: 'DELIVERED', at: '2026-11-21T16:40:00.000Z' } });
    expect(delivered.data.recordCourierUpdate).toEqual({ status: 'DELIVERED', deliveredAt: '2026-11-21T16:40:00.000Z' });
    // The same update again, and a late one, change nothing.
    const replay = await world.run(courier, update, { input: { deliveryId, updateId: 'u-2', status: 'DELIVERED', at: '2026-11-21T16:40:00.000Z' } });
    expect(replay.errors).toBeUndefined();
    await world.run(courier, update, { input: { deliveryId, updateId: 'u-0', status: 'IN_TRANSIT', at: '2026-11-21T13:00:00.000Z' } });
    const staffOnly = await world.run(people.agent, update, { input: { deliveryId, updateId: 'u-9', status: 'FAILED', at: '2026-11-21T16:50:00.000Z' } });
    expect(staffOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const passenger = `query ($reference: String!, $bookingReference: String!) { passengerBaggageStatus(reference: $reference, bookingReference: $bookingReference) { reference status summary deliveryStatus deliveredAt } }`;
    const seen = await world.run(people.analyst, passenger, { reference: 'BCNKL12345', bookingReference });
    expect(seen.data.passengerBaggageStatus).toEqual({ reference: 'BCNKL12345', status: 'SUSPENDED', summary: 'Your bag has been delivered.', deliveryStatus: 'DELIVERED', deliveredAt: '2026-11-21T16:40:00.000Z' });
    const wrongBooking = await world.run(people.analyst, passenger, { reference: 'BCNKL12345', bookingReference: 'NOPE42' });
    expect(wrongBooking.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const closed = await world.run(people.afterSales, `mutation ($input: CloseBaggageFileInput!) { closeBaggageFile(input: $input) { ${file} receivedAt } }`, {
      input: { reference: 'BCNKL12345', outcome: 'DELIVERED', lossReason: 'TRANSFER_MISHANDLING', faultStation: 'ams' },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeBaggageFile).toMatchObject({
      status: 'CLOSED',
      outcome: 'DELIVERED',
      lossReason: 'TRANSFER_MISHANDLING',
      faultStation: 'AMS',
      receivedAt: '2026-11-21T16:40:00.000Z',
      deliveries: [{ status: 'DELIVERED', courier: 'Swift Couriers', updates: [{ updateId: 'u-1' }, { updateId: 'u-0' }, { updateId: 'u-2' }] }],
    });
    const reclose = await world.run(people.afterSales, `mutation ($input: CloseBaggageFileInput!) { closeBaggageFile(input: $input) { id } }`, {
      input: { reference: 'BCNKL12345', outcome: 'LOST', lossReason: 'OTHER', faultStation: 'AMS' },
    });
    expect(reclose.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'CLOSED' });

    expect((await world.db.outboxEvents()).map((e) => e.type).filter((t) => t.startsWith('baggage_file.'))).toEqual([
      'baggage_file.opened',
      'baggage_file.suspended',
      'baggage_file.delivery_updated',
      'baggage_file.delivery_updated',
      'baggage_file.delivery_updated',
      'baggage_file.closed',
    ]);
    const [closedEvent] = await eventsOf('baggage_file.closed');
    expect(closedEvent.data).toMatchObject({ reference: 'BCNKL12345', outcome: 'DELIVERED', lossReason: 'TRANSFER_MISHANDLING', faultStation: 'AMS' });
    expect(JSON.stringify((await world.db.outboxEvents()).map((e) => e.data))).not.toMatch(/Marina|suitcase/);

    // The bag's Montreal claim window runs from receipt: 21 days for delay.
    const computed = await world.run(people.afterSales, `mutation ($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { deadlines { regime kind dueAt article } } }`, {
      input: { incidentId: incident.id },
    });
    expect(computed.errors).toBeUndefined();
    expect(computed.data.computeIncidentEntitlements.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ regime: 'MONTREAL_CONVENTION', kind: 'CLAIM_WINDOW_ENDS', dueAt: '2026-12-12T22:59:59.999Z' })]),
    );
  });

  it('coordinates with partners: tasks with owners and due times, answers recorded, overdue ones listed and announced once', async () => {
    const { customerId, trip, hotel } = await aTrip();
    world.db.clock.set('2026-11-21T09:00:00.000Z');
    const incident = await open({ customerId, tripId: trip.id, segmentId: hotel.id, type: 'ACCOMMODATION_PROBLEM', partners: [{ kind: 'HOTEL', name: 'Hotel Arts' }] });
    const assign = `mutation ($input: AssignPartnerTaskInput!) { assignPartnerTask(input: $input) { id ownerId dueAt status } }`;
    const hotelTask = await world.run(people.afterSales, assign, { input: { incidentId: incident.id, partnerKind: 'HOTEL', partnerName: 'Hotel Arts', request: 'Move the family to a quiet room.', dueAt: '2026-11-21T12:00:00.000Z' } });
    expect(hotelTask.data.assignPartnerTask).toMatchObject({ ownerId: 'as-asa', status: 'OPEN', dueAt: '2026-11-21T12:00:00.000Z' });
    const insurer = await world.run(people.afterSales, assign, { input: { incidentId: incident.id, partnerKind: 'INSURER', partnerName: 'TravelSafe', request: 'Confirm cover.', ownerId: 'as-bea' } });
    expect(insurer.data.assignPartnerTask).toMatchObject({ ownerId: 'as-bea', dueAt: '2026-11-22T09:00:00.000Z' });
    const past = await world.run(people.afterSales, assign, { input: { incidentId: incident.id, partnerKind: 'HOTEL', partnerName: 'Hotel Arts', request: 'x', dueAt: '2026-11-20T12:00:00.000Z' } });
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueAt' });

    world.db.clock.set('2026-11-21T13:00:00.000Z');
    const overdue = await world.run(people.afterSales, `{ overduePartnerTasks { totalCount edges { node { id partnerName } } } }`);
    expect(overdue.data.overduePartnerTasks).toMatchObject({ totalCount: 1, edges: [{ node: { id: hotelTask.data.assignPartnerTask.id, partnerName: 'Hotel Arts' } }] });
    expect(await world.incidents.taskMonitor.run(world.db.clock.now())).toEqual({ breached: 1 });
    expect(await world.incidents.taskMonitor.run(world.db.clock.now())).toEqual({ breached: 0 });
    const [announced] = await eventsOf('partner_task.overdue');
    expect(announced.data).toEqual({ taskId: hotelTask.data.assignPartnerTask.id, incidentId: incident.id, partnerKind: 'HOTEL', ownerId: 'as-asa', dueAt: '2026-11-21T12:00:00.000Z', overdueAt: '2026-11-21T13:00:00.000Z' });

    const answered = await world.run(people.afterSales, `mutation ($input: RecordPartnerAnswerInput!) { recordPartnerAnswer(input: $input) { status answer answeredBy } }`, {
      input: { taskId: hotelTask.data.assignPartnerTask.id, answer: 'Moved to room 1204.' },
    });
    expect(answered.data.recordPartnerAnswer).toEqual({ status: 'ANSWERED', answer: 'Moved to room 1204.', answeredBy: 'as-asa' });

    const read = `query ($id: ID!) { incident(id: $id) { description customer { id } tasks { request answer } timeline { action note } } }`;
    const forAnalyst = await world.run(people.analyst, read, { id: incident.id });
    expect(forAnalyst.data.incident).toMatchObject({ description: '***', customer: null, tasks: [{ request: '***', answer: '***' }, { request: '***', answer: null }] });
    const forAgent = await world.run(people.agent, read, { id: incident.id });
    expect(forAgent.data.incident.tasks[0].answer).toBe('Moved to room 1204.');
    expect(forAgent.data.incident.timeline.map((t: any) => t.action)).toEqual(['OPENED', 'TASK_ASSIGNED', 'TASK_ASSIGNED', 'TASK_OVERDUE', 'TASK_ANSWERED']);
    const agentWrites = await world.run(people.agent, assign, { input: { incidentId: incident.id, partnerKind: 'HOTEL', partnerName: 'H', request: 'x' } });
    expect(agentWrites.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const resolved = await world.run(people.afterSales, `mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { status allowedNextStatuses } }`, {
      input: { incidentId: incident.id, resolution: 'Family moved, insurer informed.' },
    });
    expect(resolved.data.resolveIncident).toEqual({ status: 'RESOLVED', allowedNextStatuses: ['CLOSED', 'IN_PROGRESS'] });
    const [resolvedEvent] = await eventsOf('incident.resolved');
    expect(resolvedEvent.data).toMatchObject({ incidentId: incident.id, openTasks: 1, type: 'ACCOMMODATION_PROBLEM' });

    // Erasure anonymises the words of the passenger, staff and partners.
    await world.deliver(customerErased, { customerId, erasedAt: '2026-11-22T09:00:00.000Z' });
    const erased = await world.db.dataSource.getRepository(Incident).findOneByOrFail({ id: incident.id });
    expect(erased.description).toBe('[erased]');
    expect(erased.anonymisedAt).not.toBeNull();
    const tasks = await world.db.dataSource.getRepository(PartnerTask).find({ where: { incidentId: incident.id } });
    expect(tasks.map((t) => [t.request, t.answer])).toEqual(expect.arrayContaining([['[erased]', '[erased]']]));
    const notes = await world.db.dataSource.getRepository(IncidentTimelineEntry).find({ where: { incidentId: incident.id } });
    expect(notes.filter((n) => n.note).every((n) => n.note === '[erased]')).toBe(true);
  });

  it('shows an emergency’s procedure and the 24/7 duty contact, and refuses steps the status table does not allow', async () => {
    const customerId = await world.learnCustomer();
    const incident = await open({ customerId, type: 'MEDICAL_EMERGENCY', severity: 'CRITICAL', location: 'Barcelona' });
    expect(incident.emergencyProcedure).toEqual({ articleId: 'KB-EMERGENCY-MEDICAL', dutyContact: 'After-sales duty desk, 24/7 (set AFTER_SALES_DUTY_CONTACT)' });
    const close = await world.run(people.afterSales, `mutation ($input: IncidentStepInput!) { closeIncident(input: $input) { status } }`, { input: { incidentId: incident.id } });
    expect(close.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'OPEN', allowedNext: ['IN_PROGRESS', 'RESOLVED'] });
    const compute = await world.run(people.afterSales, `mutation ($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { id } }`, { input: { incidentId: incident.id } });
    expect(compute.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.incidentId' });
  });

  it('answers bad input with typed errors naming the field', async () => {
    const { customerId, trip, hotel } = await aTrip();
    const bad = (input: Record<string, unknown>) => world.run(people.afterSales, OPEN, { input: { severity: 'LOW', description: 'x', customerId, ...input } });
    expect((await bad({ customerId: 'nope', type: 'MEDICAL_EMERGENCY' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    expect((await bad({ type: 'FLIGHT_DELAY' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tripId' });
    expect((await bad({ type: 'FLIGHT_DELAY', tripId: trip.id, segmentId: hotel.id })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.segmentId' });
    expect((await bad({ type: 'MEDICAL_EMERGENCY', description: '' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect((await bad({ type: 'ACCOMMODATION_PROBLEM', emergencyArticleId: 'KB-1' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.emergencyArticleId' });
  });
});
