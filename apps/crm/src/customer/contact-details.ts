import { BadUserInputError, normalizePhone, PHONE_PATTERN, PHONE_RULE } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { CustomerContact } from './customer-contact.entity';
import type { Customer } from './customer.entity';
import { ContactKind } from './customer.enums';
import type { AddCustomerContactInput, RemoveCustomerContactInput, SetPrimaryCustomerContactInput } from './customer.inputs';
import type { CustomerProfiles } from './customer-profiles';
import { promoteOldest, syncPrimaryContacts } from './primary-contacts';
import { normalizeEmail } from './profile-values';

/** A customer's e-mail addresses and phone numbers: several of each kind, one primary, and never none at all. */
export class ContactDetails {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly clock: Clock,
  ) {}

  async add(input: AddCustomerContactInput): Promise<Customer> {
    const value = input.kind === ContactKind.EMAIL ? normalizeEmail(input.value) : normalizePhone(input.value);
    if (input.kind === ContactKind.EMAIL && !isEmail(value ?? '')) throw BadUserInputError.field('input.value', 'email', 'must be an e-mail address');
    if (input.kind === ContactKind.PHONE && !PHONE_PATTERN.test(input.value.trim())) throw BadUserInputError.field('input.value', 'phone', PHONE_RULE);
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      if (await manager.existsBy(CustomerContact, { customerId: customer.id, kind: input.kind, value: value as string })) {
        throw BadUserInputError.field('input.value', 'unique', 'is already one of the customer’s contacts');
      }
      const hasPrimary = await manager.existsBy(CustomerContact, { customerId: customer.id, kind: input.kind, isPrimary: true });
      const primary = input.primary || !hasPrimary;
      if (primary) await manager.update(CustomerContact, { customerId: customer.id, kind: input.kind, isPrimary: true }, { isPrimary: false });
      await manager.insert(CustomerContact, { customerId: customer.id, kind: input.kind, value: value as string, label: input.label?.trim() || null, isPrimary: primary, createdAt: this.clock.now() });
      await syncPrimaryContacts(manager, customer);
      return this.profiles.saveAndPublish(manager, customer, ['contacts']);
    });
  }

  async remove(input: RemoveCustomerContactInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const { record: contact, customer } = await this.profiles.lockedOwnerOf(manager, CustomerContact, input.contactId, 'input.contactId');
      await manager.delete(CustomerContact, { id: contact.id });
      if (contact.isPrimary) await promoteOldest(manager, customer.id, contact.kind);
      await syncPrimaryContacts(manager, customer);
      if (!customer.email && !customer.phone) {
        throw BadUserInputError.field('input.contactId', 'contact', 'is the customer’s last contact; add another one first');
      }
      return this.profiles.saveAndPublish(manager, customer, ['contacts']);
    });
  }

  async setPrimary(input: SetPrimaryCustomerContactInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const { record: contact, customer } = await this.profiles.lockedOwnerOf(manager, CustomerContact, input.contactId, 'input.contactId');
      if (contact.isPrimary) return customer;
      await manager.update(CustomerContact, { customerId: customer.id, kind: contact.kind, isPrimary: true }, { isPrimary: false });
      await manager.update(CustomerContact, { id: contact.id }, { isPrimary: true });
      await syncPrimaryContacts(manager, customer);
      return this.profiles.saveAndPublish(manager, customer, ['contacts']);
    });
  }
}
