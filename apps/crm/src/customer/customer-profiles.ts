import { customerConsentsChanged, customerContactChanged, customerUpdated } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { assessCompleteness } from './completeness';
import { Customer } from './customer.entity';
import { CustomerStatus } from './customer.enums';
import { TravelDocument } from './travel-document.entity';

/**
 * What every change of a profile goes through: the profile is locked while it changes (a merged
 * or erased one cannot change any more), its completeness is recomputed, and customer.updated
 * names the changed fields, in the change's transaction.
 */
export class CustomerProfiles {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Locks an ACTIVE customer for a change; a merged or erased profile cannot change any more. */
  async lockedActive(manager: EntityManager, id: string, field: string): Promise<Customer> {
    const customer = isUuid(id) ? await manager.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!customer) throw new NotFoundError('Customer', id);
    if (customer.status !== CustomerStatus.ACTIVE) {
      throw new ConflictError(`Customer "${id}" is ${customer.status} and can no longer change`, { currentStatus: customer.status, allowedNext: [], field });
    }
    return customer;
  }

  /**
   * Finds a record of a profile (a contact, a travel document) by id and locks the ACTIVE customer
   * it belongs to for a change; `field` names the input that gave the id.
   */
  async lockedOwnerOf<T extends { customerId: string }>(manager: EntityManager, entity: EntityTarget<T> & { name: string }, id: string, field: string): Promise<{ record: T; customer: Customer }> {
    const record = await manager.findOneBy(entity, { id } as unknown as FindOptionsWhere<T>);
    if (!record) throw new NotFoundError(entity.name, id);
    return { record, customer: await this.lockedActive(manager, record.customerId, field) };
  }

  /** Recomputes completeness, saves the profile and publishes customer.updated naming the changed fields. */
  async saveAndPublish(manager: EntityManager, customer: Customer, changedFields: string[]): Promise<Customer> {
    const documents = await manager.countBy(TravelDocument, { customerId: customer.id });
    Object.assign(customer, assessCompleteness(customer, documents));
    customer.updatedAt = this.clock.now();
    const saved = await manager.save(customer);
    await this.outbox.publish(manager, customerUpdated, {
      customerId: saved.id,
      changedFields,
      tier: saved.tier,
      preferredLanguage: saved.preferredLanguage,
      updatedAt: saved.updatedAt.toISOString(),
    });
    if (changedFields.some((field) => CONSENT_FIELDS.has(field))) await publishConsents(this.outbox, manager, saved);
    if (changedFields.some((field) => CONTACT_FIELDS.has(field))) await publishContact(this.outbox, manager, saved);
    return saved;
  }
}

const CONSENT_FIELDS = new Set(['followUpConsent', 'marketingConsent']);
const CONTACT_FIELDS = new Set(['fullName', 'email', 'phone', 'preferredLanguage', 'contacts', 'mergedProfiles']);

/** customer.contact_changed: how the communication service addresses and reaches the customer now. */
export async function publishContact(outbox: Outbox, manager: EntityManager, customer: Customer): Promise<void> {
  await outbox.publish(manager, customerContactChanged, {
    customerId: customer.id,
    name: customer.fullName,
    email: customer.email,
    phone: customer.phone,
    preferredLanguage: customer.preferredLanguage,
    changedAt: customer.updatedAt.toISOString(),
  });
}

/** customer.consents_changed: the consents as they stand now, with when the customer stated them. */
export async function publishConsents(outbox: Outbox, manager: EntityManager, customer: Customer): Promise<void> {
  await outbox.publish(manager, customerConsentsChanged, {
    customerId: customer.id,
    followUpConsent: customer.followUpConsent,
    marketingConsent: customer.marketingConsent,
    changedAt: (customer.consentsUpdatedAt ?? customer.updatedAt).toISOString(),
  });
}

/**
 * Follows a merged profile to the one it was merged into. Events about a customer that arrive
 * after a merge land on the survivor; an erased (or unknown) customer gets nothing new.
 */
export async function currentCustomer(manager: EntityManager, customerId: string): Promise<Customer | null> {
  let customer = isUuid(customerId) ? await manager.findOneBy(Customer, { id: customerId }) : null;
  for (let hops = 0; customer?.status === CustomerStatus.MERGED && customer.mergedIntoId && hops < 10; hops++) {
    customer = await manager.findOneBy(Customer, { id: customer.mergedIntoId });
  }
  return customer?.status === CustomerStatus.ACTIVE ? customer : null;
}
