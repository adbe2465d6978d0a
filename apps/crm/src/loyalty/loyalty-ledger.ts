import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, NotFoundError } from '@carebridge/domain';
import { loyaltyPointsChanged } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { CustomerTiers } from '../customer/customer-tiers';
import { Customer } from '../customer/customer.entity';
import { CustomerStatus, CustomerTier, TierRule } from '../customer/customer.enums';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { LoyaltyAccount, LoyaltyEntry, MilesEntry } from './loyalty.entity';
import { LoyaltyEntryKind, LoyaltySource } from './loyalty.enums';
import type { AdjustLoyaltyPointsInput, EarnLoyaltyPointsInput, RedeemLoyaltyPointsInput } from './loyalty.inputs';

export interface PointsChange {
  customerId: string;
  kind: LoyaltyEntryKind;
  points: number;
  reason: string;
  idempotencyKey: string;
  source: LoyaltySource;
  sourceReference?: string | null;
  recordedBy: string;
  occurredAt: Date;
  /** EXPIRE takes the points of this lot; other debits take the oldest lots first. */
  lotId?: string;
}

/** A change of the miles balance: miles are their own unit, with no lots, expiry or tiers. */
export type MilesChange = Omit<PointsChange, 'kind' | 'points' | 'lotId'> & { miles: number };

export interface LoyaltySettings {
  /** Earned points expire this many months after they were earned, oldest first. */
  pointsExpiryMonths: number;
  /** Lifetime points that raise a customer to SILVER, GOLD and VIP (points only ever raise a tier). */
  tierPoints: [silver: number, gold: number, vip: number];
}

/**
 * The points ledger (T-2.3). The balance is the sum of the entries and never negative; each
 * customer's account row is locked while an entry is booked, so concurrent debits cannot both
 * pass the balance check. Every entry has an idempotency key: the same change booked twice (a
 * redelivered event, a retried request) is booked once.
 */
