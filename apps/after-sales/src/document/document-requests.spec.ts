import type { Identity } from '@carebridge/auth';
import { bookingConfirmed, customerErased } from '@carebridge/event-contracts';
import { aBooking } from '../after-sales.fixture';
import { anInvoice, issuerStaff, people, useDocuments } from './document.fixture';
import { DocumentType } from './document.enums';

const REQUEST = `mutation($input: RequestDocumentInput!) { requestDocument(input: $input) { id type status dueAt overdue requestNote allowedNextStatuses } }`;

describe('document requests: requested → issued → sent, or refused with a reason (real Postgres)', () => {
  const world = useDocuments({ AFTER_SALES_DOCUMENT_DUE_HOURS: '48' });
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });
  afterEach(() => world.db.clock.set('2026-11-02T09:00:00.000Z'));

  it('takes a request from an agent, due AFTER_SALES_DOCUMENT_DUE_HOURS later, announced by ids and audited', async () => {
    const result = await world.run(people.agent, REQUEST, { input: { customerId, type: 'TRAVEL_CERTIFICATE', note: 'For my travel insurance, please.' } });
    expect(result.errors).toBeUndefined();
    const request = result.data?.requestDocument;
    expect(request).toMatchObject({
      type: 'TRAVEL_CERTIFICATE',
      status: 'REQUESTED',
      dueAt: '2026-11-04T09:00:00.000Z',
      overdue: false,
      requestNote: 'For my travel insurance, please.',
      allowedNextStatuses: ['ISSUED', 'REFUSED'],
    });
    const [event] = (await world.db.outboxEvents()).filter((e) => e.key === request.id);
    expect(event).toMatchObject({ type: 'document.requested', data: { documentId: request.id, customerId, type: 'TRAVEL_CERTIFICATE', tripId: null, requestedBy: people.agent.userId, dueAt: '2026-11-04T09:00:00.000Z' } });
    expect(JSON.stringify(event.data)).not.toContain('insurance');

    world.db.clock.set('2026-11-04T09:00:01.000Z');
    const overdue = await world.run(people.afterSales, `query { customerDocuments(filter: { overdue: true, type: [TRAVEL_CERTIFICATE] }) { totalCount edges { node { id overdue } } } }`);
    expect(overdue.data?.customerDocuments.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(request.id);
    const masked = await world.run(people.analyst, `query($id: ID!) { customerDocument(id: $id) { requestNote overdue } }`, { id: request.id });
    expect(masked.data?.customerDocument).toEqual({ requestNote: '***', overdue: true });
  });

  it('issues late with the due time missed recorded in document.issued, and sends it, again if need be', async () => {
    const { incidentId } = await world.recordDisruption(customerId, { type: 'FLIGHT_CANCELLATION', facts: { cause: 'TECHNICAL' } });
    const request = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE);
    world.db.clock.set('2026-11-05T10:00:00.000Z');
    const certificate = await world.travelCertificateIssuing.issue({ documentId: request.id, expectedVersion: request.version, incidentId, passengerName: 'Ola Nordmann' }, issuerStaff);
    const issued = (await world.db.outboxEvents()).find((e) => e.type === 'document.issued' && e.key === request.id);
    expect(issued?.data).toMatchObject({ withinDueTime: false, type: 'TRAVEL_CERTIFICATE', documentNumber: null });
    const sent = await world.documentDispatch.markSent({ documentId: certificate.id, channel: 'EMAIL', sentTo: 'ola@example.no' }, issuerStaff);
    expect(sent).toMatchObject({ status: 'SENT', sentChannel: 'EMAIL', sentTo: 'ola@example.no', sentBy: issuerStaff.userId });
    const again = await world.documentDispatch.markSent({ documentId: certificate.id, channel: 'POST', sentTo: 'Storgata 1, 0155 Oslo' }, issuerStaff);
    expect(again).toMatchObject({ status: 'SENT', sentChannel: 'POST' });
    const sentEvents = (await world.db.outboxEvents()).filter((e) => e.type === 'document.sent' && e.key === request.id);
    expect(sentEvents.map((e) => e.data.channel)).toEqual(['EMAIL', 'POST']);
    expect(JSON.stringify(sentEvents)).not.toContain('ola@example.no');
    const asAnalyst = await world.run(people.analyst, `query($id: ID!) { customerDocument(id: $id) { sentTo sentChannel } }`, { id: certificate.id });
    expect(asAnalyst.data?.customerDocument).toEqual({ sentTo: '***', sentChannel: 'POST' });
    await expect(world.documentDispatch.markSent({ documentId: certificate.id, channel: 'EMAIL', expectedVersion: 1 }, issuerStaff)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    // crm's timeline: issued and each dispatch, under the ids of their document.* events, with no names or addresses.
    const events = await world.db.outboxEvents();
    const timeline = events.filter((e) => e.type === 'after_sales.customer_timeline_entry' && e.data.referenceId === certificate.id);
    expect(timeline.map((e) => [e.data.kind, e.data.summary, e.data.category])).toEqual([
      ['DOCUMENT', 'Travel certificate issued', 'TRAVEL_CERTIFICATE'],
      ['DOCUMENT', 'Travel certificate sent (email)', 'TRAVEL_CERTIFICATE'],
      ['DOCUMENT', 'Travel certificate sent (post)', 'TRAVEL_CERTIFICATE'],
    ]);
    expect(timeline.map((e) => e.data.entryId)).toEqual([issued, ...sentEvents].map((e) => e?.headers.ce_id));
    expect(JSON.stringify(timeline)).not.toMatch(/Nordmann|ola@|Storgata/);
  });

  it('refuses a request with the reason told to the customer; nothing leaves a refusal', async () => {
    const request = await world.requestFor(customerId, DocumentType.E_INVOICE);
    const refused = await world.documentRefusal.refuse({ documentId: request.id, reason: 'The booking was invoiced by your travel agency.' }, issuerStaff);
    expect(refused).toMatchObject({ status: 'REFUSED', refusalReason: 'The booking was invoiced by your travel agency.', refusedBy: issuerStaff.userId });
    expect((await world.db.outboxEvents()).find((e) => e.type === 'document.refused' && e.key === request.id)?.data).toEqual({
      documentId: request.id,
      customerId,
      type: 'E_INVOICE',
      refusedBy: issuerStaff.userId,
      refusedAt: '2026-11-02T09:00:00.000Z',
    });
    await expect(world.documentRefusal.refuse({ documentId: request.id, reason: 'Again.' }, issuerStaff)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentStatus: 'REFUSED', allowedNext: [] },
    });
    await expect(world.documentDispatch.markSent({ documentId: request.id, channel: 'EMAIL' }, issuerStaff)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('asks for a known customer and their own trip, and lets only agents and after-sales request', async () => {
    const mutation = (by: Identity, input: object) => world.run(by, REQUEST, { input });
    expect((await mutation(people.agent, { customerId: '00000000-0000-4000-8000-00000000dead', type: 'E_INVOICE' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.customerId',
    });
    expect((await mutation(people.agent, { customerId: 'nope', type: 'E_INVOICE' })).errors?.[0].extensions).toMatchObject({ field: 'input.customerId' });
    expect((await mutation(people.agent, { customerId, type: 'E_INVOICE', tripId: '00000000-0000-4000-8000-00000000beef' })).errors?.[0].extensions).toMatchObject({ field: 'input.tripId' });
    expect((await mutation(people.analyst, { customerId, type: 'E_INVOICE' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await mutation(people.trainer, { customerId, type: 'E_INVOICE' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const booking = aBooking(customerId);
    await world.deliver(bookingConfirmed, booking);
    const trip = await world.tripQueries.findByBookingReference(booking.bookingReference);
    const forTrip = await world.requestFor(customerId, DocumentType.E_INVOICE, { tripId: trip?.id });
    expect(forTrip.tripId).toBe(trip?.id);
    // The invoice prints the trip's booking reference when none is given.
    const invoice = await world.invoiceIssuing.issue({ ...anInvoice(forTrip.id), bookingReference: null }, issuerStaff);
    expect(invoice.content).toMatchObject({ bookingReference: booking.bookingReference });
    const someoneElse = await world.learnCustomer();
    await expect(world.requestFor(someoneElse, DocumentType.E_INVOICE, { tripId: trip?.id })).rejects.toMatchObject({
      extensions: { field: 'input.tripId', problems: [expect.objectContaining({ rule: 'customer-trip' })] },
    });
  });

  it('shows a customer’s documents on Customer.afterSalesDocuments, and refuses requests for an erased customer', async () => {
    const someone = await world.learnCustomer();
    await world.requestFor(someone, DocumentType.E_INVOICE);
    await world.requestFor(someone, DocumentType.OTHER);
    const result = await world.run(
      people.agent,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { afterSalesDocuments(first: 10) { totalCount edges { node { type status } } } } } }`,
      { representations: [{ __typename: 'Customer', id: someone }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].afterSalesDocuments.totalCount).toBe(2);
    await world.deliver(customerErased, { customerId: someone, erasedAt: '2026-11-02T08:00:00.000Z' });
    await expect(world.requestFor(someone, DocumentType.E_INVOICE)).rejects.toMatchObject({ extensions: { field: 'input.customerId', problems: [expect.objectContaining({ message: expect.stringContaining('erased') })] } });
  });
});
