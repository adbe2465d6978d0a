import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Customer } from './customer.entity';
import { CustomerStatus, type CustomerTier, higherTier, TierRule } from './customer.enums';
import type { SetCustomerTierInput } from './customer.inputs';
import type { CustomerProfiles } from './customer-profiles';

/** A customer's tier and the rule that set it: by hand (a CRM manager, with a reason) or raised automatically, never lowered. */
export class CustomerTiers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly clock: Clock,
  ) {}

  async set(input: SetCustomerTierInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      if (customer.tier === input.tier && customer.tierRule === TierRule.MANUAL && customer.tierReason === input.reason.trim()) return customer;
      this.apply(customer, input.tier, TierRule.MANUAL, input.reason.trim());
      return this.profiles.saveAndPublish(manager, customer, ['tier']);
    });
  }

  /**
   * Raises a customer's tier to at least `tier` under an automatic rule (points earned, key-account
   * membership) in the caller's transaction; never lowers it.
   */
  async raise(manager: EntityManager, customerId: string, tier: CustomerTier, rule: TierRule, reason: string): Promise<void> {
    const customer = await manager.findOne(Customer, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
    if (!customer || customer.status !== CustomerStatus.ACTIVE || higherTier(customer.tier, tier) === customer.tier) return;
    this.apply(customer, tier, rule, reason);
    await this.profiles.saveAndPublish(manager, customer, ['tier']);
  }

  private apply(customer: Customer, tier: CustomerTier, rule: TierRule, reason: string): void {
    customer.tier = tier;
    customer.tierRule = rule;
    customer.tierReason = reason;
    customer.tierSetAt = this.clock.now();
  }
}
