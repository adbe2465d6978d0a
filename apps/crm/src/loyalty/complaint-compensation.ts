import type { complaintResolved, EventData } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import { currentCustomer } from '../customer/customer-profiles';
import type { CouponIssuing } from './coupon-issuing';
import type { LoyaltyLedger } from './loyalty-ledger';
import { CouponSource, CouponValueType, LoyaltyEntryKind, LoyaltySource } from './loyalty.enums';

const DAY_MS = 86_400_000;

/**
 * What a resolved complaint gave the customer (T-1.5): LOYALTY_POINTS items are credited, MILES
 * items go to the miles balance and VOUCHER items become coupons, each item once (its id is the idempotency key), on the surviving
 * profile of a merged customer and not at all for an erased one.
 */
export class ComplaintCompensation {
  constructor(
    private readonly ledger: LoyaltyLedger,
    private readonly coupons: CouponIssuing,
    private readonly couponValidDays: number,
  ) {}

  async grant(resolution: EventData<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    await this.creditLedger(resolution, manager);
    await this.issueVouchers(resolution, manager);
  }

  /** LOYALTY_POINTS items on the points ledger, MILES items on the miles balance: the same booking, each item once. */
  private async creditLedger(resolution: EventData<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, resolution.customerId);
    if (!customer) return;
    for (const item of resolution.compensation) {
      if ((item.kind !== 'LOYALTY_POINTS' && item.kind !== 'MILES') || !item.quantity || item.quantity <= 0) continue;
      const booking = {
        customerId: customer.id,
        reason: `Compensation for complaint ${resolution.registrationNumber}: ${item.reason}`,
        idempotencyKey: item.itemId,
        source: LoyaltySource.COMPLAINT_COMPENSATION,
        sourceReference: resolution.complaintId,
        recordedBy: resolution.resolvedBy,
        occurredAt: new Date(resolution.resolvedAt),
      };
      if (item.kind === 'MILES') await this.ledger.bookMiles(manager, { ...booking, miles: item.quantity });
      else await this.ledger.book(manager, { ...booking, kind: LoyaltyEntryKind.EARN, points: item.quantity });
    }
  }

  private async issueVouchers(resolution: EventData<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, resolution.customerId);
    if (!customer) return;
    const resolvedAt = new Date(resolution.resolvedAt);
    for (const item of resolution.compensation) {
      if (item.kind !== 'VOUCHER' || !item.amount || !item.currency || !(Number(item.amount) > 0)) continue;
      await this.coupons.issue(manager, {
        customerId: customer.id,
        valueType: CouponValueType.AMOUNT,
        value: item.amount,
        currency: item.currency,
        validFrom: resolvedAt,
        validUntil: new Date(resolvedAt.getTime() + this.couponValidDays * DAY_MS),
        conditions: item.description,
        source: CouponSource.COMPLAINT_COMPENSATION,
        sourceReference: `complaint-compensation:${item.itemId}`,
        issuedBy: resolution.resolvedBy,
      });
    }
  }
}