export class LoyaltyLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly tiers: CustomerTiers,
    private readonly history: InteractionHistory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly settings: LoyaltySettings,
  ) {}

  earn(input: EarnLoyaltyPointsInput, by: Identity): Promise<LoyaltyEntry> {
    return this.byHand(input, LoyaltyEntryKind.EARN, input.points, by);
  }

  redeem(input: RedeemLoyaltyPointsInput, by: Identity): Promise<LoyaltyEntry> {
    return this.byHand(input, LoyaltyEntryKind.REDEEM, -input.points, by);
  }

  adjust(input: AdjustLoyaltyPointsInput, by: Identity): Promise<LoyaltyEntry> {
    return this.byHand(input, LoyaltyEntryKind.ADJUST, input.points, by);
  }

  /**
   * Books one entry in the caller's transaction. A repeated idempotency key returns the entry
   * already booked (when it describes the same change) or is refused (when it does not).
   */
  async book(manager: EntityManager, change: PointsChange): Promise<LoyaltyEntry> {
    // Customer row first, then the account: the same order as merges and tier changes, so they cannot deadlock.
    const customer = await manager.findOne(Customer, { where: { id: change.customerId }, lock: { mode: 'pessimistic_write' } });
    if (!customer) throw new NotFoundError('Customer', change.customerId);
    if (customer.status !== CustomerStatus.ACTIVE) {
      throw new ConflictError(`Customer "${customer.id}" is ${customer.status}; their points can no longer change`, { currentStatus: customer.status, allowedNext: [] });
    }
    const account = await this.lockedAccount(manager, customer.id, change.occurredAt);
    const earlier = await manager.findOneBy(LoyaltyEntry, { idempotencyKey: change.idempotencyKey });
    if (earlier) {
      if (earlier.customerId === change.customerId && earlier.kind === change.kind && earlier.points === change.points) return earlier;
      throw new ConflictError('This idempotency key was already used for a different points change', { field: 'input.idempotencyKey', entryId: earlier.id });
    }
    const balanceAfter = account.balance + change.points;
    if (balanceAfter < 0) {
      throw BadUserInputError.field('input.points', 'balance', `must not take more than the balance of ${account.balance} points`);
    }
    if (change.points < 0) await this.takeFromLots(manager, customer.id, -change.points, change.lotId);
    const credit = change.points > 0;
    const entry = await manager.save(
      manager.create(LoyaltyEntry, {
        customerId: customer.id,
        kind: change.kind,
        points: change.points,
        balanceAfter,
        reason: change.reason,
        idempotencyKey: change.idempotencyKey,
        source: change.source,
        sourceReference: change.sourceReference ?? null,
        expiresAt: credit ? addMonths(change.occurredAt, this.settings.pointsExpiryMonths) : null,
        remaining: credit ? change.points : null,
        recordedBy: change.recordedBy,
        occurredAt: change.occurredAt,
      }),
    );
    account.balance = balanceAfter;
    if (change.kind === LoyaltyEntryKind.EARN) account.lifetimeEarned += change.points;
    account.updatedAt = change.occurredAt;
    await manager.save(account);

    const eventId = await this.outbox.publish(manager, loyaltyPointsChanged, {
      entryId: entry.id,
      customerId: customer.id,
      kind: entry.kind,
      points: entry.points,
      balance: balanceAfter,
      reason: entry.reason,
      occurredAt: entry.occurredAt.toISOString(),
    });
    await this.history.record(manager, {
      customerId: customer.id,
      kind: InteractionKind.LOYALTY,
      summary: `${entry.points > 0 ? '+' : ''}${entry.points} points (${entry.kind}, ${entry.source}); balance ${balanceAfter}`,
      referenceId: entry.id,
      sourceService: 'crm',
      occurredAt: entry.occurredAt,
      entryId: eventId,
    });
    if (change.kind === LoyaltyEntryKind.EARN) {
      const earnedTier = this.tierFor(account.lifetimeEarned);
      if (earnedTier) await this.tiers.raise(manager, customer.id, earnedTier, TierRule.POINTS_EARNED, `${account.lifetimeEarned} lifetime points earned`);
    }
    return entry;
  }

  /**
   * Books one miles entry in the caller's transaction, under the same locks and idempotency rule as
   * points: a repeated key for the same change returns the entry already booked, for another change
   * it is a CONFLICT; the miles balance never goes negative.
   */
  async bookMiles(manager: EntityManager, change: MilesChange): Promise<MilesEntry> {
    const customer = await manager.findOne(Customer, { where: { id: change.customerId }, lock: { mode: 'pessimistic_write' } });
    if (!customer) throw new NotFoundError('Customer', change.customerId);
    if (customer.status !== CustomerStatus.ACTIVE) {
      throw new ConflictError(`Customer "${customer.id}" is ${customer.status}; their miles can no longer change`, { currentStatus: customer.status, allowedNext: [] });
    }
    const account = await this.lockedAccount(manager, customer.id, change.occurredAt);
    const earlier = await manager.findOneBy(MilesEntry, { idempotencyKey: change.idempotencyKey });
    if (earlier) {
      if (earlier.customerId === change.customerId && earlier.miles === change.miles) return earlier;
      throw new ConflictError('This idempotency key was already used for a different miles change', { field: 'input.idempotencyKey', entryId: earlier.id });
    }
    const balanceAfter = account.milesBalance + change.miles;
    if (balanceAfter < 0) throw BadUserInputError.field('input.miles', 'balance', `must not take more than the balance of ${account.milesBalance} miles`);
    const entry = await manager.save(
      manager.create(MilesEntry, {
        customerId: customer.id,
        miles: change.miles,
        balanceAfter,
        reason: change.reason,
        idempotencyKey: change.idempotencyKey,
        source: change.source,
        sourceReference: change.sourceReference ?? null,
        recordedBy: change.recordedBy,
        occurredAt: change.occurredAt,
      }),
    );
    account.milesBalance = balanceAfter;
    account.updatedAt = change.occurredAt;
    await manager.save(account);
    await this.history.record(manager, {
      customerId: customer.id,
      kind: InteractionKind.LOYALTY,
      summary: `${entry.miles > 0 ? '+' : ''}${entry.miles} miles (${entry.source}); miles balance ${balanceAfter}`,
      referenceId: entry.id,
      sourceService: 'crm',
      occurredAt: entry.occurredAt,
      entryId: null,
    });
    return entry;
  }

  /** The points-expiry job: what is left of lots past their expiry date is expired, once per lot. */
  async expirePoints(now: Date): Promise<{ expiredLots: number }> {
    const lots: { id: string; customer_id: string }[] = await this.dataSource.query(
      `SELECT e.id, e.customer_id FROM loyalty_entry e JOIN customer c ON c.id = e.customer_id
       WHERE e.remaining > 0 AND e.expires_at <= $1 AND c.status = 'ACTIVE' ORDER BY e.expires_at, e.id LIMIT 1000`,
      [now],
    );
    let expiredLots = 0;
    for (const lot of lots) {
      expiredLots += await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT 1 FROM customer WHERE id = $1 FOR UPDATE', [lot.customer_id]);
        await this.lockedAccount(manager, lot.customer_id, now);
        const current = await manager.findOneBy(LoyaltyEntry, { id: lot.id });
        if (!current?.remaining) return 0;
        await this.book(manager, {
          customerId: lot.customer_id,
          kind: LoyaltyEntryKind.EXPIRE,
          points: -current.remaining,
          reason: `Points earned on ${current.occurredAt.toISOString().slice(0, 10)} expired`,
          idempotencyKey: `expiry:${current.id}`,
          source: LoyaltySource.EXPIRY,
          sourceReference: current.id,
          recordedBy: 'crm',
          occurredAt: now,
          lotId: current.id,
        });
        return 1;
      });
    }
    return { expiredLots };
  }

  private async byHand(input: { customerId: string; reason: string; idempotencyKey: string }, kind: LoyaltyEntryKind, points: number, by: Identity): Promise<LoyaltyEntry> {
    return this.dataSource.transaction(async (manager) => {
      await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      return this.book(manager, {
        customerId: input.customerId,
        kind,
        points,
        reason: input.reason.trim(),
        idempotencyKey: input.idempotencyKey.trim(),
        source: LoyaltySource.MANUAL,
        recordedBy: by.userId,
        occurredAt: this.clock.now(),
      });
    });
  }

  private async lockedAccount(manager: EntityManager, customerId: string, now: Date): Promise<LoyaltyAccount> {
    await manager.query(`INSERT INTO loyalty_account (customer_id, balance, lifetime_earned, miles_balance, updated_at) VALUES ($1, 0, 0, 0, $2) ON CONFLICT (customer_id) DO NOTHING`, [
      customerId,
      now,
    ]);
    return manager.findOneOrFail(LoyaltyAccount, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Debits take the lots that expire first; an expiry takes its own lot. */
  private async takeFromLots(manager: EntityManager, customerId: string, points: number, lotId?: string): Promise<void> {
    const lots: { id: string; remaining: number }[] = lotId
      ? await manager.query(`SELECT id, remaining FROM loyalty_entry WHERE id = $1 AND remaining > 0`, [lotId])
      : await manager.query(`SELECT id, remaining FROM loyalty_entry WHERE customer_id = $1 AND remaining > 0 ORDER BY expires_at, id`, [customerId]);
    let left = points;
    for (const lot of lots) {
      if (left === 0) break;
      const taken = Math.min(lot.remaining, left);
      await manager.query(`UPDATE loyalty_entry SET remaining = remaining - $2 WHERE id = $1`, [lot.id, taken]);
      left -= taken;
    }
    if (left > 0) throw new Error(`Points ledger of customer ${customerId} is inconsistent: ${left} points not covered by lots`);
  }

  private tierFor(lifetimeEarned: number): CustomerTier | null {
    const [silver, gold, vip] = this.settings.tierPoints;
    if (lifetimeEarned >= vip) return CustomerTier.VIP;
    if (lifetimeEarned >= gold) return CustomerTier.GOLD;
    if (lifetimeEarned >= silver) return CustomerTier.SILVER;
    return null;
  }
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
