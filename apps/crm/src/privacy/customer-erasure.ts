import type { Identity } from '@carebridge/auth';
import { customerErased } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { ConflictError, NotFoundError } from '@carebridge/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { assessCompleteness } from '../customer/completeness';
import type { CustomerDataSection } from '../customer/customer-data-section';
import { Customer } from '../customer/customer.entity';
import { CustomerStatus } from '../customer/customer.enums';
import type { EraseCustomerInput } from './privacy.inputs';

export const ERASED_NAME = 'Erased customer';

/**
 * The right to erasure: the profile is anonymised, every part of crm removes what
 * identifies them, and `customer.erased` tells the other services to do the same.
 */
export class CustomerErasure {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sections: readonly CustomerDataSection[],
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Erases a customer and every profile merged into them. Afterwards nothing in crm identifies
   * them, no event about them is published any more (handlers and jobs skip erased customers),
   * `customer.erased` carries only the id, and their key is destroyed, so that no event about them
   * published before can be read any more (crypto-shredding, docs/security.md).
   */
  async erase(input: EraseCustomerInput, by: Identity): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw new NotFoundError('Customer', input.customerId);
      if (customer.status === CustomerStatus.ERASED) {
        throw new ConflictError(`Customer "${customer.id}" was already erased`, { currentStatus: customer.status, allowedNext: [] });
      }
      const now = this.clock.now();
      const ids: { id: string }[] = await manager.query(
        `WITH RECURSIVE merged AS (SELECT id FROM customer WHERE id = $1 UNION SELECT c.id FROM customer c JOIN merged m ON c.merged_into_id = m.id)
         SELECT id FROM merged`,
        [customer.id],
      );
      for (const { id } of ids) {
        const profile = id === customer.id ? customer : await manager.findOneOrFail(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } });
        for (const part of this.sections) await part.erase(manager, id);
        await this.anonymise(manager, profile, now);
        await manager.query(`INSERT INTO customer_erasure (customer_id, erased_by, reason, erased_at) VALUES ($1, $2, $3, $4)`, [id, by.userId, input.reason.trim(), now]);
        await this.outbox.publish(manager, customerErased, { customerId: id, erasedAt: now.toISOString() });
      }
      // Last, once the erasure is certain to be allowed: every event about them already published
      // becomes unreadable (their key is destroyed) and crm's outbox keeps none of their data.
      for (const { id } of ids) await this.outbox.eraseSealedFields(manager, id);
      return customer;
    });
  }

  private async anonymise(manager: EntityManager, profile: Customer, now: Date): Promise<void> {
    Object.assign(profile, {
      fullName: ERASED_NAME,
      // An erased name must not be findable as anyone's duplicate.
      nameKey: '',
      email: null,
      phone: null,
      preferredChannel: null,
      preferences: {},
      tags: [],
      notes: null,
      marketingConsent: false,
      followUpConsent: false,
      consentsUpdatedAt: null,
      tierReason: null,
      lastVerifiedBy: null,
      status: CustomerStatus.ERASED,
      erasedAt: now,
      updatedAt: now,
    });
    Object.assign(profile, assessCompleteness(profile, 0));
    await manager.save(profile);
  }
}
