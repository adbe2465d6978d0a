import { GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * `npm run seed` (and `npm start -- --demo`) through the gateway: customers, complaints, inquiries and
 * after-sales' trips, follow-up, incident and document request; a second run adds nothing.
 */
describe('the demo seed, through the gateway', () => {
  let platform: PlatformUnderTest;
  const jwtSecret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ JWT_SECRET: jwtSecret });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  // `npm run seed` itself, signing its tokens with the platform's secret.
  const seed = async () => {
    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'tools/run.js'), join(REPOSITORY_ROOT, 'tools/platform/src/seed-main.ts')], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, GATEWAY_URL: platform.gatewayUrl, JWT_SECRET: jwtSecret },
    });
    return stdout.trim().split('\n');
  };

  const snapshot = async () => {
    const admin = GraphQLClient.as(platform.gatewayUrl, 'admin', 'admin-ada', jwtSecret);
    const { customers } = await admin.data(`query { customers(first: 50) { totalCount edges { node { email trips { edges { node { bookingReference status segments { kind } } } } } } } }`);
    const { incidents } = await admin.data(`query { incidents { edges { node { type status baggageFile { reference status } entitlements { regime kind amount currency } } } } }`);
    const { customerDocuments } = await admin.data(`query { customerDocuments { edges { node { type status } } } }`);
    const { followUpSurveys } = await admin.data(`query { followUpSurveys { edges { node { status components } } } }`);
    return { customers, incidents, customerDocuments, followUpSurveys };
  };

  it('loads trips, a follow-up survey, an incident with entitlements and a baggage file and a document request, once', async () => {
    const lines = await seed();
    expect(lines).toEqual(expect.arrayContaining(['created 12 customers', 'imported 3 bookings', 'opened baggage file FRALH12345', 'requested a travel certificate']));
    const first = await snapshot();

    expect(first.customers.totalCount).toBe(12);
    const trips = Object.fromEntries(
      first.customers.edges.flatMap((c: { node: { trips: { edges: { node: { bookingReference: string; status: string; segments: { kind: string }[] } }[] } } }) =>
        c.node.trips.edges.map((t) => [t.node.bookingReference, { status: t.node.status, kinds: t.node.segments.map((s) => s.kind) }]),
      ),
    );
    expect(trips).toEqual({
      HB7K2Q: { status: 'COMPLETED', kinds: ['FLIGHT', 'FLIGHT'] },
      LW4P8M: { status: 'CONFIRMED', kinds: ['FLIGHT', 'TRANSFER', 'HOTEL', 'TOUR', 'FLIGHT'] },
      SM3C9X: { status: 'CANCELLED', kinds: ['FLIGHT', 'HOTEL', 'FLIGHT'] },
    });
    expect(first.followUpSurveys.edges).toEqual([{ node: { status: 'SCHEDULED', components: ['FLIGHT'] } }]);
    const byType = Object.fromEntries(first.incidents.edges.map((e: { node: { type: string } }) => [e.node.type, e.node]));
    expect(byType.FLIGHT_CANCELLATION.entitlements).toEqual(expect.arrayContaining([{ regime: 'EU261', kind: 'COMPENSATION', amount: '250.00', currency: 'EUR' }]));
    expect(byType.BAGGAGE_DELAYED.baggageFile).toEqual({ reference: 'FRALH12345', status: 'OPEN' });
    expect(first.customerDocuments.edges).toEqual([{ node: { type: 'TRAVEL_CERTIFICATE', status: 'REQUESTED' } }]);

    const again = await seed();
    expect(again).toEqual(expect.arrayContaining(['demo customers, complaints and inquiries are already loaded', 'demo bookings are already imported']));
    expect(await snapshot()).toEqual(first);
  }, 120_000);
});
