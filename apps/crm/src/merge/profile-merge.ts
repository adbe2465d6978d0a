import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { customerMerged } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerProfiles } from '../customer/customer-profiles';
import type { CustomerDataSection } from '../customer/customer-data-section';
import type { Customer } from '../customer/customer.entity';
import { CustomerContact } from '../customer/customer-contact.entity';
import { ContactKind, CustomerStatus, higherTier } from '../customer/customer.enums';
import { syncPrimaryContacts } from '../customer/primary-contacts';
import { CustomerMerge, type CustomerMergePreview } from './customer-merge.entity';
import { MergeSide } from './customer-merge.enums';
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

  /**
   * What merging `duplicateId` into `survivorId` would move, without changing anything: the merge's
   * own moves run in a transaction that is rolled back, so the preview counts exactly what the
   * merge would.
   */
  async preview(survivorId: string, duplicateId: string): Promise<CustomerMergePreview> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const { survivor, duplicate } = await this.lockedPair(runner.manager, { survivorId, duplicateId }, '');
      const moved = await this.moveSections(runner.manager, duplicate, survivor);
      const filledFields = fillGaps(structuredClone(survivor), duplicate);
      return { survivor, duplicate, moves: Object.entries(moved).map(([section, records]) => ({ section, records })), filledFields };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async merge(input: MergeCustomersInput, by: Identity): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const { survivor, duplicate } = await this.lockedPair(manager, input, 'input.');
      const now = this.clock.now();

      const moved = await this.moveSections(manager, duplicate, survivor);

      const changedFields = fillGaps(survivor, duplicate);
      // The operator's choice of name and primary contacts; the other values stay as further contacts.
      if (input.keep?.fullName === MergeSide.DUPLICATE && duplicate.fullName !== survivor.fullName) {
        survivor.fullName = duplicate.fullName;
        survivor.nameKey = duplicate.nameKey;
        changedFields.push('fullName');
      }
      if (input.keep?.email === MergeSide.DUPLICATE && duplicate.email) await makePrimary(manager, survivor.id, ContactKind.EMAIL, duplicate.email);
      if (input.keep?.phone === MergeSide.DUPLICATE && duplicate.phone) await makePrimary(manager, survivor.id, ContactKind.PHONE, duplicate.phone);
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

  private async lockedPair(manager: EntityManager, ids: { survivorId: string; duplicateId: string }, prefix: string): Promise<{ survivor: Customer; duplicate: Customer }> {
    if (ids.survivorId === ids.duplicateId) throw BadUserInputError.field(`${prefix}duplicateId`, 'different', 'must be another customer than the survivor');
    // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, Customer>();
    for (const id of [ids.survivorId, ids.duplicateId].sort()) {
      locked.set(id, await this.profiles.lockedActive(manager, id, id === ids.survivorId ? `${prefix}survivorId` : `${prefix}duplicateId`));
    }
    return { survivor: locked.get(ids.survivorId) as Customer, duplicate: locked.get(ids.duplicateId) as Customer };
  }

  private async moveSections(manager: EntityManager, duplicate: Customer, survivor: Customer): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const part of this.sections) moved[part.section] = await part.moveTo(manager, duplicate.id, survivor.id);
    return moved;
  }

  mergesInto(survivorId: string): Promise<CustomerMerge[]> {
    return this.dataSource.getRepository(CustomerMerge).find({ where: { survivorId }, order: { mergedAt: 'ASC' } });
  }
}

/** The contact `value` (moved from the duplicate) becomes the survivor's primary one of its kind; the former primary stays a contact. */
async function makePrimary(manager: EntityManager, customerId: string, kind: ContactKind, value: string): Promise<void> {
  await manager.update(CustomerContact, { customerId, kind, isPrimary: true }, { isPrimary: false });
  await manager.update(CustomerContact, { customerId, kind, value }, { isPrimary: true });
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
