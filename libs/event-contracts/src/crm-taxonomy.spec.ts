import { couponIssued, customerCreated, customerUpdated, followUpCompleted, followUpScheduled, followUpScheduledV1, loyaltyPointsChanged } from './crm.events';
import { COUPON_SOURCES, COUPON_VALUE_TYPES, CUSTOMER_TIERS, FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, FOLLOW_UP_REASONS, FOLLOW_UP_REASONS_V1, LOYALTY_ENTRY_KINDS } from './crm-taxonomy';

describe("crm's vocabulary", () => {
  it('is what the contracts that carry it accept', () => {
    expect(customerCreated.schema.shape.tier.options).toEqual([...CUSTOMER_TIERS]);
    expect(customerUpdated.schema.shape.tier.options).toEqual([...CUSTOMER_TIERS]);
    expect(followUpScheduled.schema.shape.kind.options).toEqual([...FOLLOW_UP_KINDS]);
    expect(followUpScheduled.schema.shape.reason.options).toEqual([...FOLLOW_UP_REASONS]);
    // v1 keeps the reasons it was published with; every one of them is still a reason.
    expect(followUpScheduledV1.schema.shape.reason.options).toEqual([...FOLLOW_UP_REASONS_V1]);
    expect(FOLLOW_UP_REASONS_V1.every((reason) => (FOLLOW_UP_REASONS as readonly string[]).includes(reason))).toBe(true);
    expect(followUpCompleted.schema.shape.outcome.options).toEqual([...FOLLOW_UP_OUTCOMES]);
    expect(loyaltyPointsChanged.schema.shape.kind.options).toEqual([...LOYALTY_ENTRY_KINDS]);
    expect(couponIssued.schema.shape.valueType.options).toEqual([...COUPON_VALUE_TYPES]);
    expect(couponIssued.schema.shape.source.options).toEqual([...COUPON_SOURCES]);
  });

  it('lists the tiers lowest first', () => {
    expect(CUSTOMER_TIERS[0]).toBe('STANDARD');
    expect(CUSTOMER_TIERS.at(-1)).toBe('VIP');
  });
});
