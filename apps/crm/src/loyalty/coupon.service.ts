import { randomInt } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { type complaintResolved, couponIssued, couponRedeemed } from '@carebridge/event-contracts';
import type { Outbox, ReceivedEvent } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, NotFoundError } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { currentCustomer, type CustomerService } from '../customer/customer.service';
import { InteractionKind } from '../interaction/interaction.entity';
import type { InteractionService } from '../interaction/interaction.service';
import type { CustomerRecords } from '../shared/customer-records';
import type { IssueCouponInput, RedeemCouponInput } from './loyalty.inputs';
import { Coupon, CouponSource, CouponStatus, CouponValueType } from './loyalty.entity';

const DAY_MS = 86_400_000;
// No 0/O, 1/I/L: codes are read out on the phone.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface CouponTerms {
  customerId: string;
  valueType: CouponValueType;
  value: string;
  currency: string | null;
  validFrom: Date;
  validUntil: Date;
  conditions: string | null;
  source: CouponSource;
  /** What it is issued for; a second issue for the same reference is a no-op. */
  sourceReference: string | null;
  issuedBy: string;
}

/** Coupons (T-2.3): issued by hand, by campaigns and as complaint compensation; redeemed once; expired by a job. */
export class CouponService implements CustomerRecords {
  readonly section = 'coupons';

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly interactions: InteractionService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly compensationValidDays: number,
  ) {}

  async issueByHand(input: IssueCouponInput, by: Identity): Promise<Coupon> {
    const now = this.clock.now();
    const validFrom = input.validFrom ?? now;
    checkValue(input.valueType, input.value, input.currency ?? null, 'input');
    if (input.validUntil <= validFrom) throw BadUserInputError.field('input.validUntil', 'after-start', 'must be after validFrom');
    if (input.validUntil <= now) throw BadUserInputError.field('input.validUntil', 'future', 'must be in the future');
    return this.dataSource.transaction(async (manager) => {
      await this.customers.lockedActive(manager, input.customerId, 'input.customerId');
      return (await this.issue(manager, {
        customerId: input.customerId,
        valueType: input.valueType,
        value: input.value,
        currency: input.currency ?? null,
        validFrom,
        validUntil: input.validUntil,
        conditions: input.conditions?.trim() || null,
        source: CouponSource.MANUAL,
        sourceReference: null,
        issuedBy: by.userId,
      })) as Coupon;
    });
  }

  /** complaint.resolved: a VOUCHER compensation item becomes a coupon of its amount, once per item. */
  async issueCompensation(event: ReceivedEvent<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, event.data.customerId);
    if (!customer) return;
    const resolvedAt = new Date(event.data.resolvedAt);
    for (const item of event.data.compensation) {
      if (item.kind !== 'VOUCHER' || !item.amount || !item.currency || !(Number(item.amount) > 0)) continue;
      await this.issue(manager, {
        customerId: customer.id,
        valueType: CouponValueType.AMOUNT,
        value: item.amount,
        currency: item.currency,
        validFrom: resolvedAt,
        validUntil: new Date(resolvedAt.getTime() + this.compensationValidDays * DAY_MS),
        conditions: item.description,
        source: CouponSource.COMPLAINT_COMPENSATION,
        sourceReference: `complaint-compensation:${item.itemId}`,
        issuedBy: event.data.resolvedBy,
      });
    }
  }

  /** Issues a coupon in the caller's transaction; returns null when one was already issued for the same reference. */
  async issue(manager: EntityManager, terms: CouponTerms): Promise<Coupon | null> {
    const now = this.clock.now();
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Coupon)
      .values({ ...terms, code: newCode(), status: CouponStatus.ACTIVE, issuedAt: now, version: 1 })
      .onConflict('(source_reference) DO NOTHING')
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return null;
    const coupon = await manager.findOneByOrFail(Coupon, { id });
    const eventId = await this.outbox.publish(manager, couponIssued, {
      couponId: coupon.id,
      customerId: coupon.customerId,
      valueType: coupon.valueType,
      value: coupon.value,
      currency: coupon.currency,
      validUntil: coupon.validUntil.toISOString(),
      source: coupon.source,
      issuedAt: coupon.issuedAt.toISOString(),
    });
    await this.interactions.record(manager, {
      customerId: coupon.customerId,
      kind: InteractionKind.COUPON,
      summary: `Coupon ${coupon.code} issued: ${describe(coupon)} (${coupon.source}), valid until ${coupon.validUntil.toISOString().slice(0, 10)}`,
      referenceId: coupon.id,
      referenceNumber: coupon.code,
      sourceService: 'crm',
      occurredAt: now,
      eventId,
    });
    return coupon;
  }

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
      await this.interactions.record(manager, {
        customerId: saved.customerId,
        kind: InteractionKind.COUPON,
        summary: `Coupon ${saved.code} redeemed${saved.bookingReference ? ` for booking ${saved.bookingReference}` : ''}`,
        referenceId: saved.id,
        referenceNumber: saved.code,
        sourceService: 'crm',
        occurredAt: now,
        eventId,
      });
      return saved;
    });
  }

  /** The coupon-expiry job; idempotent (only ACTIVE coupons change). */
  async expireCoupons(now: Date): Promise<{ expired: number }> {
    const [, expired] = await this.dataSource.query(`UPDATE coupon SET status = 'EXPIRED', version = version + 1 WHERE status = 'ACTIVE' AND valid_until <= $1`, [now]);
    return { expired };
  }

  couponsOf(customerId: string, status?: CouponStatus[]): Promise<Coupon[]> {
    return this.dataSource.getRepository(Coupon).find({
      where: { customerId, ...(status?.length ? { status: In(status) } : {}) },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
  }

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved] = await manager.query(`UPDATE coupon SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Coupon, { where: { customerId }, order: { issuedAt: 'ASC' } });
  }

  /** Unused coupons of an erased customer can no longer be used by anyone. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE coupon SET status = 'EXPIRED', version = version + 1 WHERE customer_id = $1 AND status = 'ACTIVE'`, [customerId]);
  }
}

/** AMOUNT coupons have a currency; PERCENTAGE coupons none, and at most 100. */
export function checkValue(valueType: CouponValueType, value: string, currency: string | null, path: string): void {
  if (!(Number(value) > 0)) throw BadUserInputError.field(`${path}.value`, 'positive', 'must be greater than 0');
  if (valueType === CouponValueType.AMOUNT && !currency) throw BadUserInputError.field(`${path}.currency`, 'required', 'must be given for an AMOUNT coupon');
  if (valueType === CouponValueType.PERCENTAGE && currency) throw BadUserInputError.field(`${path}.currency`, 'absent', 'must be left out for a PERCENTAGE coupon');
  if (valueType === CouponValueType.PERCENTAGE && Number(value) > 100) throw BadUserInputError.field(`${path}.value`, 'percentage', 'must be at most 100 percent');
}

function newCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `CB-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

function describe(coupon: Coupon): string {
  return coupon.valueType === CouponValueType.AMOUNT ? `${coupon.value} ${coupon.currency}` : `${coupon.value}%`;
}
