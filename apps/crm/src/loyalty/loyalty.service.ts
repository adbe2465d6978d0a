import type { Identity } from '@carebridge/auth';
import { type complaintResolved, loyaltyPointsChanged } from '@carebridge/event-contracts';
import type { Outbox, ReceivedEvent } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Customer, CustomerStatus, CustomerTier, TierRule } from '../customer/customer.entity';
import { currentCustomer, type CustomerService } from '../customer/customer.service';
import { InteractionKind } from '../interaction/interaction.entity';
import type { InteractionService } from '../interaction/interaction.service';
import type { CustomerRecords } from '../shared/customer-records';
import type { AdjustLoyaltyPointsInput, EarnLoyaltyPointsInput, RedeemLoyaltyPointsInput } from './loyalty.inputs';
import { LoyaltyAccount, LoyaltyEntry, LoyaltyEntryKind, LoyaltySource } from './loyalty.entity';

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

export interface LoyaltySettings {
  pointsExpiryMonths: number;
  /** Lifetime points for SILVER, GOLD, VIP. */
  tierPoints: [number, number, number];
}

/**
 * The points ledger (T-2.3). The balance is the sum of the entries and never negative; each
 * customer's account row is locked while an entry is booked, so concurrent debits cannot both
 * pass the balance check. Every entry has an idempotency key: the same change booked twice (a
 * redelivered event, a retried request) is booked once.
 */
export class LoyaltyService implements CustomerRecords {
  readonly section = 'loyalty';

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly interactions: InteractionService,
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

  /** complaint.resolved: each LOYALTY_POINTS compensation item is credited once, its item id being the idempotency key. */
  async creditCompensation(event: ReceivedEvent<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, event.data.customerId);
    if (!customer) return;
    for (const item of event.data.compensation) {
      if (item.kind !== 'LOYALTY_POINTS' || !item.quantity || item.quantity <= 0) continue;
      await this.book(manager, {
        customerId: customer.id,
        kind: LoyaltyEntryKind.EARN,
        points: item.quantity,
        reason: `Compensation for complaint ${event.data.registrationNumber}: ${item.reason}`,
        idempotencyKey: item.itemId,
        source: LoyaltySource.COMPLAINT_COMPENSATION,
        sourceReference: event.data.complaintId,
        recordedBy: event.data.resolvedBy,
        occurredAt: new Date(event.data.resolvedAt),
      });
    }
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
    await this.interactions.record(manager, {
      customerId: customer.id,
      kind: InteractionKind.LOYALTY,
      summary: `${entry.points > 0 ? '+' : ''}${entry.points} points (${entry.kind}, ${entry.source}); balance ${balanceAfter}`,
      referenceId: entry.id,
      sourceService: 'crm',
      occurredAt: entry.occurredAt,
      eventId,
    });
    if (change.kind === LoyaltyEntryKind.EARN) {
      const earnedTier = this.tierFor(account.lifetimeEarned);
      if (earnedTier) await this.customers.raiseTier(manager, customer.id, earnedTier, TierRule.POINTS_EARNED, `${account.lifetimeEarned} lifetime points earned`);
    }
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

  /** Balances of several customers in one query (a list of customers). */
  async balancesOf(customerIds: readonly string[]): Promise<Map<string, number>> {
    const accounts = await this.dataSource.getRepository(LoyaltyAccount).findBy({ customerId: In([...customerIds]) });
    return new Map(customerIds.map((id) => [id, accounts.find((a) => a.customerId === id)?.balance ?? 0]));
  }

  async balanceOf(customerId: string): Promise<number> {
    const account = await this.dataSource.getRepository(LoyaltyAccount).findOneBy({ customerId });
    return account?.balance ?? 0;
  }

  ledger(customerId: string, page: PageArgs): Promise<Connection<LoyaltyEntry>> {
    const query = this.dataSource.getRepository(LoyaltyEntry).createQueryBuilder('entry').where('entry.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    // A DELETE answers [rows, count].
    const [[from]] = await manager.query(`DELETE FROM loyalty_account WHERE customer_id = $1 RETURNING balance, lifetime_earned`, [fromId]);
    if (from) {
      await manager.query(
        `INSERT INTO loyalty_account (customer_id, balance, lifetime_earned, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + EXCLUDED.balance,
           lifetime_earned = loyalty_account.lifetime_earned + EXCLUDED.lifetime_earned, updated_at = EXCLUDED.updated_at`,
        [toId, from.balance, from.lifetime_earned, this.clock.now()],
      );
    }
    const [, moved] = await manager.query(`UPDATE loyalty_entry SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    const account = await manager.findOneBy(LoyaltyAccount, { customerId });
    return {
      balance: account?.balance ?? 0,
      lifetimeEarned: account?.lifetimeEarned ?? 0,
      entries: await manager.find(LoyaltyEntry, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } }),
    };
  }

  /** Amounts stay (they are accounting records); the reasons, written about the customer, go. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE loyalty_entry SET reason = lower(kind::text) || ' (erased)' WHERE customer_id = $1`, [customerId]);
  }

  private async byHand(input: { customerId: string; reason: string; idempotencyKey: string }, kind: LoyaltyEntryKind, points: number, by: Identity): Promise<LoyaltyEntry> {
    return this.dataSource.transaction(async (manager) => {
      await this.customers.lockedActive(manager, input.customerId, 'input.customerId');
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
    await manager.query(`INSERT INTO loyalty_account (customer_id, balance, lifetime_earned, updated_at) VALUES ($1, 0, 0, $2) ON CONFLICT (customer_id) DO NOTHING`, [
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
