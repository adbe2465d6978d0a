import { signDevelopmentToken } from '@carebridge/auth';

/**
 * Demo data through the gateway, as client apps would enter it: customers of a travel company
 * and an airline, complaints about their trips and inquiries waiting in the agents' queue, and their
 * trips in after-sales: bookings imported as the reservation system would (`importBookings`), a
 * completed trip awaiting its follow-up survey, an in-trip incident with its entitlements and a delayed
 * bag's file, a document request. Running it twice adds nothing the second time.
 */
const CUSTOMERS = [
  { fullName: 'Li Wei', email: 'li.wei@example.com', phone: '+86 138 0013 8000', preferredLanguage: 'zh-CN', tier: 'GOLD' },
  { fullName: 'Sophie Martin', email: 'sophie.martin@example.fr', phone: '+33 6 12 34 56 78', preferredLanguage: 'fr', tier: 'SILVER' },
  { fullName: 'Hans Becker', email: 'h.becker@example.de', phone: '+49 151 2345 6789', preferredLanguage: 'de', tier: 'STANDARD' },
  { fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', phone: '+81 90 1234 5678', preferredLanguage: 'ja', tier: 'VIP' },
  { fullName: 'Carlos Mendoza', email: 'carlos.mendoza@example.mx', phone: '+52 55 1234 5678', preferredLanguage: 'es', tier: 'STANDARD' },
  { fullName: 'Priya Sharma', email: 'priya.sharma@example.in', phone: '+91 98765 43210', preferredLanguage: 'en', tier: 'GOLD' },
  { fullName: 'James O’Connor', email: 'james.oconnor@example.ie', phone: '+353 87 123 4567', preferredLanguage: 'en', tier: 'SILVER' },
  { fullName: 'Fatima Al-Sayed', email: 'fatima.alsayed@example.ae', phone: '+971 50 123 4567', preferredLanguage: 'ar', tier: 'VIP' },
  { fullName: 'Olga Ivanova', email: 'olga.ivanova@example.com', phone: null, preferredLanguage: 'ru', tier: 'STANDARD' },
  { fullName: 'Zhang Min', email: null, phone: '+86 139 1234 5678', preferredLanguage: 'zh-CN', tier: 'STANDARD' },
  { fullName: 'Emma Johansson', email: 'emma.johansson@example.se', phone: '+46 70 123 45 67', preferredLanguage: 'sv', tier: 'SILVER' },
  { fullName: 'Kwame Mensah', email: 'kwame.mensah@example.gh', phone: '+233 24 123 4567', preferredLanguage: 'en', tier: 'STANDARD' },
];

const COMPLAINTS = [
  { customer: 0, channel: 'PHONE', category: 'BAGGAGE', urgency: 'HIGH', description: 'My suitcase did not arrive in Frankfurt on LH 721 and nobody at the desk could tell me where it is.', location: 'FRA Terminal 1', people: [{ kind: 'FLIGHT', name: 'LH 721' }] },
  { customer: 1, channel: 'EMAIL', category: 'ACCOMMODATION', urgency: 'MEDIUM', description: 'The hotel in Rome gave us a room facing a construction site although we booked a quiet courtyard room.', location: 'Rome', people: [{ kind: 'HOTEL', name: 'Hotel Aurora Roma' }] },
  { customer: 2, channel: 'WEB_FORM', category: 'FLIGHT_DELAY_CANCELLATION', urgency: 'HIGH', description: 'Flight cancelled four hours before departure; we were rebooked the next evening and lost a night of the tour.', location: 'MUC', people: [{ kind: 'FLIGHT', name: 'CB 310' }] },
  { customer: 3, channel: 'CHAT', category: 'STAFF_CONDUCT', urgency: 'MEDIUM', description: 'The guide was rude when I asked for vegetarian options at lunch.', location: 'Kyoto', people: [{ kind: 'STAFF', name: 'Tour guide (day 3)' }] },
  { customer: 4, channel: 'PHONE', category: 'REFUND', urgency: 'LOW', description: 'I cancelled within the free period but the refund has not arrived after six weeks.', location: null, people: [] },
  { customer: 5, channel: 'EMAIL', category: 'TICKETING', urgency: 'MEDIUM', description: 'My name is misspelled on the e-ticket and the airline says only the agency can change it.', location: null, people: [{ kind: 'PARTNER', name: 'SkyLink Airways' }] },
  { customer: 6, channel: 'IN_PERSON', category: 'ITINERARY_CHANGE', urgency: 'LOW', description: 'The museum visit in the itinerary was replaced by shopping without telling us.', location: 'Vienna', people: [] },
  { customer: 7, channel: 'PHONE', category: 'VISA_DOCUMENTS', urgency: 'CRITICAL', description: 'The visa guide you sent listed the wrong documents and my visa was refused; departure is in five days.', location: null, people: [] },
  { customer: 8, channel: 'SOCIAL_MEDIA', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My ski bag arrived damaged and the airline refers me to you.', location: 'INN', people: [{ kind: 'FLIGHT', name: 'OS 911' }] },
  { customer: 9, channel: 'PHONE', category: 'OTHER', urgency: 'LOW', description: 'The travel insurance certificate was never sent to me.', location: null, people: [] },
];

const INQUIRIES = [
  { customer: 0, channel: 'CHAT', category: 'FLIGHT_INFO', subject: 'Is CA 931 to Frankfurt on time?', message: 'Hello, is my flight CA 931 tomorrow on time? I have a connection in Frankfurt.' },
  { customer: 2, channel: 'EMAIL', category: 'VISA', subject: 'Visa for the China round trip', message: 'Which documents do I need for the tourist visa for the Beijing–Xi’an–Shanghai tour in March?' },
  { customer: 4, channel: 'WEB_FORM', category: 'ORDER_CHANGE', subject: 'Change of travel dates', message: 'Can we move our Cancún package from 12 to 19 April? Booking reference MX4471.' },
  { customer: 5, channel: 'CHAT', category: 'SPECIAL_SERVICES', subject: 'Wheelchair at Delhi airport', message: 'My father needs wheelchair assistance at DEL for AI 121 on 3 December.' },
  { customer: 10, channel: 'EMAIL', category: 'INSURANCE', subject: 'Does the insurance cover skiing?', message: 'Does the travel insurance in my Alps package cover skiing accidents?' },
  { contact: { name: 'Tom Fischer', email: 'tom.fischer@example.at' }, channel: 'WEB_FORM', category: 'PRICE', subject: 'Group price for 12 people', message: 'What would the Lisbon city break cost for a group of 12 in May?' },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The demo bookings, timed around today so that one trip is over, one ahead and one cancelled. */
function demoBookings(ids: string[], now: number) {
  const today = now - (now % DAY); // midnight UTC
  const at = (days: number, hours: number) => new Date(today + days * DAY + hours * HOUR).toISOString();
  const changedAt = new Date(now - 10 * 60_000).toISOString();
  return [
    // Hans Becker: Frankfurt–Barcelona and back, over since yesterday; the outbound flight was cancelled two days ahead.
    {
      bookingReference: 'HB7K2Q',
      customerId: ids[2],
      status: 'COMPLETED',
      changedAt,
      travellers: 1,
      segments: [
        { kind: 'FLIGHT', reference: 'HB7K2Q-1', carrier: 'LH', flightNumber: '1130', origin: 'FRA', destination: 'BCN', departureAt: at(-8, 7), arrivalAt: at(-8, 9) },
        { kind: 'FLIGHT', reference: 'HB7K2Q-2', carrier: 'LH', flightNumber: '1131', origin: 'BCN', destination: 'FRA', departureAt: at(-1, 14), arrivalAt: at(-1, 16) },
      ],
    },
    // Li Wei: a package to Shanghai next month — flight, transfer, hotel and a tour.
    {
      bookingReference: 'LW4P8M',
      customerId: ids[0],
      status: 'CONFIRMED',
      changedAt,
      travellers: 2,
      segments: [
        { kind: 'FLIGHT', reference: 'LW4P8M-1', carrier: 'LH', flightNumber: '728', origin: 'FRA', destination: 'PVG', departureAt: at(21, 17), arrivalAt: at(22, 5), distanceKm: 8880 },
        { kind: 'TRANSFER', reference: 'LW4P8M-2', from: 'PVG Terminal 2', to: 'Hotel Bund, Shanghai', supplier: 'Shanghai Shuttle', pickupAt: at(22, 7) },
        { kind: 'HOTEL', reference: 'LW4P8M-3', name: 'Hotel Bund', city: 'Shanghai', countryCode: 'CN', checkInAt: at(22, 7), checkOutAt: at(28, 3) },
        { kind: 'TOUR', reference: 'LW4P8M-4', name: 'Water towns of Jiangnan', supplier: 'Jiangnan Tours', startsAt: at(24, 1), endsAt: at(24, 9) },
        { kind: 'FLIGHT', reference: 'LW4P8M-5', carrier: 'LH', flightNumber: '729', origin: 'PVG', destination: 'FRA', departureAt: at(28, 5), arrivalAt: at(28, 17), distanceKm: 8880 },
      ],
    },
    // Sophie Martin: a weekend in Rome she cancelled.
    {
      bookingReference: 'SM3C9X',
      customerId: ids[1],
      status: 'CANCELLED',
      changedAt,
      travellers: 2,
      segments: [
        { kind: 'FLIGHT', reference: 'SM3C9X-1', carrier: 'AF', flightNumber: '1404', origin: 'CDG', destination: 'FCO', departureAt: at(40, 8), arrivalAt: at(40, 10) },
        { kind: 'HOTEL', reference: 'SM3C9X-2', name: 'Hotel Aurora Roma', city: 'Rome', countryCode: 'IT', checkInAt: at(40, 13), checkOutAt: at(43, 9) },
        { kind: 'FLIGHT', reference: 'SM3C9X-3', carrier: 'AF', flightNumber: '1405', origin: 'FCO', destination: 'CDG', departureAt: at(43, 12), arrivalAt: at(43, 14) },
      ],
    },
  ];
}

type Call = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Another service learns of new customers from crm's events, a moment after they are created: retry until it knows them. */
async function untilKnown<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== 'BAD_USER_INPUT' || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function seedDemoData(gatewayUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const secret = process.env.JWT_SECRET || undefined;
  const token = signDevelopmentToken({ sub: 'demo-seed', roles: ['agent', 'crm_manager', 'complaint_specialist', 'after_sales'], name: 'Demo Seed' }, { secret });
  // The bookings come from the reservation system, a system of the integration role.
  const integrationToken = signDevelopmentToken({ sub: 'reservation-system', roles: ['integration'], name: 'Reservation system' }, { secret });
  const caller = (bearer: string): Call => async (query, variables = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw Object.assign(new Error(body.errors.map((e) => e.message).join('; ')), { code: body.errors[0].extensions?.code });
    return body.data;
  };
  const call = caller(token);

  const existing = await call(`query { customers(search: "li.wei@example.com", first: 1) { totalCount } }`);
  if (existing.customers.totalCount > 0) {
    log('demo customers, complaints and inquiries are already loaded');
    // Loaded by an earlier seed, perhaps one without after-sales: find the customers the trips belong to.
    const ids: string[] = [];
    for (const customer of CUSTOMERS.slice(0, 3)) {
      const found = await call(`query($search: String!) { customers(search: $search, first: 1) { edges { node { id } } } }`, { search: customer.email });
      if (!found.customers.edges.length) throw new Error(`demo customer ${customer.fullName} is missing`);
      ids.push(found.customers.edges[0].node.id);
    }
    await seedAfterSales(call, caller(integrationToken), ids, log);
    return;
  }
  const ids: string[] = [];
  for (const customer of CUSTOMERS) {
    const data = await call(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: customer });
    ids.push(data.createCustomer.id);
  }
  log(`created ${ids.length} customers`);
  let registered = 0;
  for (const [index, complaint] of COMPLAINTS.entries()) {
    const input = {
      customerId: ids[complaint.customer],
      channel: complaint.channel,
      category: complaint.category,
      urgency: complaint.urgency,
      description: complaint.description,
      occurredAt: new Date(Date.now() - (index + 1) * 86_400_000).toISOString(),
      location: complaint.location,
      peopleInvolved: complaint.people,
    };
    // The complaint service learns of new customers from crm's events, a moment after they are created.
    for (let attempt = 0; ; attempt++) {
      try {
        await call(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { registrationNumber } }`, { input });
        registered += 1;
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'BAD_USER_INPUT' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  log(`registered ${registered} complaints`);

  let received = 0;
  for (const inquiry of INQUIRIES) {
    const { customer, ...fields } = inquiry as (typeof INQUIRIES)[number] & { customer?: number };
    const input = { ...fields, ...(customer === undefined ? {} : { customerId: ids[customer] }) };
    // Like the complaint service, the inquiry service learns of customers from crm's events.
    for (let attempt = 0; ; attempt++) {
      try {
        await call(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, { input });
        received += 1;
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'BAD_USER_INPUT' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  log(`received ${received} inquiries`);
  await seedAfterSales(call, caller(integrationToken), ids, log);
}

/** Trips, follow-up, an incident and a document request: each step looks first whether it was done. */
async function seedAfterSales(call: Call, reservationSystem: Call, ids: string[], log: (line: string) => void): Promise<void> {
  const bookings = demoBookings(ids, Date.now());
  const known = new Map<string, { id: string; segments: { id: string; kind: string; reference: string | null }[] }>();
  const findTrip = async (bookingReference: string) =>
    (await call(`query($ref: String!) { tripByBookingReference(bookingReference: $ref) { id segments { id kind reference } } }`, { ref: bookingReference })).tripByBookingReference;
  const missing: typeof bookings = [];
  for (const booking of bookings) {
    const trip = await findTrip(booking.bookingReference);
    if (trip) known.set(booking.bookingReference, trip);
    else missing.push(booking);
  }
  if (missing.length) {
    // after-sales learns of crm's customers from its events: an unknown customer is BAD_USER_INPUT for a moment.
    const { importBookings } = await untilKnown(() =>
      reservationSystem(`mutation($input: ImportBookingsInput!) { importBookings(input: $input) { created trips { id bookingReference segments { id kind reference } } } }`, {
        input: { bookings: missing },
      }),
    );
    for (const trip of importBookings.trips) known.set(trip.bookingReference, trip);
    log(`imported ${importBookings.created} bookings`);
  } else log('demo bookings are already imported');

  const completed = known.get('HB7K2Q');
  if (!completed) throw new Error('trip HB7K2Q was not imported');
  const customerId = ids[2];
  // trip.completed schedules the follow-up survey, a moment after the import.
  for (let attempt = 0; attempt < 50; attempt++) {
    const { followUpSurveys } = await call(`query($id: ID!) { followUpSurveys(filter: { tripId: $id }) { edges { node { status dueAt } } } }`, { id: completed.id });
    if (followUpSurveys.edges.length) {
      log(`follow-up survey of trip HB7K2Q ${followUpSurveys.edges[0].node.status.toLowerCase()}, due ${followUpSurveys.edges[0].node.dueAt}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const segment = (reference: string) => completed.segments.find((s) => s.reference === reference)?.id;
  const outbound = bookings[0].segments[0] as { departureAt: string };
  const homebound = bookings[0].segments[1] as { arrivalAt: string };
  const { incidents } = await call(`query($id: ID!) { incidents(filter: { tripId: $id }) { edges { node { id type entitlements { kind } baggageFile { reference } } } } }`, { id: completed.id });
  type Found = { id: string; type: string; entitlements: unknown[]; baggageFile: unknown };
  const ofType = (type: string) => incidents.edges.map((e: { node: Found }) => e.node).find((n: Found) => n.type === type) as Found | undefined;
  const open = async (input: Record<string, unknown>) =>
    ({ ...(await call(`mutation($input: OpenIncidentInput!) { openIncident(input: $input) { id type } }`, { input })).openIncident, entitlements: [], baggageFile: null }) as Found;

  // LH 1130 Frankfurt–Barcelona (about 1,100 km, inside the EU) cancelled two days ahead without a re-routing: EU261 compensation.
  const noticeGivenAt = new Date(Date.parse(outbound.departureAt) - 2 * DAY).toISOString();
  const cancellation =
    ofType('FLIGHT_CANCELLATION') ??
    (await open({ customerId, tripId: completed.id, segmentId: segment('HB7K2Q-1'), type: 'FLIGHT_CANCELLATION', severity: 'HIGH', description: 'LH 1130 cancelled two days before departure; no alternative flight was offered.', location: 'FRA', occurredAt: noticeGivenAt }));
  if (!cancellation.entitlements.length) {
    const { computeIncidentEntitlements } = await call(
      `mutation($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { entitlements { regime kind amount currency } } }`,
      { input: { incidentId: cancellation.id, noticeGivenAt, carrierLicenceCountry: 'DE', fare: { amount: '189.00', currency: 'EUR' }, paymentMethod: 'CARD' } },
    );
    const compensation = computeIncidentEntitlements.entitlements.find((e: { regime: string; kind: string }) => e.regime === 'EU261' && e.kind === 'COMPENSATION');
    log(`computed ${computeIncidentEntitlements.entitlements.length} entitlements for the cancelled LH 1130${compensation ? ` (EU261 compensation ${compensation.currency} ${compensation.amount})` : ''}`);
  }
  // The suitcase did not come off LH 1131 in Frankfurt: a delayed bag's file.
  const bag =
    ofType('BAGGAGE_DELAYED') ??
    (await open({ customerId, tripId: completed.id, segmentId: segment('HB7K2Q-2'), type: 'BAGGAGE_DELAYED', severity: 'MEDIUM', description: 'Black suitcase did not arrive on LH 1131.', location: 'FRA Terminal 1', occurredAt: homebound.arrivalAt }));
  if (!bag.baggageFile) {
    await call(`mutation($input: OpenBaggageFileInput!) { openBaggageFile(input: $input) { reference } }`, {
      input: { incidentId: bag.id, reference: 'FRALH12345', bagTag: 'LH123456', bagDescription: 'Black hard-shell suitcase, red strap' },
    });
    log('opened baggage file FRALH12345');
  }

  const { customerDocuments } = await call(`query($id: ID!) { customerDocuments(filter: { tripId: $id }) { totalCount } }`, { id: completed.id });
  if (customerDocuments.totalCount === 0) {
    await call(`mutation($input: RequestDocumentInput!) { requestDocument(input: $input) { id } }`, {
      input: { customerId, type: 'TRAVEL_CERTIFICATE', tripId: completed.id, note: 'A certificate of the cancelled LH 1130 for my employer, please.' },
    });
    log('requested a travel certificate');
  }
}
