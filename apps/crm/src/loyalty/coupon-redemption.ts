import type { Identity } from '@carebridge/auth';
import { ConflictError, NotFoundError } from '@carebridge/domain';
import { couponRedeemed } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { Coupon } from './loyalty.entity';
import { CouponStatus } from './loyalty.enums';
import type { RedeemCouponInput } from './loyalty.inputs';

/** The end of a coupon's life: redeemed once while valid, or expired unused by the coupon-expiry job. */
export class CouponRedemption {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: InteractionHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Redeems a coupon once; a second redemption, an expired or a not yet valid coupon is refused with CONFLICT. */
  async redeem(input: RedeemCouponInput, by: Identity): Promise<Coupon> {
    return this.dataSource.transaction(async (manager) => {
      const coupon = await manager.findOne(Coupon, { where: { code: input.code.trim().toUpperCase() }, lock: { mode: 'pessimistic_write' } });
      if (!coupon) throw new NotFoundError('Coupon', input.code);
      const now = this.clock.now();
      if (coupon.status !== CouponStatus.ACTIVE) {
        throw new ConflictError(`Coupon ${coupon.code} is ${coupon.status} and cannot be redeemed`, { currentStatus: coupon.status, allowedNext: [] });
      }
      if (now >= coupon.validUntil) throw new ConflictError(`Coupon ${coupon.code} expired on ${coupon.validUntil.toISOString()}`, { currentStatus: 'EXPIRED', allowedNext: [] });
      if (now < coupon.validFrom) {
        throw new ConflictError(`Coupon ${coupon.code} is valid from ${coupon.validFrom.toISOString()}`, { currentStatus: 'NOT_YET_VALID', allowedNext: [] });
      }
      coupon.status = CouponStatus.REDEEMED;
      coupon.redeemedAt = now;
      coupon.redeemedBy = by.userId;
      coupon.bookingReference = input.bookingReference?.trim() || null;
      const saved = await manager.save(coupon);
      const eventId = await this.outbox.publish(manager, couponRedeemed, {
        couponId: saved.id,
        customerId: saved.customerId,
        redeemedAt: now.toISOString(),
        bookingReference: saved.bookingReference,
      });
      await this.history.record(manager, {
        customerId: saved.customerId,
        kind: InteractionKind.COUPON,
        summary: `Coupon ${saved.code} redeemed${saved.bookingReference ? ` for booking ${saved.bookingReference}` : ''}`,
        referenceId: saved.id,
        referenceNumber: saved.code,
        sourceService: 'crm',
        occurredAt: now,
        entryId: eventId,
      });
      return saved;
    });
  }

  /** The coupon-expiry job; idempotent (only ACTIVE coupons change). */
  async expireUnused(now: Date): Promise<{ expired: number }> {
    const [, expired] = await this.dataSource.query(`UPDATE coupon SET status = 'EXPIRED', version = version + 1 WHERE status = 'ACTIVE' AND valid_until <= $1`, [now]);
    return { expired };
  }
}
