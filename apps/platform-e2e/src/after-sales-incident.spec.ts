import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

const OPEN = `mutation($input: OpenIncidentInput!) { openIncident(input: $input) { id number status category } }`;
const FILE = `reference status outcome lossReason faultStation receivedAt deliveries { id status courier }`;

/**
 * In-trip incidents through the gateway (T-1.4, T-4.3): a cancelled flight's entitlements computed
 * by the passenger-rights engine and carried into a complaint; a delayed bag's file from open to
 * suspended to closed with the courier's delivery; typed errors naming the field.
 */
describe('in-trip incidents, seen through the gateway', () => {
  let platform: PlatformUnderTest;
  let afterSales: GraphQLClient;
  let courier: GraphQLClient;
  let specialist: GraphQLClient;
  let supervisor: GraphQLClient;
  let customerId: string;
  let tripId: string;
  let flightId: string;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    afterSales = platform.as('after_sales', 'as-asa');
    courier = platform.as('integration', 'courier-swift');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    supervisor = platform.as('supervisor', 'sup-sue');
    await supervisor.data(`mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId } }`, {
      input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' },
    });
    await platform.setTime('2026-11-21T10:00:00.000Z');

    const { createCustomer } = await platform.as('agent', 'agent-ana').data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: 'Joost de Vries', email: 'joost.devries@example.nl', phone: '+31 6 1234 5678' },
    });
    customerId = createCustomer.id;
    // KL 1675 Amsterdam–Barcelona: 1,241 km, inside the EU.
    await eventually(() =>
      platform.as('integration', 'reservation-system').data(`mutation($input: ImportBookingsInput!) { importBookings(input: $input) { imported } }`, {
        input: {
          bookings: [
            {
              bookingReference: 'INC250',
              customerId,
              status: 'CONFIRMED',
              changedAt: '2026-11-01T08:00:00.000Z',
              segments: [
                { kind: 'FLIGHT', carrier: 'KL', flightNumber: '1675', origin: 'AMS', destination: 'BCN', departureAt: '2026-11-20T09:00:00.000Z', arrivalAt: '2026-11-20T11:30:00.000Z' },
                { kind: 'HOTEL', name: 'Hotel Arts', city: 'Barcelona', countryCode: 'ES', checkInAt: '2026-11-20T14:00:00.000Z', checkOutAt: '2026-11-24T10:00:00.000Z' },
              ],
            },
          ],
        },
      }),
    );
    const { tripByBookingReference: trip } = await afterSales.data(`query { tripByBookingReference(bookingReference: "INC250") { id segments { id kind } } }`);
    tripId = trip.id;
    flightId = trip.segments.find((s: { kind: string }) => s.kind === 'FLIGHT').id;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('computes €250 for a 1,241 km EU flight cancelled 3 days ahead with no re-routing, quotes the article, and the offer reaches crm’s ledger through the complaint', async () => {
    const { openIncident: incident } = await afterSales.data(OPEN, {
      input: { customerId, tripId, segmentId: flightId, type: 'FLIGHT_CANCELLATION', severity: 'HIGH', description: 'Flight cancelled, no alternative offered.', occurredAt: '2026-11-17T09:00:00.000Z' },
    });
    expect(incident).toMatchObject({ status: 'OPEN', category: 'FLIGHT_DISRUPTION' });

    const { computeIncidentEntitlements } = await afterSales.data(
      `mutation($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { entitlements { regime kind amount currency legalBasis explanation ruleVersion } } }`,
      { input: { incidentId: incident.id, noticeGivenAt: '2026-11-17T09:00:00.000Z' } },
    );
    const compensation = computeIncidentEntitlements.entitlements.find((e: { regime: string; kind: string }) => e.regime === 'EU261' && e.kind === 'COMPENSATION');
    expect(compensation).toMatchObject({ amount: '250.00', currency: 'EUR' });
    expect(compensation.legalBasis).toMatch(/Regulation \(EC\) No 261\/2004, Art\. .*7\(1\)\(a\)/);

    await afterSales.data(`mutation($input: RaiseComplaintForIncidentInput!) { raiseComplaintForIncident(input: $input) { complaintRaisedAt } }`, { input: { incidentId: incident.id } });
    const complaint = await eventually(async () => {
      const { customer } = await specialist.data(`query($id: ID!) { customer(id: $id) { complaints { totalCount edges { node { id version status category urgency description bookingReference } } } } }`, { id: customerId });
      if (customer.complaints.totalCount !== 1) throw new Error('no complaint yet');
      return customer.complaints.edges[0].node;
    });
    expect(complaint).toMatchObject({ status: 'REGISTERED', category: 'FLIGHT_DELAY_CANCELLATION', urgency: 'HIGH', bookingReference: 'INC250' });
    expect(complaint.description).toContain(`REFUND EUR 250.00 (EU261): ${compensation.legalBasis}`);

    // The complaint's one mechanism: the specialist proposes the computed amount (as a voucher the passenger
    // accepted instead of cash, Art. 7(3)) and goodwill points; above the threshold a supervisor approves;
    // complaint.resolved takes both to crm's ledger.
    const step = (name: string, type: string, input: Record<string, unknown>) =>
      specialist.data(`mutation($input: ${type}!) { ${name}(input: $input) { status compensation { id kind approval } } }`, { input: { complaintId: complaint.id, ...input } });
    await step('classifyComplaint', 'ClassifyComplaintInput', { urgency: 'HIGH', expectedVersion: complaint.version });
    await step('assignComplaint', 'AssignComplaintInput', {});
    await step('startComplaintWork', 'StartComplaintWorkInput', {});
    const planned = (
      await step('planComplaintResolution', 'PlanComplaintResolutionInput', {
        explanation: 'Your flight was cancelled 3 days ahead without an alternative: EU261 compensation is due.',
        compensation: [
          { kind: 'VOUCHER', amount: '250.00', currency: 'EUR', reason: `${compensation.legalBasis} (voucher accepted instead of cash, Art. 7(3))` },
          { kind: 'LOYALTY_POINTS', quantity: 1000, reason: 'For the inconvenience' },
        ],
      })
    ).planComplaintResolution;
    expect(planned.compensation.map((c: { kind: string; approval: string }) => [c.kind, c.approval])).toEqual([
      ['VOUCHER', 'PENDING'],
      // The complaint's total is over the threshold too: splitting does not avoid the approval.
      ['LOYALTY_POINTS', 'PENDING'],
    ]);
    await step('giveComplaintFeedback', 'GiveComplaintFeedbackInput', { channel: 'EMAIL', sentTo: 'joost.devries@example.nl', actionsTaken: 'Compensation approved.', nextSteps: 'Voucher by e-mail.' });
    for (const item of planned.compensation) {
      await supervisor.data(`mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) { approval } }`, { input: { itemId: item.id, approve: true } });
    }
    expect((await step('resolveComplaint', 'ResolveComplaintInput', {})).resolveComplaint.status).toBe('RESOLVED');
    const ledger = await eventually(async () => {
      const { customer } = await specialist.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance coupons { value currency source } } }`, { id: customerId });
      if (!customer.coupons.length) throw new Error('no coupon yet');
      return customer;
    });
    expect(ledger).toEqual({ loyaltyBalance: 1000, coupons: [{ value: '250.00', currency: 'EUR', source: 'COMPLAINT_COMPENSATION' }] });

    // crm's timeline shows the incident, in classifications only.
    const entries = await eventually(async () => {
      const { customer } = await specialist.data(`query($id: ID!) { customer(id: $id) { interactions(first: 50) { edges { node { kind summary } } } } }`, { id: customerId });
      const found = customer.interactions.edges.map((e: { node: { kind: string; summary: string } }) => e.node).filter((n: { kind: string }) => n.kind === 'INCIDENT');
      if (found.length < 2) throw new Error('no incident entries yet');
      return found.map((n: { summary: string }) => n.summary);
    });
    expect(entries).toEqual(expect.arrayContaining([`Incident ${incident.number} opened: flight cancellation (high severity)`]));
  });

  it('takes a delayed bag’s file from open to suspended to closed with the delivery, and lets the passenger read its status', async () => {
    const { openIncident: incident } = await afterSales.data(OPEN, {
      input: { customerId, tripId, segmentId: flightId, type: 'BAGGAGE_DELAYED', severity: 'MEDIUM', description: 'Blue suitcase missing at BCN.' },
    });
    const { openBaggageFile } = await afterSales.data(`mutation($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { ${FILE} } }`, { input: { incidentId: incident.id, reference: 'BCNKL54321' } });
    expect(openBaggageFile).toMatchObject({ reference: 'BCNKL54321', status: 'OPEN' });

    await platform.setTime('2026-11-21T12:00:00.000Z');
    const { suspendBaggageFile } = await afterSales.data(`mutation($input: SuspendBaggageFileInput!) { suspendBaggageFile(input: $input) { ${FILE} } }`, {
      input: { reference: 'BCNKL54321', foundAt: '2026-11-21T11:00:00.000Z', foundStation: 'AMS' },
    });
    expect(suspendBaggageFile.status).toBe('SUSPENDED');
    const { orderBaggageDelivery } = await afterSales.data(`mutation($input: OrderBaggageDeliveryInput!) { orderBaggageDelivery(input: $input) { id status } }`, {
      input: { reference: 'BCNKL54321', courier: 'Swift Couriers', address: 'Hotel Arts, Barcelona' },
    });
    await platform.setTime('2026-11-21T13:00:00.000Z');
    const update = `mutation($input: RecordCourierUpdateInput!) { recordCourierUpdate(input: $input) { status deliveredAt } }`;
    await courier.data(update, { input: { deliveryId: orderBaggageDelivery.id, updateId: 'sw-1', status: 'OUT_FOR_DELIVERY', at: '2026-11-21T12:30:00.000Z' } });
    const { recordCourierUpdate } = await courier.data(update, { input: { deliveryId: orderBaggageDelivery.id, updateId: 'sw-2', status: 'DELIVERED', at: '2026-11-21T12:55:00.000Z' } });
    expect(recordCourierUpdate).toEqual({ status: 'DELIVERED', deliveredAt: '2026-11-21T12:55:00.000Z' });
    await courier.data(update, { input: { deliveryId: orderBaggageDelivery.id, updateId: 'sw-2', status: 'DELIVERED', at: '2026-11-21T12:55:00.000Z' } });

    const { passengerBaggageStatus } = await platform
      .as('agent', 'agent-ana')
      .data(`query { passengerBaggageStatus(reference: "BCNKL54321", bookingReference: "inc250") { status summary deliveryStatus deliveredAt } }`);
    expect(passengerBaggageStatus).toEqual({ status: 'SUSPENDED', summary: 'Your bag has been delivered.', deliveryStatus: 'DELIVERED', deliveredAt: '2026-11-21T12:55:00.000Z' });

    const { closeBaggageFile } = await afterSales.data(`mutation($input: CloseBaggageFileInput!) { closeBaggageFile(input: $input) { ${FILE} } }`, {
      input: { reference: 'BCNKL54321', outcome: 'DELIVERED', lossReason: 'TRANSFER_MISHANDLING', faultStation: 'AMS' },
    });
    expect(closeBaggageFile).toMatchObject({
      status: 'CLOSED',
      outcome: 'DELIVERED',
      lossReason: 'TRANSFER_MISHANDLING',
      faultStation: 'AMS',
      receivedAt: '2026-11-21T12:55:00.000Z',
      deliveries: [{ status: 'DELIVERED', courier: 'Swift Couriers' }],
    });
    const { incident: seen } = await platform.as('analyst', 'analyst-al').data(`query($id: ID!) { incident(id: $id) { description customer { id } timeline { action } baggageFile { status } } }`, { id: incident.id });
    expect(seen).toMatchObject({ description: '***', customer: null, baggageFile: { status: 'CLOSED' } });
    expect(seen.timeline.map((t: { action: string }) => t.action)).toEqual([
      'OPENED',
      'BAGGAGE_FILE_OPENED',
      'BAGGAGE_FILE_SUSPENDED',
      'DELIVERY_ORDERED',
      'DELIVERY_UPDATED',
      'DELIVERY_UPDATED',
      'BAGGAGE_FILE_CLOSED',
    ]);
  });

  it('answers bad input with typed errors naming the field', async () => {
    const badCustomer = await afterSales.request(OPEN, { input: { customerId: 'not-a-uuid', type: 'MEDICAL_EMERGENCY', severity: 'CRITICAL', description: 'Heart attack on the tour.' } });
    expect(badCustomer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    const { openIncident: incident } = await afterSales.data(OPEN, { input: { customerId, tripId, segmentId: flightId, type: 'BAGGAGE_LOST', severity: 'HIGH', description: 'Bag lost.' } });
    const badReference = await afterSales.request(`mutation($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { id } }`, { input: { incidentId: incident.id, reference: 'BCN-KL-1' } });
    expect(badReference.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
    const badStation = await afterSales.request(`mutation($input: CloseBaggageFileInput!) { closeBaggageFile(input: $input) { id } }`, {
      input: { reference: 'BCNKL54321', outcome: 'LOST', lossReason: 'OTHER', faultStation: 'Amsterdam' },
    });
    expect(badStation.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.faultStation' });
  });

  it('issues a travel certificate from the incident’s record — schedule, cancellation, cause — that an insurer verifies without a token', async () => {
    const { openIncident: incident } = await afterSales.data(OPEN, {
      input: { customerId, tripId, segmentId: flightId, type: 'FLIGHT_CANCELLATION', severity: 'MEDIUM', description: 'Cancelled: the certificate for the travel insurer.' },
    });
    await afterSales.data(`mutation($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { id } }`, {
      input: { incidentId: incident.id, noticeGivenAt: '2026-11-17T09:00:00.000Z', cause: 'STRIKE', causeDetail: 'ground handling strike at Schiphol' },
    });
    const { requestDocument: request } = await platform
      .as('agent', 'agent-ana')
      .data(`mutation($input: RequestDocumentInput!) { requestDocument(input: $input) { id } }`, { input: { customerId, tripId, type: 'TRAVEL_CERTIFICATE' } });
    await platform.as('admin', 'admin-ada').data(`mutation($input: SaveDocumentIssuerInput!) { saveDocumentIssuer(input: $input) { id } }`, {
      input: { id: 'CB-NL', legalName: 'Carebridge Travel B.V.', addressLines: ['Damrak 1'], postcode: '1012 LG', city: 'Amsterdam', countryCode: 'NL', vatId: 'NL123456789B01', invoicePrefix: 'CBNL-INV', creditNotePrefix: 'CBNL-CRN' },
    });
    const { issueTravelCertificate: certificate } = await afterSales.data(
      `mutation($input: IssueTravelCertificateInput!) { issueTravelCertificate(input: $input) { status verificationCode contentType } }`,
      { input: { documentId: request.id, incidentId: incident.id, issuerId: 'CB-NL', passengerName: 'Joost de Vries' } },
    );
    expect(certificate).toMatchObject({ status: 'ISSUED', contentType: 'application/pdf' });

    const { verifyTravelCertificate } = await platform
      .anonymous()
      .data(`query($code: String!) { verifyTravelCertificate(code: $code) { genuine statement { passengerName bookingReference flightNumber origin destination disruption scheduledDeparture scheduledArrival actualDeparture cause causeDetail } } }`, {
        code: certificate.verificationCode,
      });
    expect(verifyTravelCertificate).toEqual({
      genuine: true,
      statement: {
        passengerName: 'Joost de Vries',
        bookingReference: 'INC250',
        flightNumber: 'KL 1675',
        origin: 'AMS',
        destination: 'BCN',
        disruption: 'CANCELLATION',
        // The segment's schedule in the airports' local time.
        scheduledDeparture: '2026-11-20T10:00:00+01:00',
        scheduledArrival: '2026-11-20T12:30:00+01:00',
        actualDeparture: null,
        cause: 'STRIKE',
        causeDetail: 'ground handling strike at Schiphol',
      },
    });
  });
});
