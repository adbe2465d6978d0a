import { randomInt } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { couponIssued } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { checkValue } from './coupon-value';
import { Coupon } from './loyalty.entity';
import { CouponSource, CouponStatus, CouponValueType } from './loyalty.enums';
import type { IssueCouponInput } from './loyalty.inputs';

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

/** Issuing coupons (T-2.3): by hand, by campaigns and as complaint compensation; once per source reference. */
export class CouponIssuing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly history: InteractionHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async issueByHand(input: IssueCouponInput, by: Identity): Promise<Coupon> {
    const now = this.clock.now();
    const validFrom = input.validFrom ?? now;
    checkValue(input.valueType, input.value, input.currency ?? null, 'input');
    if (input.validUntil <= validFrom) throw BadUserInputError.field('input.validUntil', 'after-start', 'must be after validFrom');
    if (input.validUntil <= now) throw BadUserInputError.field('input.validUntil', 'future', 'must be in the future');
    return this.dataSource.transaction(async (manager) => {
      await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
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
    await this.history.record(manager, {
      customerId: coupon.customerId,
      kind: InteractionKind.COUPON,
      summary: `Coupon ${coupon.code} issued: ${describe(coupon)} (${coupon.source}), valid until ${coupon.validUntil.toISOString().slice(0, 10)}`,
      referenceId: coupon.id,
      referenceNumber: coupon.code,
      sourceService: 'crm',
      occurredAt: now,
      entryId: eventId,
    });
    return coupon;
  }
}

function newCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `CB-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

function describe(coupon: Coupon): string {
  return coupon.valueType === CouponValueType.AMOUNT ? `${coupon.value} ${coupon.currency}` : `${coupon.value}%`;
}
