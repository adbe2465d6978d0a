import { signDevelopmentToken } from '@carebridge/auth';
import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

const TRIP_FIELDS = `id bookingReference status startsAt endsAt travellers components lastChangeVia
  segments { kind startsAt ... on FlightSegment { carrier flightNumber origin destination } ... on HotelSegment { name } ... on TransferSegment { from to } }`;
const IMPORT = `mutation($input: ImportBookingsInput!) { importBookings(input: $input) { imported created updated unchanged stale trips { ${TRIP_FIELDS} } } }`;
const CUSTOMER_TRIPS = `query($id: ID!) { customer(id: $id) { fullName trips(first: 10) { totalCount edges { node { bookingReference status customer { fullName } } } } } }`;

describe('after-sales through the gateway: trips from the reservation system (T-1.4, T-4)', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let afterSales: GraphQLClient;
  let integration: GraphQLClient;
  let analyst: GraphQLClient;
  let work: string;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    afterSales = platform.as('after_sales', 'as-asa');
    integration = platform.as('integration', 'reservation-system');
    analyst = platform.as('analyst', 'analyst-al');
    work = mkdtempSync(join(tmpdir(), 'carebridge-after-sales-e2e-'));
    await platform.setTime('2026-11-22T12:00:00.000Z');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function customer(fullName: string): Promise<string> {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName, email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    });
    return createCustomer.id;
  }

  const booking = (customerId: string, bookingReference: string, overrides: Record<string, unknown> = {}) => ({
    bookingReference,
    customerId,
    status: 'CONFIRMED',
    changedAt: '2026-11-20T10:00:00Z',
    travellers: 2,
    segments: [
      { kind: 'FLIGHT', carrier: 'LH', flightNumber: '728', origin: 'FRA', destination: 'PVG', departureAt: '2026-12-12T18:40:00+01:00', arrivalAt: '2026-12-13T13:30:00+08:00', distanceKm: 8880 },
      { kind: 'TRANSFER', from: 'PVG Terminal 2', to: 'Hotel Bund', pickupAt: '2026-12-13T15:00:00+08:00' },
      { kind: 'HOTEL', name: 'Hotel Bund', city: 'Shanghai', countryCode: 'CN', checkInAt: '2026-12-13T15:00:00+08:00', checkOutAt: '2026-12-19T11:00:00+08:00' },
      { kind: 'FLIGHT', carrier: 'LH', flightNumber: '729', origin: 'PVG', destination: 'FRA', departureAt: '2026-12-19T13:00:00+08:00', arrivalAt: '2026-12-19T18:55:00+01:00' },
    ],
    ...overrides,
  });

  /** Imports once after-sales has learned the customer from crm's customer.created. */
  const importBookings = (bookings: unknown[]) =>
    eventually(async () => {
      const result = await integration.request(IMPORT, { input: { bookings } });
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      return result.data.importBookings;
    });

  it('imports bookings as the integration role, shows them as Customer.trips and Trip.customer, and puts them on the customer’s timeline', async () => {
    const customerId = await customer('Li Wei');
    const imported = await importBookings([booking(customerId, 'lw7k2p'), booking(customerId, 'LW9Q4L', { status: 'CANCELLED', segments: booking(customerId, '').segments.slice(0, 1) })]);
    expect(imported).toMatchObject({ imported: 2, created: 2, updated: 0 });
    expect(imported.trips[0]).toMatchObject({
      bookingReference: 'LW7K2P',
      status: 'CONFIRMED',
      startsAt: '2026-12-12T17:40:00.000Z',
      endsAt: '2026-12-19T17:55:00.000Z',
      components: ['FLIGHT', 'HOTEL', 'TRANSFER'],
      lastChangeVia: 'IMPORT',
    });
    expect(imported.trips[0].segments[0]).toEqual({ kind: 'FLIGHT', startsAt: '2026-12-12T17:40:00.000Z', carrier: 'LH', flightNumber: '728', origin: 'FRA', destination: 'PVG' });

    const { customer: read } = await afterSales.data(CUSTOMER_TRIPS, { id: customerId });
    expect(read.fullName).toBe('Li Wei');
    expect(read.trips.totalCount).toBe(2);
    // Both trips start at the same moment: their order is the cursor's tie-break, not part of the contract.
    expect(read.trips.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        { bookingReference: 'LW9Q4L', status: 'CANCELLED', customer: { fullName: 'Li Wei' } },
        { bookingReference: 'LW7K2P', status: 'CONFIRMED', customer: { fullName: 'Li Wei' } },
      ]),
    );
    const byReference = await agent.data(`{ tripByBookingReference(bookingReference: "lw7k2p") { id customer { id } } }`);
    expect(byReference.tripByBookingReference.customer).toEqual({ id: customerId });

    // crm shows the steps on the customer's timeline, from after-sales' timeline entries.
    const timeline = await eventually(async () => {
      const { customer: c } = await agent.data(`query($id: ID!) { customer(id: $id) { interactions(first: 20) { edges { node { kind summary referenceNumber } } } } }`, { id: customerId });
      const trips = c.interactions.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'TRIP');
      if (trips.length < 2) throw new Error(`only ${trips.length} trip entries yet`);
      return trips;
    });
    expect(timeline).toEqual(
      expect.arrayContaining([
        { kind: 'TRIP', summary: 'Trip LW7K2P confirmed: 2 flights, 1 hotel stay, 1 transfer, 2026-12-12 to 2026-12-19', referenceNumber: 'LW7K2P' },
        { kind: 'TRIP', summary: 'Trip LW9Q4L cancelled (was 2026-12-12 to 2026-12-13)', referenceNumber: 'LW9Q4L' },
      ]),
    );

    // Analysts count trips without seeing whose they are or the booking reference.
    const { trip } = await analyst.data(`query($id: ID!) { trip(id: $id) { bookingReference customer { id } segments { ... on TransferSegment { from } } } }`, { id: imported.trips[0].id });
    expect(trip).toEqual({ bookingReference: 'LW****', customer: null, segments: [{}, { from: '***' }, {}, {}] });
    const forAnalyst = await analyst.request(CUSTOMER_TRIPS, { id: customerId });
    expect(forAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an invalid import whole, naming the field and row, with a typed error (never a 500)', async () => {
    const customerId = await customer('Hans Becker');
    const good = booking(customerId, 'GOOD01');
    await importBookings([good]); // after-sales knows the customer from here on
    const bad = booking(customerId, 'BAD001', { segments: [{ ...booking(customerId, '').segments[0], origin: 'Frankfurt' }] });

    const refused = await integration.request(IMPORT, { input: { bookings: [booking(customerId, 'NEW001'), bad] } });
    expect(refused.status).toBe(200);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('input.bookings.1.segments.0.origin: must be a 3-letter IATA airport code such as FRA'),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.bookings.1.segments.0.origin' },
    });
    expect(refused.errors?.[0].extensions).not.toHaveProperty('stacktrace');
    expect((await afterSales.data(`{ tripByBookingReference(bookingReference: "NEW001") { id } }`)).tripByBookingReference).toBeNull();

    const forbidden = await afterSales.request(IMPORT, { input: { bookings: [good] } });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const filter = await afterSales.request(`{ trips(filter: { airport: "Frankfurt" }) { totalCount } }`);
    expect(filter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.airport' });
  });

  it('points an inquiry’s order change at the trip of its booking', async () => {
    const customerId = await customer('Sophie Martin');
    const [trip] = (await importBookings([booking(customerId, 'Q4ZT9B')])).trips;
    const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`;
    // Once the inquiry service, too, has learned the customer.
    const { receiveInquiry } = await eventually(() => agent.data(RECEIVE, { input: { channel: 'EMAIL', category: 'ORDER_CHANGE', subject: 'Rebooking', message: 'Please move my return.', customerId } }));
    const REQUEST = `mutation($input: RequestOrderChangeInput!) { requestOrderChange(input: $input) { id } }`;
    const { requestOrderChange } = await agent.data(REQUEST, { input: { inquiryId: receiveInquiry.id, bookingReference: 'q4zt9b', kind: 'MODIFY', requestedChanges: 'Return a day later' } });
    const { requestOrderChange: unknown } = await agent.data(REQUEST, { input: { inquiryId: receiveInquiry.id, bookingReference: 'ZZZ999', kind: 'CANCEL' } });

    const ORDER_CHANGE = `query($id: ID!) { orderChange(id: $id) { bookingReference trip { id status endsAt } } }`;
    expect((await agent.data(ORDER_CHANGE, { id: requestOrderChange.id })).orderChange).toEqual({ bookingReference: 'Q4ZT9B', trip: { id: trip.id, status: 'CONFIRMED', endsAt: trip.endsAt } });
    expect((await agent.data(ORDER_CHANGE, { id: unknown.id })).orderChange).toEqual({ bookingReference: 'ZZZ999', trip: null });
  });

  it('imports a CSV file with the bookings:import tool, and reports a bad file by line and column', async () => {
    const customerId = await customer('Aiko Tanaka');
    await importBookings([booking(customerId, 'SEED01')]);
    const token = signDevelopmentToken({ sub: 'reservation-system', roles: ['integration'], name: 'Reservation system' }, { secret: String(platform.gateway.options.env.JWT_SECRET) });
    const example = readFileSync(join(REPOSITORY_ROOT, 'tools/bookings/examples/bookings.csv'), 'utf8').replaceAll('3f0b5a9e-2c1d-4e8f-9a7b-6c5d4e3f2a10', customerId);
    const file = join(work, 'bookings.csv');
    writeFileSync(file, example);
    const tool = (path: string) =>
      run(process.execPath, [join(REPOSITORY_ROOT, 'tools/run.js'), join(REPOSITORY_ROOT, 'tools/bookings/src/import.ts'), path, '--url', platform.gatewayUrl, '--token', token], {
        cwd: REPOSITORY_ROOT,
      });

    const { stdout } = await tool(file);
    expect(stdout).toContain('imported 2 bookings (5 segments): 2 new trips, 0 updated, 0 unchanged, 0 older than the trip (ignored)');
    const { tripByBookingReference } = await afterSales.data(`{ tripByBookingReference(bookingReference: "ORD-2026-0042") { status components segments { kind } } }`);
    expect(tripByBookingReference).toEqual({ status: 'CONFIRMED', components: ['FLIGHT', 'HOTEL', 'TOUR'], segments: [{ kind: 'FLIGHT' }, { kind: 'HOTEL' }, { kind: 'TOUR' }, { kind: 'FLIGHT' }] });

    const broken = join(work, 'broken.csv');
    writeFileSync(broken, example.replace('LH,401,JFK,FRA', 'LH,401,JFK,JFK'));
    const failed = await tool(broken).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('line 5, destination (booking ORD-2026-0042): must be another airport than origin');
  });

  it('takes the reservation system’s booking events from the example producer (events:publish) into trips', async () => {
    const customerId = await customer('Carlos Mendoza');
    await importBookings([booking(customerId, 'SEED02')]);
    const events = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'tools/bookings/examples/booking-events.json'), 'utf8')
        .replaceAll('3f0b5a9e-2c1d-4e8f-9a7b-6c5d4e3f2a10', customerId)
        .replaceAll('X7K2PQ', 'EVT7K2'),
    );
    const file = join(work, 'booking-events.json');
    // The change first: the confirmation arriving after it is older and changes nothing.
    writeFileSync(file, JSON.stringify([events[1], events[0]]));
    // The example's change was recorded on 25 November.
    await platform.setTime('2026-11-26T00:00:00.000Z');
    const subgraph = platform.subgraphs.get('after-sales');
    const { KAFKA_BROKERS: _kafka, ...withoutKafka } = process.env;
    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'tools/run.js'), join(REPOSITORY_ROOT, 'tools/event-stream/src/publish-inbound.ts'), file], {
      cwd: REPOSITORY_ROOT,
      env: { ...withoutKafka, DATABASE_URL: String(subgraph?.options.env.DATABASE_URL), EVENTS_DATABASE_NAME: String(subgraph?.options.env.EVENTS_DATABASE_NAME) },
    });
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line).type)).toEqual(['booking.changed', 'booking.confirmed']);

    const trip = await eventually(async () => {
      const { tripByBookingReference } = await afterSales.data(`{ tripByBookingReference(bookingReference: "EVT7K2") { ${TRIP_FIELDS} } }`);
      if (tripByBookingReference?.lastChangeVia !== 'BOOKING_EVENT') throw new Error('not yet');
      return tripByBookingReference;
    });
    expect(trip).toMatchObject({ status: 'CONFIRMED', endsAt: '2026-12-20T17:55:00.000Z', components: ['FLIGHT', 'HOTEL', 'TRANSFER'] });
    expect(trip.segments.map((s: any) => s.kind)).toEqual(['FLIGHT', 'TRANSFER', 'HOTEL', 'FLIGHT']);

    // The reservation system never says the trip ended: a day after the return, after-sales completes it.
    await platform.setTime('2026-12-21T18:00:00.000Z');
    const { result } = await platform.runJob('after-sales', 'trip-completion');
    expect(result.completed).toBeGreaterThanOrEqual(1);
    const { tripByBookingReference: completed } = await afterSales.data(`{ tripByBookingReference(bookingReference: "EVT7K2") { status completedVia completedAt } }`);
    expect(completed).toEqual({ status: 'COMPLETED', completedVia: 'SCHEDULE', completedAt: expect.stringMatching(/^2026-12-21T18:0/) });
  });

  it('downloads a document’s file from its signed link through the gateway’s /documents, without a token or as the signed-in user, and answers HEAD without the file', async () => {
    const customerId = await customer('Ines Duarte');
    const requested = await eventually(async () => {
      const result = await agent.request(`mutation($input: RequestDocumentInput!) { requestDocument(input: $input) { id } }`, { input: { customerId, type: 'OTHER', note: 'the baggage report' } });
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      return result.data.requestDocument;
    });
    const pdf = Buffer.from('%PDF-1.7\n% a property irregularity report\n%%EOF\n');
    const { recordDocumentFile } = await afterSales.data(
      `mutation($input: RecordDocumentFileInput!) { recordDocumentFile(input: $input) { id status } }`,
      { input: { documentId: requested.id, title: 'Property irregularity report', file: { fileName: 'pir.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') } } },
    );
    expect(recordDocumentFile.status).toBe('ISSUED');
    const { createDocumentDownloadLink: link } = await agent.data(`mutation($input: CreateDocumentLinkInput!) { createDocumentDownloadLink(input: $input) { documentId token } }`, { input: { documentId: requested.id } });

    const documents = platform.gatewayUrl.replace(/\/graphql$/, '/documents');
    const download = await fetch(`${documents}/${requested.id}?token=${encodeURIComponent(link.token)}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(download.headers.get('content-length')).toBe(String(pdf.length));
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const forged = await fetch(`${documents}/${requested.id}?token=${encodeURIComponent(`${link.token.split('.')[0]}.forged`)}`);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as any).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', problems: [expect.objectContaining({ rule: 'signature' })] });

    // HEAD answers as GET does, without the file.
    const head = await fetch(`${documents}/${requested.id}?token=${encodeURIComponent(link.token)}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/pdf');
    expect(head.headers.get('content-length')).toBe(String(pdf.length));
    expect(Buffer.from(await head.arrayBuffer())).toHaveLength(0);

    // A signed-in member of staff downloads as themselves: the audit trail names them, not the link.
    const staffToken = signDevelopmentToken({ sub: 'as-asa', roles: ['after_sales'] }, { secret: String(platform.gateway.options.env.JWT_SECRET) });
    const signedIn = await fetch(`${documents}/${requested.id}?token=${encodeURIComponent(link.token)}`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(signedIn.status).toBe(200);
    await signedIn.arrayBuffer();
    const { customerDocument } = await afterSales.data(`query($id: ID!) { customerDocument(id: $id) { auditTrail { action actorId } } }`, { id: requested.id });
    expect(customerDocument.auditTrail.filter((entry: { action: string }) => entry.action === 'DOWNLOADED').map((entry: { actorId: string }) => entry.actorId)).toEqual(['link', 'as-asa']);
  });
});
