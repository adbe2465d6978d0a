import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { customerMerged } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { CustomerDataSection } from '../customer/customer-data-section';
import type { Customer } from '../customer/customer.entity';
import { CustomerStatus, higherTier } from '../customer/customer.enums';
import { syncPrimaryContacts } from '../customer/primary-contacts';
import { CustomerMerge } from './customer-merge.entity';
import type { MergeCustomersInput } from './merge.inputs';

/** Merging a duplicate profile into the surviving one without losing history (T-1.6). */
export class ProfileMerge {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly sections: readonly CustomerDataSection[],
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async merge(input: MergeCustomersInput, by: Identity): Promise<Customer> {
    if (input.survivorId === input.duplicateId) throw BadUserInputError.field('input.duplicateId', 'different', 'must be another customer than the survivor');
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
      const [first, second] = [input.survivorId, input.duplicateId].sort();
      const locked = new Map<string, Customer>();
      for (const id of [first, second]) {
        locked.set(id, await this.profiles.lockedActive(manager, id, id === input.survivorId ? 'input.survivorId' : 'input.duplicateId'));
      }
      const survivor = locked.get(input.survivorId) as Customer;
      const duplicate = locked.get(input.duplicateId) as Customer;
      const now = this.clock.now();

      const moved: Record<string, number> = {};
      for (const part of this.sections) moved[part.section] = await part.moveTo(manager, duplicate.id, survivor.id);

      const changedFields = fillGaps(survivor, duplicate);
      await syncPrimaryContacts(manager, survivor);
      duplicate.status = CustomerStatus.MERGED;
      duplicate.mergedIntoId = survivor.id;
      duplicate.email = null;
      duplicate.phone = null;
      duplicate.updatedAt = now;
      await manager.save(duplicate);
      await manager.insert(CustomerMerge, { survivorId: survivor.id, mergedId: duplicate.id, mergedBy: by.userId, mergedAt: now, moved });
      const saved = await this.profiles.saveAndPublish(manager, survivor, [...new Set([...changedFields, 'contacts', 'mergedProfiles'])]);
      await this.outbox.publish(manager, customerMerged, { survivorId: survivor.id, mergedId: duplicate.id, mergedBy: by.userId, mergedAt: now.toISOString() });
      return saved;
    });
  }

  mergesInto(survivorId: string): Promise<CustomerMerge[]> {
    return this.dataSource.getRepository(CustomerMerge).find({ where: { survivorId }, order: { mergedAt: 'ASC' } });
  }
}

/** The survivor keeps what it has and takes from the duplicate what it lacks; returns the changed field names. */
function fillGaps(survivor: Customer, duplicate: Customer): string[] {
  const changed: string[] = [];
  if (!survivor.preferredChannel && duplicate.preferredChannel) {
    survivor.preferredChannel = duplicate.preferredChannel;
    changed.push('preferredChannel');
  }
  const mine = survivor.preferences;
  const theirs = duplicate.preferences;
  const preferences = {
    seat: mine.seat ?? theirs.seat ?? null,
    meal: mine.meal ?? theirs.meal ?? null,
    destinations: [...new Set([...(mine.destinations ?? []), ...(theirs.destinations ?? [])])],
    budgetBand: mine.budgetBand ?? theirs.budgetBand ?? null,
    travelStyles: [...new Set([...(mine.travelStyles ?? []), ...(theirs.travelStyles ?? [])])],
    specialServiceNeeds: [...new Set([...(mine.specialServiceNeeds ?? []), ...(theirs.specialServiceNeeds ?? [])])],
  };
  if (JSON.stringify(preferences) !== JSON.stringify(mine)) {
    survivor.preferences = preferences;
    changed.push('preferences');
  }
  const tags = [...new Set([...survivor.tags, ...duplicate.tags])];
  if (tags.length !== survivor.tags.length) {
    survivor.tags = tags;
    changed.push('tags');
  }
  if (duplicate.notes) {
    survivor.notes = survivor.notes ? `${survivor.notes}\n\n${duplicate.notes}` : duplicate.notes;
    changed.push('notes');
  }
  // Consents the customer stated most recently win.
  if (duplicate.consentsUpdatedAt && (!survivor.consentsUpdatedAt || duplicate.consentsUpdatedAt > survivor.consentsUpdatedAt)) {
    survivor.marketingConsent = duplicate.marketingConsent;
    survivor.followUpConsent = duplicate.followUpConsent;
    survivor.consentsUpdatedAt = duplicate.consentsUpdatedAt;
    changed.push('marketingConsent', 'followUpConsent');
  }
  if (higherTier(survivor.tier, duplicate.tier) !== survivor.tier) {
    survivor.tier = duplicate.tier;
    survivor.tierRule = duplicate.tierRule;
    survivor.tierReason = duplicate.tierReason;
    survivor.tierSetAt = duplicate.tierSetAt;
    changed.push('tier');
  }
  if (duplicate.lastVerifiedAt > survivor.lastVerifiedAt) {
    survivor.lastVerifiedAt = duplicate.lastVerifiedAt;
    survivor.lastVerifiedBy = duplicate.lastVerifiedBy;
  }
  return changed;
}
