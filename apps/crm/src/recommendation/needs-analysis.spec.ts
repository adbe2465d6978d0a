import { complaintCustomerTimelineEntry } from '@carebridge/event-contracts';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { BudgetBand, CustomerTier, TravelDocumentKind, TravelStyle } from '../customer/customer.enums';
import { CouponValueType } from '../loyalty/loyalty.enums';

describe('travel proposals from preferences, history and tier (real Postgres)', () => {
  let crm: Crm;
  const manager = identity('crm_manager');

  beforeAll(async () => {
    crm = await openCrm();
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
  });
  afterAll(() => crm.close());

  it('proposes explainable offers, most relevant first, each with the facts it came from', async () => {
    const customer = await crm.domain.customer.registration.register(
      {
        fullName: 'Fatima Al-Sayed',
        email: 'fatima@example.ae',
        preferredLanguage: 'ar',
        tier: CustomerTier.GOLD,
        preferences: { destinations: ['Kyoto', 'Vienna'], travelStyles: [TravelStyle.CULTURAL], budgetBand: BudgetBand.PREMIUM, specialServiceNeeds: ['WCHR'] },
      } as any,
      manager,
    );
    await crm.domain.customer.travelDocuments.add({ customerId: customer.id, kind: TravelDocumentKind.PASSPORT, number: 'AE998877', issuingCountry: 'AE', expiresOn: '2027-02-15' }, manager);
    const coupon = await crm.domain.loyalty.couponIssuing.issueByHand(
      { customerId: customer.id, valueType: CouponValueType.AMOUNT, value: '60', currency: 'EUR', validUntil: new Date('2026-12-01T00:00:00Z') },
      manager,
    );
    await crm.deliver(
      crm.message(complaintCustomerTimelineEntry, {
        entryId: '9b1c2d3e-0000-4000-8000-000000000301',
        customerId: customer.id,
        kind: 'COMPLAINT',
        summary: 'Complaint CMP-2026-000301 registered (BAGGAGE, MEDIUM) via PHONE',
        referenceId: '7a1b2c3d-0000-4000-8000-000000000301',
        referenceNumber: 'CMP-2026-000301',
        category: 'BAGGAGE',
        occurredAt: '2026-09-01T10:00:00.000Z',
      }),
    );

    const proposals = await crm.domain.recommendation.needsAnalysis.proposalsFor(await crm.domain.customer.queries.getById(customer.id));
    expect(proposals.map((p) => [p.rule, p.score])).toEqual([
      ['PASSPORT_RENEWAL', 95],
      ['SPECIAL_ASSISTANCE', 85],
      ['COUPON_EXPIRING', 80],
      ['DESTINATION', 75],
      ['DESTINATION', 70],
      ['BAGGAGE_PROTECTION', 60],
      ['GOLD_UPGRADE', 55],
    ]);
    const byRule = Object.fromEntries(proposals.map((p) => [p.rule, p]));
    expect(byRule.PASSPORT_RENEWAL.reason).toBe('The passport on file expires on 2027-02-15, in less than six months.');
    expect(byRule.COUPON_EXPIRING.title).toBe(`Use coupon ${coupon.code} (60.00 EUR)`);
    expect(proposals[3]).toMatchObject({
      title: 'Guided cultural tour to Kyoto in the premium range',
      reason: "Kyoto is among the customer's preferred destinations and they travel cultural.",
      basis: ['preferences.destinations', 'preferences.travelStyles', 'preferences.budgetBand'],
    });
    expect(byRule.BAGGAGE_PROTECTION.reason).toBe('The customer had a baggage problem in the last 12 months (CMP-2026-000301).');
  });

  it('proposes by travel style when no destination is known, and nothing for a profile that is not active', async () => {
    const customer = await crm.domain.customer.registration.register(
      { fullName: 'Kwame Mensah', phone: '+233 24 123 4567', preferredLanguage: 'en', tier: CustomerTier.STANDARD, preferences: { travelStyles: [TravelStyle.FAMILY] } } as any,
      manager,
    );
    const proposals = await crm.domain.recommendation.needsAnalysis.proposalsFor(customer);
    expect(proposals.map((p) => [p.rule, p.title, p.reason])).toEqual([['STYLE_FAMILY', 'Family holiday', "The customer's travel style is family."]]);
    expect(await crm.domain.recommendation.needsAnalysis.proposalsFor({ ...customer, status: 'MERGED' as any })).toEqual([]);
  });
});
