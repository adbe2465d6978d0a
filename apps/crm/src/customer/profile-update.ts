import type { Identity } from '@carebridge/auth';
import { BadUserInputError, normalizePhone } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { nameKey } from './name-key';
import type { Customer } from './customer.entity';
import { ContactKind } from './customer.enums';
import type { UpdateCustomerInput, VerifyCustomerInput } from './customer.inputs';
import type { CustomerProfiles } from './customer-profiles';
import { replacePrimary, syncPrimaryContacts } from './primary-contacts';
import { changedProfileFields, mergePreferences, normalizeEmail, normalizeTags } from './profile-values';

/** Keeping a profile complete and current (T-1.6, A-3.4.1): corrections, and confirming it with the customer. */
export class ProfileUpdate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly clock: Clock,
  ) {}

  async update(input: UpdateCustomerInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.id, 'input.id');
      const before = { ...customer, preferences: { ...customer.preferences }, tags: [...customer.tags] };
      if (input.fullName !== undefined) {
        customer.fullName = input.fullName.trim();
        customer.nameKey = nameKey(customer.fullName);
      }
      if (input.preferredLanguage !== undefined) customer.preferredLanguage = input.preferredLanguage;
      if (input.preferredChannel !== undefined) customer.preferredChannel = input.preferredChannel;
      if (input.preferences !== undefined) customer.preferences = mergePreferences(customer.preferences, input.preferences);
      if (input.tags !== undefined) customer.tags = normalizeTags(input.tags);
      if (input.notes !== undefined) customer.notes = input.notes?.trim() || null;
      if (input.marketingConsent !== undefined) customer.marketingConsent = input.marketingConsent;
      if (input.followUpConsent !== undefined) customer.followUpConsent = input.followUpConsent;
      if (input.marketingConsent !== undefined || input.followUpConsent !== undefined) customer.consentsUpdatedAt = this.clock.now();
      if (input.email !== undefined) await replacePrimary(manager, customer, ContactKind.EMAIL, normalizeEmail(input.email), this.clock.now());
      if (input.phone !== undefined) await replacePrimary(manager, customer, ContactKind.PHONE, normalizePhone(input.phone), this.clock.now());
      await syncPrimaryContacts(manager, customer);
      if (!customer.email && !customer.phone) {
        throw BadUserInputError.field('input.email', 'contact', 'a customer needs an e-mail address or a phone number; both cannot be removed');
      }
      const changedFields = changedProfileFields(before, customer);
      if (!changedFields.length) return customer;
      return this.profiles.saveAndPublish(manager, customer, changedFields);
    });
  }

  /** Records that the profile was confirmed with the customer now. */
  async verify(input: VerifyCustomerInput, by: Identity): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      customer.lastVerifiedAt = this.clock.now();
      customer.lastVerifiedBy = by.userId;
      return this.profiles.saveAndPublish(manager, customer, ['lastVerifiedAt']);
    });
  }
}
