import { BadUserInputError, ConflictError } from '@carebridge/domain';
import { complaintCustomerTimelineEntry, complaintResolved } from '@carebridge/event-contracts';
import { decodeEnvelope, type TransportMessage } from '@carebridge/messaging';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerTier } from '../customer/customer.enums';
import { LoyaltyEntry } from './loyalty.entity';

describe('points ledger (real Postgres)', () => {
  let crm: Crm;
  const agent = identity('agent');
  const manager = identity('crm_manager');
  let customerId: string;

  beforeAll(async () => {
    crm = await openCrm({ CRM_POINTS_EXPIRY_MONTHS: '12', CRM_TIER_POINTS: '1000,5000,20000' });
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, outbox_event, processed_event CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
    customerId = (await crm.domain.customer.registration.register({ fullName: 'Priya Sharma', email: 'priya@example.in', preferredLanguage: 'en', tier: CustomerTier.STANDARD } as any, agent)).id;
  });

  async function ledgerSum(): Promise<number> {
    const [row] = await crm.db.dataSource.query('SELECT COALESCE(sum(points), 0)::int AS sum FROM loyalty_entry WHERE customer_id = $1', [customerId]);
    return row.sum;
  }

  const resolved = (itemIds: string[], points = 500) =>
    crm.message(complaintResolved, {
      complaintId: '7a1b2c3d-0000-4000-8000-000000000001',
      registrationNumber: 'CMP-2026-000001',
      customerId,
      resolvedBy: 'specialist-1',
      resolvedAt: '2026-11-02T08:00:00.000Z',
      rootCause: 'Baggage handling at transfer',
      compensation: [
        { itemId: itemIds[0], kind: 'LOYALTY_POINTS', amount: null, currency: null, quantity: points, description: null, reason: 'Delayed baggage' },
        { itemId: itemIds[1], kind: 'VOUCHER', amount: '75.00', currency: 'EUR', quantity: null, description: 'Any package holiday', reason: 'Delayed baggage' },
        { itemId: itemIds[2], kind: 'REFUND', amount: '120.00', currency: 'EUR', quantity: null, description: null, reason: 'Taxi costs' },
      ],
    });

  /** The entry the complaint service puts on the customer's timeline with a resolution it publishes. */
  const resolutionOnTimeline = (resolution: TransportMessage) =>
    crm.message(complaintCustomerTimelineEntry, {
      entryId: decodeEnvelope(resolution).id,
      customerId,
      kind: 'COMPLAINT',
      summary: 'Complaint CMP-2026-000001 resolved; compensation: LOYALTY_POINTS 500, VOUCHER 75.00 EUR, REFUND 120.00 EUR',
      referenceId: '7a1b2c3d-0000-4000-8000-000000000001',
      referenceNumber: 'CMP-2026-000001',
      category: null,
      occurredAt: '2026-11-02T08:00:00.000Z',
    });

  it('earns, redeems and adjusts; the balance is the sum of the entries and each change is published', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 800, reason: 'Booking BK-100', idempotencyKey: 'booking:BK-100' }, agent);
    await crm.domain.loyalty.ledger.redeem({ customerId, points: 300, reason: 'Seat upgrade', idempotencyKey: 'redeem:1' }, agent);
    await crm.domain.loyalty.ledger.adjust({ customerId, points: -100, reason: 'Correction of a double credit', idempotencyKey: 'adjust:1' }, manager);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(400);
    expect(await ledgerSum()).toBe(400);
    const events = (await crm.db.outboxEvents()).filter((e) => e.type === 'loyalty.points_changed');
    expect(events.map((e) => [e.data.kind, e.data.points, e.data.balance])).toEqual([
      ['EARN', 800, 800],
      ['REDEEM', -300, 500],
      ['ADJUST', -100, 400],
    ]);
    const history = await crm.domain.interaction.history.forCustomer(customerId, {});
    expect(history.edges.filter((e) => e.node.kind === 'LOYALTY')).toHaveLength(3);
  });

  it('never goes below zero, and a refused debit writes nothing', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 100, reason: 'Booking BK-1', idempotencyKey: 'booking:BK-1' }, agent);
    await expect(crm.domain.loyalty.ledger.redeem({ customerId, points: 101, reason: 'Too much', idempotencyKey: 'redeem:x' }, agent)).rejects.toThrow(BadUserInputError);
    await expect(crm.domain.loyalty.ledger.adjust({ customerId, points: -500, reason: 'Too much', idempotencyKey: 'adjust:x' }, manager)).rejects.toThrow(/balance of 100/);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(100);
    expect(await crm.db.dataSource.getRepository(LoyaltyEntry).countBy({ customerId })).toBe(1);
  });

  it('lets only one of two concurrent debits of the whole balance through', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 100, reason: 'Booking BK-2', idempotencyKey: 'booking:BK-2' }, agent);
    const results = await Promise.allSettled([
      crm.domain.loyalty.ledger.redeem({ customerId, points: 100, reason: 'Upgrade A', idempotencyKey: 'redeem:a' }, agent),
      crm.domain.loyalty.ledger.redeem({ customerId, points: 100, reason: 'Upgrade B', idempotencyKey: 'redeem:b' }, agent),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(0);
    expect(await ledgerSum()).toBe(0);
  });

  it('books a change once per idempotency key, and refuses the key for a different change', async () => {
    const first = await crm.domain.loyalty.ledger.earn({ customerId, points: 250, reason: 'Booking BK-3', idempotencyKey: 'booking:BK-3' }, agent);
    const again = await crm.domain.loyalty.ledger.earn({ customerId, points: 250, reason: 'Booking BK-3', idempotencyKey: 'booking:BK-3' }, agent);
    expect(again.id).toBe(first.id);
    await expect(crm.domain.loyalty.ledger.earn({ customerId, points: 999, reason: 'Booking BK-3', idempotencyKey: 'booking:BK-3' }, agent)).rejects.toThrow(ConflictError);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(250);
  });

  it('credits compensation points and issues the voucher from complaint.resolved exactly once, even when the event comes twice', async () => {
    const items = ['0b7c0d4e-0000-4000-8000-000000000001', '0b7c0d4e-0000-4000-8000-000000000002', '0b7c0d4e-0000-4000-8000-000000000003'];
    const message = resolved(items);
    const onTimeline = resolutionOnTimeline(message);
    await crm.deliver(message);
    await crm.deliver(onTimeline);
    await crm.deliver(message);
    await crm.deliver(onTimeline);
    // The complaint service publishing the same resolution again (a new event id) credits nothing more either.
    const again = resolved(items);
    await crm.deliver(again);
    await crm.deliver(resolutionOnTimeline(again));
    expect(crm.deadLetters).toHaveLength(0);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(500);
    const [entry] = await crm.db.dataSource.getRepository(LoyaltyEntry).findBy({ customerId });
    expect(entry).toMatchObject({ kind: 'EARN', points: 500, idempotencyKey: items[0], source: 'COMPLAINT_COMPENSATION', recordedBy: 'specialist-1' });
    const coupons = await crm.domain.loyalty.queries.couponsOf(customerId);
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ valueType: 'AMOUNT', value: '75.00', currency: 'EUR', source: 'COMPLAINT_COMPENSATION', conditions: 'Any package holiday', status: 'ACTIVE' });
    // Registration's own events (customer.created, customer.contact_changed) are not this test's.
    const types = (await crm.db.outboxEvents()).map((e) => e.type).filter((t) => !t.startsWith('customer.'));
    expect(types.sort()).toEqual(['coupon.issued', 'loyalty.points_changed']);
    const history = await crm.domain.interaction.history.forCustomer(customerId, {});
    expect(history.edges.map((e) => e.node.kind).sort()).toEqual(['COMPLAINT', 'COMPLAINT', 'COUPON', 'LOYALTY']);
  });

  it('books MILES items of complaint.resolved on the miles balance, once per item, beside the points, and moves them with a merge', async () => {
    const pointsItem = '0b7c0d4e-0000-4000-8000-000000000011';
    const milesItem = '0b7c0d4e-0000-4000-8000-000000000012';
    const withMiles = () =>
      crm.message(complaintResolved, {
        complaintId: '7a1b2c3d-0000-4000-8000-000000000002',
        registrationNumber: 'CMP-2026-000002',
        customerId,
        resolvedBy: 'specialist-1',
        resolvedAt: '2026-11-02T08:00:00.000Z',
        rootCause: 'Downgrade on the long-haul leg',
        compensation: [
          { itemId: pointsItem, kind: 'LOYALTY_POINTS', amount: null, currency: null, quantity: 300, description: null, reason: 'Downgrade' },
          { itemId: milesItem, kind: 'MILES', amount: null, currency: null, quantity: 5000, description: null, reason: 'Downgrade' },
        ],
      });
    const message = withMiles();
    await crm.deliver(message);
    await crm.deliver(message);
    await crm.deliver(withMiles()); // published again under a new event id: nothing more
    expect(crm.deadLetters).toHaveLength(0);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(300);
    const shown = await crm.run(
      'agent',
      `query($id: ID!) { customer(id: $id) { loyaltyBalance milesBalance milesLedger { miles balanceAfter idempotencyKey source sourceReference recordedBy } loyaltyLedger { edges { node { points } } } } }`,
      { id: customerId },
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data.customer).toEqual({
      loyaltyBalance: 300,
      milesBalance: 5000,
      milesLedger: [{ miles: 5000, balanceAfter: 5000, idempotencyKey: milesItem, source: 'COMPLAINT_COMPENSATION', sourceReference: '7a1b2c3d-0000-4000-8000-000000000002', recordedBy: 'specialist-1' }],
      loyaltyLedger: { edges: [{ node: { points: 300 } }] },
    });
    // The same key for another miles change is refused.
    await expect(
      crm.db.dataSource.transaction((tx) =>
        crm.domain.loyalty.ledger.bookMiles(tx, { customerId, miles: 10, reason: 'other', idempotencyKey: milesItem, source: 'MANUAL' as any, recordedBy: 'x', occurredAt: new Date() }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    const history = await crm.domain.interaction.history.forCustomer(customerId, {});
    expect(history.edges.filter((e) => e.node.summary.includes('miles')).map((e) => e.node.summary)).toEqual(['+5000 miles (COMPLAINT_COMPENSATION); miles balance 5000']);

    // A merge adds the duplicate's miles to the survivor's.
    const survivor = (await crm.domain.customer.registration.register({ fullName: 'Priya S.', email: 'priya.s@example.in', preferredLanguage: 'en', tier: CustomerTier.STANDARD } as any, agent)).id;
    await crm.db.dataSource.transaction((tx) =>
      crm.domain.loyalty.ledger.bookMiles(tx, { customerId: survivor, miles: 700, reason: 'goodwill', idempotencyKey: 'miles:goodwill', source: 'MANUAL' as any, recordedBy: 'x', occurredAt: new Date() }),
    );
    await crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: customerId } as any, manager);
    const merged = await crm.run('agent', `query($id: ID!) { customer(id: $id) { milesBalance milesLedger { miles } } }`, { id: survivor });
    expect(merged.data.customer.milesBalance).toBe(5700);
    expect(merged.data.customer.milesLedger.map((e: { miles: number }) => e.miles).sort()).toEqual([5000, 700].sort());
  });

  it('spends the oldest points first and expires what is left of a lot once, with the job', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 300, reason: 'Booking BK-4', idempotencyKey: 'booking:BK-4' }, agent);
    crm.db.clock.set('2027-03-01T09:00:00.000Z');
    await crm.domain.loyalty.ledger.earn({ customerId, points: 200, reason: 'Booking BK-5', idempotencyKey: 'booking:BK-5' }, agent);
    await crm.domain.loyalty.ledger.redeem({ customerId, points: 250, reason: 'Excursion', idempotencyKey: 'redeem:2' }, agent);
    // The first lot (300, 250 spent) expires on 2027-11-02: its 50 remaining points go.
    expect(await crm.domain.loyalty.ledger.expirePoints(new Date('2027-11-02T09:00:00.000Z'))).toEqual({ expiredLots: 1 });
    expect(await crm.domain.loyalty.ledger.expirePoints(new Date('2027-11-02T09:00:00.000Z'))).toEqual({ expiredLots: 0 });
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(200);
    expect(await ledgerSum()).toBe(200);
    const expired = await crm.db.dataSource.getRepository(LoyaltyEntry).findOneByOrFail({ customerId, kind: 'EXPIRE' as any });
    expect(expired).toMatchObject({ points: -50, balanceAfter: 200, source: 'EXPIRY' });
  });

  it('raises the tier when lifetime points reach a threshold (rule POINTS_EARNED), never lowers it', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 1200, reason: 'Round trip', idempotencyKey: 'booking:BK-6' }, agent);
    expect(await crm.domain.customer.queries.getById(customerId)).toMatchObject({ tier: 'SILVER', tierRule: 'POINTS_EARNED', tierReason: '1200 lifetime points earned' });
    await crm.domain.loyalty.ledger.redeem({ customerId, points: 1200, reason: 'Free flight', idempotencyKey: 'redeem:3' }, agent);
    expect((await crm.domain.customer.queries.getById(customerId)).tier).toBe('SILVER');
  });
});
