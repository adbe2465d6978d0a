import { type Identity, hasAnyRole } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError, normalizePhone } from '@carebridge/domain';
import { customerCreated } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { nameKey } from './name-key';
import { assessCompleteness } from './completeness';
import { CustomerContact } from './customer-contact.entity';
import { Customer } from './customer.entity';
import { ContactKind, CustomerStatus, CustomerTier, TierRule } from './customer.enums';
import type { CreateCustomerInput } from './customer.inputs';
import { publishConsents, publishContact } from './customer-profiles';
import { mergePreferences, normalizeEmail, normalizeTags } from './profile-values';

/** A new customer profile (T-1.6): reachable from the start, STANDARD unless a CRM manager says otherwise. */
export class CustomerRegistration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async register(input: CreateCustomerInput, by: Identity): Promise<Customer> {
    const email = normalizeEmail(input.email);
    const phone = normalizePhone(input.phone);
    if (!email && !phone) {
      throw BadUserInputError.field('input.email', 'contact', 'an e-mail address or a phone number is needed to reach the customer');
    }
    if (input.tier !== CustomerTier.STANDARD && !hasAnyRole(by, ['crm_manager'])) {
      throw new ForbiddenError('Only a CRM manager may start a profile above the STANDARD tier');
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const customer = manager.create(Customer, {
        status: CustomerStatus.ACTIVE,
        fullName: input.fullName.trim(),
        nameKey: nameKey(input.fullName),
        email,
        phone,
        preferredLanguage: input.preferredLanguage,
        preferredChannel: input.preferredChannel ?? null,
        preferences: mergePreferences({}, input.preferences),
        tags: normalizeTags(input.tags ?? []),
        marketingConsent: input.marketingConsent ?? false,
        followUpConsent: input.followUpConsent ?? true,
        consentsUpdatedAt: input.marketingConsent !== undefined || input.followUpConsent !== undefined ? now : null,
        notes: input.notes?.trim() || null,
        tier: input.tier,
        tierRule: input.tier === CustomerTier.STANDARD ? TierRule.DEFAULT : TierRule.MANUAL,
        tierReason: input.tier === CustomerTier.STANDARD ? null : 'set when the profile was created',
        tierSetAt: now,
        lastVerifiedAt: now,
        lastVerifiedBy: by.userId,
        createdAt: now,
        updatedAt: now,
      });
      Object.assign(customer, assessCompleteness(customer, 0));
      const saved = await manager.save(customer);
      const contacts = [
        email && { customerId: saved.id, kind: ContactKind.EMAIL, value: email, isPrimary: true, createdAt: now },
        phone && { customerId: saved.id, kind: ContactKind.PHONE, value: phone, isPrimary: true, createdAt: now },
      ].filter((c): c is Exclude<typeof c, null | ''> => Boolean(c));
      await manager.insert(CustomerContact, contacts);
      await this.outbox.publish(manager, customerCreated, {
        customerId: saved.id,
        tier: saved.tier,
        preferredLanguage: saved.preferredLanguage,
        createdAt: saved.createdAt.toISOString(),
      });
      // Consents stated at registration are announced like any later change of them.
      await publishContact(this.outbox, manager, saved);
      if (saved.consentsUpdatedAt) await publishConsents(this.outbox, manager, saved);
      return saved;
    });
  }
}
