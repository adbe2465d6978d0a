import type { Identity } from '@carebridge/auth';
import { customerMerged } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError, type Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Customer, CustomerStatus, higherTier } from '../customer/customer.entity';
import type { CustomerService } from '../customer/customer.service';
import type { CustomerRecords } from '../shared/customer-records';
import { CustomerMerge, type DuplicateCandidate, DuplicateReason } from './customer-merge.entity';
import type { MergeCustomersInput } from './merge.inputs';

/** Names at least this similar (trigram similarity) make two profiles candidates even without a shared contact. */
const SIMILAR_NAME = 0.6;

/** Finding duplicate profiles and merging them without losing history (T-1.6). */
export class CustomerMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly records: CustomerRecords[],
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Active profiles sharing an e-mail address or phone number with this one, or with a very similar name. */
  async duplicatesOf(customerId: string): Promise<DuplicateCandidate[]> {
    const rows: { id: string; same_email: boolean; same_phone: boolean; similarity: number }[] = await this.dataSource.query(
      `WITH me AS (SELECT id, full_name FROM customer WHERE id = $1),
            shared AS (
              SELECT other.customer_id, bool_or(mine.kind = 'EMAIL') AS same_email, bool_or(mine.kind = 'PHONE') AS same_phone
              FROM customer_contact mine JOIN customer_contact other ON other.kind = mine.kind AND other.value = mine.value AND other.customer_id <> mine.customer_id
              WHERE mine.customer_id = $1 GROUP BY other.customer_id),
            named AS (
              SELECT c.id AS customer_id FROM customer c, me
              WHERE c.full_name % me.full_name AND similarity(c.full_name, me.full_name) >= $2 AND c.id <> me.id)
       SELECT c.id, COALESCE(s.same_email, false) AS same_email, COALESCE(s.same_phone, false) AS same_phone,
              similarity(c.full_name, me.full_name)::float AS similarity
       FROM customer c CROSS JOIN me
       LEFT JOIN shared s ON s.customer_id = c.id
       WHERE c.status = 'ACTIVE' AND c.id IN (SELECT customer_id FROM shared UNION SELECT customer_id FROM named)
       ORDER BY (COALESCE(s.same_email, false)::int + COALESCE(s.same_phone, false)::int) DESC, similarity DESC, c.id
       LIMIT 20`,
      [customerId, SIMILAR_NAME],
    );
    if (!rows.length) return [];
    const profiles = await this.dataSource.getRepository(Customer).findBy(rows.map((r) => ({ id: r.id })));
    return rows.map((row) => ({
      customer: profiles.find((p) => p.id === row.id) as Customer,
      nameSimilarity: Math.round(row.similarity * 100) / 100,
      reasons: [
        row.same_email && DuplicateReason.SAME_EMAIL,
        row.same_phone && DuplicateReason.SAME_PHONE,
        row.similarity >= SIMILAR_NAME && DuplicateReason.SIMILAR_NAME,
      ].filter((r): r is DuplicateReason => Boolean(r)),
    }));
  }

  async merge(input: MergeCustomersInput, by: Identity): Promise<Customer> {
    if (input.survivorId === input.duplicateId) throw BadUserInputError.field('input.duplicateId', 'different', 'must be another customer than the survivor');
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
      const [first, second] = [input.survivorId, input.duplicateId].sort();
      const locked = new Map<string, Customer>();
      for (const id of [first, second]) {
        locked.set(id, await this.customers.lockedActive(manager, id, id === input.survivorId ? 'input.survivorId' : 'input.duplicateId'));
      }
      const survivor = locked.get(input.survivorId) as Customer;
      const duplicate = locked.get(input.duplicateId) as Customer;
      const now = this.clock.now();

      const moved: Record<string, number> = {};
      for (const part of this.records) moved[part.section] = await part.moveTo(manager, duplicate.id, survivor.id);

      const changedFields = fillGaps(survivor, duplicate);
      await this.customers.syncPrimaryContacts(manager, survivor);
      duplicate.status = CustomerStatus.MERGED;
      duplicate.mergedIntoId = survivor.id;
      duplicate.email = null;
      duplicate.phone = null;
      duplicate.updatedAt = now;
      await manager.save(duplicate);
      await manager.insert(CustomerMerge, { survivorId: survivor.id, mergedId: duplicate.id, mergedBy: by.userId, mergedAt: now, moved });
      const saved = await this.customers.saveAndPublish(manager, survivor, [...new Set([...changedFields, 'contacts', 'mergedProfiles'])]);
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
