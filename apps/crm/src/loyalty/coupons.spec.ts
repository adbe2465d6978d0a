import { ConflictError } from '@carebridge/domain';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerTier, TravelStyle } from '../customer/customer.enums';
import { CampaignStatus } from './campaign.enums';
import { CouponValueType } from './loyalty.enums';

describe('coupons and campaigns (real Postgres)', () => {
  let crm: Crm;
  const agent = identity('agent');
  const manager = identity('crm_manager');

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, campaign, outbox_event CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
  });

  const customer = async (fields: Record<string, unknown> = {}) =>
    (await crm.domain.customer.registration.register({ fullName: 'Emma Johansson', email: `emma.${Math.random()}@example.se`, preferredLanguage: 'sv', tier: CustomerTier.STANDARD, ...fields } as any, manager)).id;

  it('issues a coupon and redeems it once; a second redemption is refused with CONFLICT', async () => {
    const customerId = await customer();
    const coupon = await crm.domain.loyalty.couponIssuing.issueByHand(
      { customerId, valueType: CouponValueType.PERCENTAGE, value: '10', validUntil: new Date('2027-01-31T23:00:00Z'), conditions: 'Winter packages' },
      manager,
    );
    expect(coupon.code).toMatch(/^CB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const results = await Promise.allSettled([
      crm.domain.loyalty.couponRedemption.redeem({ code: coupon.code, bookingReference: 'BK-1' }, agent),
      crm.domain.loyalty.couponRedemption.redeem({ code: coupon.code.toLowerCase(), bookingReference: 'BK-2' }, agent),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(refused.reason.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'REDEEMED' });
    const types = (await crm.db.outboxEvents()).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('coupon.'))).toEqual(['coupon.issued', 'coupon.redeemed']);
  });

  it('checks value, currency and validity when issuing, and refuses an expired coupon', async () => {
    const customerId = await customer();
    const base = { customerId, validUntil: new Date('2026-12-01T00:00:00Z') };
    await expect(crm.domain.loyalty.couponIssuing.issueByHand({ ...base, valueType: CouponValueType.AMOUNT, value: '50' }, manager)).rejects.toMatchObject({ extensions: { field: 'input.currency' } });
    await expect(crm.domain.loyalty.couponIssuing.issueByHand({ ...base, valueType: CouponValueType.PERCENTAGE, value: '150' }, manager)).rejects.toMatchObject({ extensions: { field: 'input.value' } });
    const coupon = await crm.domain.loyalty.couponIssuing.issueByHand({ ...base, valueType: CouponValueType.AMOUNT, value: '50', currency: 'EUR' }, manager);
    crm.db.clock.set('2026-12-01T00:00:01Z');
    await expect(crm.domain.loyalty.couponRedemption.redeem({ code: coupon.code }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'EXPIRED' } });
    expect(await crm.domain.loyalty.couponRedemption.expireUnused(crm.db.clock.now())).toEqual({ expired: 1 });
    expect(await crm.domain.loyalty.couponRedemption.expireUnused(crm.db.clock.now())).toEqual({ expired: 0 });
    expect((await crm.domain.loyalty.queries.couponsOf(customerId))[0].status).toBe('EXPIRED');
  });

  it('grants a campaign’s points and coupon to each customer of its segment once, also to those who join later', async () => {
    const gold = await customer({ tier: CustomerTier.GOLD, marketingConsent: true, preferences: { destinations: ['Lisbon'], travelStyles: [TravelStyle.CITY] } });
    await customer({ tier: CustomerTier.GOLD, marketingConsent: false, preferences: { destinations: ['Lisbon'] } });
    await customer({ tier: CustomerTier.STANDARD, marketingConsent: true, preferences: { destinations: ['lisbon'] } });
    const campaign = await crm.domain.loyalty.rewardCampaigns.create(
      {
        name: 'Lisbon spring',
        segment: { tiers: [CustomerTier.GOLD, CustomerTier.VIP], tags: [], destinations: ['LISBON'], keyAccountIds: [], requireMarketingConsent: true },
        rewardPoints: 300,
        rewardCoupon: { valueType: CouponValueType.AMOUNT, value: '40', currency: 'EUR', validDays: 90, conditions: 'Lisbon packages' },
        startsAt: new Date('2026-11-01T00:00:00Z'),
        endsAt: new Date('2027-03-31T00:00:00Z'),
      },
      manager,
    );
    expect(campaign.status).toBe(CampaignStatus.DRAFT);
    expect(await crm.domain.loyalty.campaignQueries.grantPlan(campaign)).toMatchObject({ customersToReward: 1, pointsEach: 300, firstGrantsAt: null });
    expect(await crm.domain.loyalty.campaignRewards.grant(crm.db.clock.now())).toEqual({ granted: 0, ended: 0 });
    const launched = await crm.domain.loyalty.rewardCampaigns.launch({ campaignId: campaign.id });
    expect(await crm.domain.loyalty.campaignQueries.segmentSize(campaign)).toBe(1);
    // What launching grants and when: the segment's one customer, at the job's next run (every minute by default).
    const next = new Date(crm.db.clock.now().getTime() + 60_000);
    expect(await crm.domain.loyalty.campaignQueries.grantPlan(launched)).toEqual({
      customersToReward: 1,
      pointsEach: 300,
      totalPoints: 300,
      coupon: { valueType: 'AMOUNT', value: '40', currency: 'EUR', validDays: 90, conditions: 'Lisbon packages' },
      firstGrantsAt: next,
      allRewardedBy: next,
      grantsUntil: new Date('2027-03-31T00:00:00Z'),
    });
    expect(await crm.domain.loyalty.campaignRewards.grant(crm.db.clock.now())).toEqual({ granted: 1, ended: 0 });
    expect((await crm.domain.loyalty.campaignQueries.grantPlan(launched)).customersToReward).toBe(0);
    expect(await crm.domain.loyalty.campaignRewards.grant(crm.db.clock.now())).toEqual({ granted: 0, ended: 0 });
    expect(await crm.domain.loyalty.queries.balanceOf(gold)).toBe(300);
    expect((await crm.domain.loyalty.queries.couponsOf(gold)).map((c) => [c.source, c.value, c.currency])).toEqual([['CAMPAIGN', '40.00', 'EUR']]);
    const later = await customer({ tier: CustomerTier.VIP, marketingConsent: true, preferences: { destinations: ['Lisbon'] } });
    expect(await crm.domain.loyalty.campaignRewards.grant(crm.db.clock.now())).toEqual({ granted: 1, ended: 0 });
    expect(await crm.domain.loyalty.queries.balanceOf(later)).toBe(300);
    expect(await crm.domain.loyalty.campaignQueries.grantedCount(campaign.id)).toBe(2);
    await expect(crm.domain.loyalty.rewardCampaigns.launch({ campaignId: campaign.id })).rejects.toMatchObject({ extensions: { currentStatus: 'ACTIVE', allowedNext: ['ENDED'] } });
    expect(await crm.domain.loyalty.campaignRewards.grant(new Date('2027-04-01T00:00:00Z'))).toEqual({ granted: 0, ended: 1 });
  });

  it('refuses a campaign that grants nothing', async () => {
    await expect(
      crm.domain.loyalty.rewardCampaigns.create(
        { name: 'Nothing', segment: { tiers: [], tags: [], destinations: [], keyAccountIds: [], requireMarketingConsent: true }, startsAt: new Date('2026-11-01'), endsAt: new Date('2026-12-01') },
        manager,
      ),
    ).rejects.toMatchObject({ extensions: { field: 'input.rewardPoints' } });
  });
});
