import { type Identity, hasAnyRole } from '@carebridge/auth';
import { customerCreated, customerUpdated } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, type Connection, ForbiddenError, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import { isEmail } from 'class-validator';
import { Brackets, type DataSource, type EntityManager, In } from 'typeorm';
import { assessCompleteness } from './completeness';
import { ContactKind, CustomerContact } from './customer-contact.entity';
import { Customer, CustomerStatus, CustomerTier, higherTier, TierRule, type TravelPreferences } from './customer.entity';
import {
  type AddCustomerContactInput,
  type AddTravelDocumentInput,
  type CreateCustomerInput,
  type CustomerFilter,
  PHONE_PATTERN,
  PHONE_RULE,
  type RemoveCustomerContactInput,
  type RemoveTravelDocumentInput,
  type SetCustomerTierInput,
  type SetPrimaryCustomerContactInput,
  type TravelPreferencesInput,
  type UpdateCustomerInput,
  type VerifyCustomerInput,
} from './customer.inputs';
import { TravelDocument } from './travel-document.entity';

const DAY_MS = 86_400_000;

/** Customer profiles (T-1.6, A-3.4.1): create and keep them complete and current. */
export class CustomerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly verifyAfterDays: number,
  ) {}

  async create(input: CreateCustomerInput, by: Identity): Promise<Customer> {
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
      return saved;
    });
  }

  async update(input: UpdateCustomerInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedActive(manager, input.id, 'input.id');
      const before = { ...customer, preferences: { ...customer.preferences }, tags: [...customer.tags] };
      if (input.fullName !== undefined) customer.fullName = input.fullName.trim();
      if (input.preferredLanguage !== undefined) customer.preferredLanguage = input.preferredLanguage;
      if (input.preferredChannel !== undefined) customer.preferredChannel = input.preferredChannel;
      if (input.preferences !== undefined) customer.preferences = mergePreferences(customer.preferences, input.preferences);
      if (input.tags !== undefined) customer.tags = normalizeTags(input.tags);
      if (input.notes !== undefined) customer.notes = input.notes?.trim() || null;
      if (input.marketingConsent !== undefined) customer.marketingConsent = input.marketingConsent;
      if (input.followUpConsent !== undefined) customer.followUpConsent = input.followUpConsent;
      if (input.marketingConsent !== undefined || input.followUpConsent !== undefined) customer.consentsUpdatedAt = this.clock.now();
      if (input.email !== undefined) await this.replacePrimary(manager, customer, ContactKind.EMAIL, normalizeEmail(input.email));
      if (input.phone !== undefined) await this.replacePrimary(manager, customer, ContactKind.PHONE, normalizePhone(input.phone));
      await this.syncPrimaryContacts(manager, customer);
      if (!customer.email && !customer.phone) {
        throw BadUserInputError.field('input.email', 'contact', 'a customer needs an e-mail address or a phone number; both cannot be removed');
      }
      const changedFields = changedProfileFields(before, customer);
      if (!changedFields.length) return customer;
      return this.saveAndPublish(manager, customer, changedFields);
    });
  }

  async addContact(input: AddCustomerContactInput): Promise<Customer> {
    const value = input.kind === ContactKind.EMAIL ? normalizeEmail(input.value) : normalizePhone(input.value);
    if (input.kind === ContactKind.EMAIL && !isEmail(value ?? '')) throw BadUserInputError.field('input.value', 'email', 'must be an e-mail address');
    if (input.kind === ContactKind.PHONE && !PHONE_PATTERN.test(input.value.trim())) throw BadUserInputError.field('input.value', 'phone', PHONE_RULE);
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedActive(manager, input.customerId, 'input.customerId');
      if (await manager.existsBy(CustomerContact, { customerId: customer.id, kind: input.kind, value: value as string })) {
        throw BadUserInputError.field('input.value', 'unique', 'is already one of the customer’s contacts');
      }
      const hasPrimary = await manager.existsBy(CustomerContact, { customerId: customer.id, kind: input.kind, isPrimary: true });
      const primary = input.primary || !hasPrimary;
      if (primary) await manager.update(CustomerContact, { customerId: customer.id, kind: input.kind, isPrimary: true }, { isPrimary: false });
      await manager.insert(CustomerContact, { customerId: customer.id, kind: input.kind, value: value as string, label: input.label?.trim() || null, isPrimary: primary, createdAt: this.clock.now() });
      await this.syncPrimaryContacts(manager, customer);
      return this.saveAndPublish(manager, customer, ['contacts']);
    });
  }

  async removeContact(input: RemoveCustomerContactInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOneBy(CustomerContact, { id: input.contactId });
      if (!contact) throw new NotFoundError('CustomerContact', input.contactId);
      const customer = await this.lockedActive(manager, contact.customerId, 'input.contactId');
      await manager.delete(CustomerContact, { id: contact.id });
      if (contact.isPrimary) await this.promoteOldest(manager, customer.id, contact.kind);
      await this.syncPrimaryContacts(manager, customer);
      if (!customer.email && !customer.phone) {
        throw BadUserInputError.field('input.contactId', 'contact', 'is the customer’s last contact; add another one first');
      }
      return this.saveAndPublish(manager, customer, ['contacts']);
    });
  }

  async setPrimaryContact(input: SetPrimaryCustomerContactInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOneBy(CustomerContact, { id: input.contactId });
      if (!contact) throw new NotFoundError('CustomerContact', input.contactId);
      const customer = await this.lockedActive(manager, contact.customerId, 'input.contactId');
      if (contact.isPrimary) return customer;
      await manager.update(CustomerContact, { customerId: customer.id, kind: contact.kind, isPrimary: true }, { isPrimary: false });
      await manager.update(CustomerContact, { id: contact.id }, { isPrimary: true });
      await this.syncPrimaryContacts(manager, customer);
      return this.saveAndPublish(manager, customer, ['contacts']);
    });
  }

  async addDocument(input: AddTravelDocumentInput, by: Identity): Promise<Customer> {
    if (input.expiresOn && !isCalendarDate(input.expiresOn)) throw BadUserInputError.field('input.expiresOn', 'date', 'must be a real calendar date');
    const number = input.number.replace(/\s/g, '').toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedActive(manager, input.customerId, 'input.customerId');
      if (await manager.existsBy(TravelDocument, { customerId: customer.id, kind: input.kind, issuingCountry: input.issuingCountry, number })) {
        throw BadUserInputError.field('input.number', 'unique', 'is already on file for this customer');
      }
      await manager.insert(TravelDocument, {
        customerId: customer.id,
        kind: input.kind,
        number,
        issuingCountry: input.issuingCountry,
        expiresOn: input.expiresOn ?? null,
        createdBy: by.userId,
        createdAt: this.clock.now(),
      });
      return this.saveAndPublish(manager, customer, ['documents']);
    });
  }

  async removeDocument(input: RemoveTravelDocumentInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const document = await manager.findOneBy(TravelDocument, { id: input.documentId });
      if (!document) throw new NotFoundError('TravelDocument', input.documentId);
      const customer = await this.lockedActive(manager, document.customerId, 'input.documentId');
      await manager.delete(TravelDocument, { id: document.id });
      return this.saveAndPublish(manager, customer, ['documents']);
    });
  }

  async verify(input: VerifyCustomerInput, by: Identity): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedActive(manager, input.customerId, 'input.customerId');
      customer.lastVerifiedAt = this.clock.now();
      customer.lastVerifiedBy = by.userId;
      return this.saveAndPublish(manager, customer, ['lastVerifiedAt']);
    });
  }

  async setTier(input: SetCustomerTierInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedActive(manager, input.customerId, 'input.customerId');
      if (customer.tier === input.tier && customer.tierRule === TierRule.MANUAL && customer.tierReason === input.reason.trim()) return customer;
      this.applyTier(customer, input.tier, TierRule.MANUAL, input.reason.trim());
      return this.saveAndPublish(manager, customer, ['tier']);
    });
  }

  /**
   * Raises a customer's tier to at least `tier` under an automatic rule (points earned, key-account
   * membership) in the caller's transaction; never lowers it.
   */
  async raiseTier(manager: EntityManager, customerId: string, tier: CustomerTier, rule: TierRule, reason: string): Promise<void> {
    const customer = await manager.findOne(Customer, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
    if (!customer || customer.status !== CustomerStatus.ACTIVE || higherTier(customer.tier, tier) === customer.tier) return;
    this.applyTier(customer, tier, rule, reason);
    await this.saveAndPublish(manager, customer, ['tier']);
  }

  findById(id: string): Promise<Customer | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Customer).findOneBy({ id });
  }

  findManyById(ids: readonly string[]): Promise<Customer[]> {
    return this.dataSource.getRepository(Customer).findBy({ id: In(ids.filter(isUuid)) });
  }

  async getById(id: string): Promise<Customer> {
    const customer = await this.findById(id);
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  list(args: PageArgs & { search?: string; filter?: CustomerFilter }): Promise<Connection<Customer>> {
    const query = this.dataSource.getRepository(Customer).createQueryBuilder('customer');
    query.where('customer.status = :status', { status: args.filter?.status ?? CustomerStatus.ACTIVE });
    if (args.filter?.tier?.length) query.andWhere('customer.tier IN (:...tiers)', { tiers: args.filter.tier });
    if (args.filter?.tag) query.andWhere('customer.tags @> ARRAY[:tag]::text[]', { tag: args.filter.tag.trim().toLowerCase() });
    const search = args.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const digits = search.replace(/\D/g, '');
      query.andWhere(
        new Brackets((where) => {
          where.where('customer.fullName ILIKE :pattern', { pattern }).orWhere('customer.email ILIKE :pattern', { pattern });
          if (digits.length >= 3) where.orWhere('customer.phone LIKE :digits', { digits: `%${digits}%` });
        }),
      );
    }
    return paginate(query, args);
  }

  /** Active profiles not confirmed with the customer for CRM_VERIFY_AFTER_DAYS, the longest unverified first. */
  dueForVerification(page: PageArgs): Promise<Connection<Customer>> {
    const before = new Date(this.clock.now().getTime() - this.verifyAfterDays * DAY_MS);
    const query = this.dataSource
      .getRepository(Customer)
      .createQueryBuilder('customer')
      .where('customer.status = :status', { status: CustomerStatus.ACTIVE })
      .andWhere('customer.lastVerifiedAt < :before', { before });
    return paginate(query, page, { sortKey: 'lastVerifiedAt', direction: 'ASC' });
  }

  /** Contacts of several customers in one query (primary first), for field resolvers of a whole list. */
  async contactsOf(customerIds: readonly string[]): Promise<Map<string, CustomerContact[]>> {
    const rows = await this.dataSource.getRepository(CustomerContact).find({
      where: { customerId: In([...customerIds]) },
      order: { isPrimary: 'DESC', kind: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(customerIds, rows);
  }

  async documentsOf(customerIds: readonly string[]): Promise<Map<string, TravelDocument[]>> {
    const rows = await this.dataSource.getRepository(TravelDocument).find({ where: { customerId: In([...customerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupBy(customerIds, rows);
  }

  /** Locks an ACTIVE customer for a change; a merged or erased profile cannot change any more. */
  async lockedActive(manager: EntityManager, id: string, field: string): Promise<Customer> {
    const customer = isUuid(id) ? await manager.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!customer) throw new NotFoundError('Customer', id);
    if (customer.status !== CustomerStatus.ACTIVE) {
      throw new ConflictError(`Customer "${id}" is ${customer.status} and can no longer change`, { currentStatus: customer.status, allowedNext: [], field });
    }
    return customer;
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
    return saved;
  }

  /** Keeps `Customer.email` / `Customer.phone` equal to the primary contacts. */
  async syncPrimaryContacts(manager: EntityManager, customer: Customer): Promise<void> {
    const primaries = await manager.findBy(CustomerContact, { customerId: customer.id, isPrimary: true });
    customer.email = primaries.find((c) => c.kind === ContactKind.EMAIL)?.value ?? null;
    customer.phone = primaries.find((c) => c.kind === ContactKind.PHONE)?.value ?? null;
  }

  private applyTier(customer: Customer, tier: CustomerTier, rule: TierRule, reason: string): void {
    customer.tier = tier;
    customer.tierRule = rule;
    customer.tierReason = reason;
    customer.tierSetAt = this.clock.now();
  }

  /** Replaces the primary contact of a kind with `value` (null removes it and promotes the next one). */
  private async replacePrimary(manager: EntityManager, customer: Customer, kind: ContactKind, value: string | null): Promise<void> {
    const current = await manager.findOneBy(CustomerContact, { customerId: customer.id, kind, isPrimary: true });
    if (current?.value === value) return;
    if (current) await manager.delete(CustomerContact, { id: current.id });
    if (value === null) {
      await this.promoteOldest(manager, customer.id, kind);
      return;
    }
    const existing = await manager.findOneBy(CustomerContact, { customerId: customer.id, kind, value });
    if (existing) await manager.update(CustomerContact, { id: existing.id }, { isPrimary: true });
    else await manager.insert(CustomerContact, { customerId: customer.id, kind, value, isPrimary: true, label: current?.label ?? null, createdAt: this.clock.now() });
  }

  private async promoteOldest(manager: EntityManager, customerId: string, kind: ContactKind): Promise<void> {
    const next = await manager.findOne(CustomerContact, { where: { customerId, kind }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (next) await manager.update(CustomerContact, { id: next.id }, { isPrimary: true });
  }
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

function changedProfileFields(before: Customer, after: Customer): string[] {
  const fields: (keyof Customer)[] = ['fullName', 'email', 'phone', 'preferredLanguage', 'preferredChannel', 'preferences', 'tags', 'notes', 'marketingConsent', 'followUpConsent'];
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function mergePreferences(current: TravelPreferences, input: TravelPreferencesInput | undefined): TravelPreferences {
  const merged: TravelPreferences = {
    seat: current.seat ?? null,
    meal: current.meal ?? null,
    destinations: current.destinations ?? [],
    budgetBand: current.budgetBand ?? null,
    travelStyles: current.travelStyles ?? [],
    specialServiceNeeds: current.specialServiceNeeds ?? [],
  };
  if (!input) return merged;
  if (input.seat !== undefined) merged.seat = input.seat;
  if (input.meal !== undefined) merged.meal = input.meal?.trim() || null;
  if (input.destinations !== undefined) merged.destinations = unique(input.destinations.map((d) => d.trim()));
  if (input.budgetBand !== undefined) merged.budgetBand = input.budgetBand;
  if (input.travelStyles !== undefined) merged.travelStyles = unique(input.travelStyles);
  if (input.specialServiceNeeds !== undefined) merged.specialServiceNeeds = unique(input.specialServiceNeeds.map((n) => n.trim()));
  return merged;
}

function normalizeTags(tags: string[]): string[] {
  return unique(tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function groupBy<T extends { customerId: string }>(customerIds: readonly string[], rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>(customerIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.customerId)?.push(row);
  return grouped;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}


export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/** Stores phones as E.164: "+44 20 7946-0958" → "+442079460958". */
export function normalizePhone(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim();
  return trimmed ? `+${trimmed.replace(/\D/g, '')}` : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
