import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, normalizePhone } from '@carebridge/domain';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerContact } from './customer-contact.entity';
import { Customer } from './customer.entity';
import { BudgetBand, ContactKind, CustomerStatus, CustomerTier, PreferredChannel, SeatPreference, TierRule, TravelDocumentKind, TravelStyle } from './customer.enums';

describe('customer profiles (real Postgres)', () => {
  let crm: Crm;
  let customers: Crm['domain']['customer'];
  const agent = identity('agent');
  const manager = identity('crm_manager');

  beforeAll(async () => {
    crm = await openCrm();
    customers = crm.domain.customer;
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, outbox_event CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
  });

  const input = (overrides: Partial<Record<string, unknown>> = {}) =>
    ({ fullName: '  Li Wei ', email: ' Li.Wei@Example.com ', phone: '+86 138-0013 8000', preferredLanguage: 'zh-CN', tier: CustomerTier.STANDARD, ...overrides }) as any;

  it('creates a profile with normalised primary contacts, publishes customer.created without personal data and the contact only in customer.contact_changed', async () => {
    const customer = await customers.registration.register(input(), agent);
    expect(customer).toMatchObject({ fullName: 'Li Wei', email: 'li.wei@example.com', phone: '+8613800138000', tier: 'STANDARD', tierRule: 'DEFAULT', status: 'ACTIVE' });
    expect(customer.lastVerifiedAt.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    const contacts = await crm.db.dataSource.getRepository(CustomerContact).findBy({ customerId: customer.id });
    expect(contacts.map((c) => [c.kind, c.value, c.isPrimary]).sort()).toEqual([
      ['EMAIL', 'li.wei@example.com', true],
      ['PHONE', '+8613800138000', true],
    ]);
    const events = await crm.db.outboxEvents();
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.contact_changed']);
    expect(events[0]).toMatchObject({ type: 'customer.created', key: customer.id });
    expect(events[0].data).toEqual({ customerId: customer.id, tier: 'STANDARD', preferredLanguage: 'zh-CN', createdAt: customer.createdAt.toISOString() });
    expect(JSON.stringify(events[0])).not.toMatch(/Li Wei|example\.com|8613800138000/);
    // Only the communication service keeps these, to reach the customer.
    expect(events[1]).toMatchObject({ key: customer.id, data: { customerId: customer.id, name: 'Li Wei', email: 'li.wei@example.com', phone: '+8613800138000', preferredLanguage: 'zh-CN' } });
  });

  it('needs an e-mail or a phone, and writes nothing without one', async () => {
    await expect(customers.registration.register(input({ email: null, phone: '  ' }), agent)).rejects.toThrow(BadUserInputError);
    expect(await crm.db.dataSource.getRepository(Customer).count()).toBe(0);
    expect(await crm.db.outboxEvents()).toHaveLength(0);
  });

  it('lets only a CRM manager start a profile above STANDARD, and keeps the rule that set the tier', async () => {
    await expect(customers.registration.register(input({ tier: CustomerTier.GOLD }), agent)).rejects.toThrow(ForbiddenError);
    const gold = await customers.registration.register(input({ tier: CustomerTier.GOLD }), manager);
    expect(gold).toMatchObject({ tier: 'GOLD', tierRule: 'MANUAL', tierReason: 'set when the profile was created' });
    const vip = await customers.tiers.set({ customerId: gold.id, tier: CustomerTier.VIP, reason: 'Board member of a key partner' });
    expect(vip).toMatchObject({ tier: 'VIP', tierRule: TierRule.MANUAL, tierReason: 'Board member of a key partner' });
    expect((await crm.db.outboxEvents()).at(-1)?.data).toMatchObject({ changedFields: ['tier'], tier: 'VIP' });
  });

  it('publishes the consents with the change that states them: at registration when stated, on a change, never when they stay as they were', async () => {
    const unstated = await customers.registration.register(input(), agent);
    const stated = await customers.registration.register(input({ email: 'mei@example.com', phone: null, followUpConsent: false }), agent);
    const consents = async () => (await crm.db.outboxEvents()).filter((e) => e.type === 'customer.consents_changed').map((e) => e.data);
    expect(await consents()).toEqual([{ customerId: stated.id, followUpConsent: false, marketingConsent: false, changedAt: '2026-11-02T09:00:00.000Z' }]);
    crm.db.clock.set('2026-11-03T09:00:00.000Z');
    await customers.profileUpdate.update({ id: unstated.id, notes: 'Prefers mornings' } as any);
    await customers.profileUpdate.update({ id: stated.id, followUpConsent: false } as any);
    expect(await consents()).toHaveLength(1);
    await customers.profileUpdate.update({ id: unstated.id, followUpConsent: false } as any);
    expect((await consents()).slice(1)).toEqual([{ customerId: unstated.id, followUpConsent: false, marketingConsent: false, changedAt: '2026-11-03T09:00:00.000Z' }]);
    const event = (await crm.db.outboxEvents()).find((e) => e.type === 'customer.consents_changed' && e.key === unstated.id);
    expect(JSON.stringify(event)).not.toMatch(/Li Wei|example\.com|mornings/);
  });

  it('updates preferences, consents and tags and names only the changed fields in customer.updated', async () => {
    const created = await customers.registration.register(input(), agent);
    const updated = await customers.profileUpdate.update({
      id: created.id,
      fullName: 'Li Wei',
      preferredChannel: PreferredChannel.EMAIL,
      preferences: { seat: SeatPreference.AISLE, destinations: ['Kyoto', ' Lisbon '], travelStyles: [TravelStyle.CULTURAL] },
      tags: ['Frequent-Flyer', 'frequent-flyer '],
      marketingConsent: true,
    } as any);
    expect(updated.preferences).toEqual({ seat: 'AISLE', meal: null, destinations: ['Kyoto', 'Lisbon'], budgetBand: null, travelStyles: ['CULTURAL'], specialServiceNeeds: [] });
    expect(updated.tags).toEqual(['frequent-flyer']);
    expect(updated.consentsUpdatedAt?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    const events = await crm.db.outboxEvents();
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.contact_changed', 'customer.updated', 'customer.consents_changed']);
    expect(events[2].data.changedFields).toEqual(['preferredChannel', 'preferences', 'tags', 'marketingConsent']);
    expect(events[3]).toMatchObject({ key: created.id, data: { customerId: created.id, followUpConsent: true, marketingConsent: true, changedAt: '2026-11-02T09:00:00.000Z' } });
    // Preferences left out stay as they are.
    const again = await customers.profileUpdate.update({ id: created.id, preferences: { budgetBand: BudgetBand.PREMIUM } } as any);
    expect(again.preferences).toMatchObject({ seat: 'AISLE', budgetBand: 'PREMIUM', destinations: ['Kyoto', 'Lisbon'] });
  });

  it('publishes nothing when an update changes nothing', async () => {
    const created = await customers.registration.register(input(), agent);
    await customers.profileUpdate.update({ id: created.id, fullName: 'Li Wei', email: 'li.wei@example.com' } as any);
    expect((await crm.db.outboxEvents()).map((e) => e.type)).toEqual(['customer.created', 'customer.contact_changed']);
  });

  it('refuses to remove both contacts and rolls the change back', async () => {
    const created = await customers.registration.register(input({ phone: null }), agent);
    await expect(customers.profileUpdate.update({ id: created.id, email: null } as any)).rejects.toThrow(BadUserInputError);
    expect((await customers.queries.getById(created.id)).email).toBe('li.wei@example.com');
    expect(await crm.db.outboxEvents()).toHaveLength(2);
  });

  it('keeps several contacts with one primary of each kind, mirrored on the profile', async () => {
    const created = await customers.registration.register(input({ phone: null }), agent);
    await customers.contactDetails.add({ customerId: created.id, kind: ContactKind.EMAIL, value: 'Wei.Li@Work.example', label: 'work', primary: false });
    await customers.contactDetails.add({ customerId: created.id, kind: ContactKind.PHONE, value: '+86 139 0000 1111', primary: false });
    let profile = await customers.queries.getById(created.id);
    expect(profile).toMatchObject({ email: 'li.wei@example.com', phone: '+8613900001111' });
    const work = await crm.db.dataSource.getRepository(CustomerContact).findOneByOrFail({ value: 'wei.li@work.example' });
    await customers.contactDetails.setPrimary({ contactId: work.id });
    expect((await customers.queries.getById(created.id)).email).toBe('wei.li@work.example');
    await expect(customers.contactDetails.add({ customerId: created.id, kind: ContactKind.EMAIL, value: 'not an e-mail', primary: false })).rejects.toMatchObject({
      extensions: { field: 'input.value' },
    });
    await expect(customers.contactDetails.add({ customerId: created.id, kind: ContactKind.EMAIL, value: 'WEI.LI@work.example', primary: false })).rejects.toThrow(/already/);
    // Removing the primary e-mail makes the other one primary.
    await customers.contactDetails.remove({ contactId: work.id });
    profile = await customers.queries.getById(created.id);
    expect(profile.email).toBe('li.wei@example.com');
    const phone = await crm.db.dataSource.getRepository(CustomerContact).findOneByOrFail({ customerId: created.id, kind: ContactKind.PHONE });
    const email = await crm.db.dataSource.getRepository(CustomerContact).findOneByOrFail({ customerId: created.id, kind: ContactKind.EMAIL });
    await customers.contactDetails.remove({ contactId: phone.id });
    await expect(customers.contactDetails.remove({ contactId: email.id })).rejects.toThrow(/last contact/);
    expect((await customers.queries.getById(created.id)).email).toBe('li.wei@example.com');
  });

  it('scores completeness from what the profile holds, documents included', async () => {
    const created = await customers.registration.register(input(), agent);
    expect(created.completeness).toBe(27);
    expect(created.profileGaps).toEqual(['preferredChannel', 'seat', 'meal', 'destinations', 'budgetBand', 'travelStyles', 'travelDocument', 'consents']);
    await customers.profileUpdate.update({
      id: created.id,
      preferredChannel: PreferredChannel.PHONE,
      preferences: { seat: SeatPreference.WINDOW, meal: 'VGML', destinations: ['Kyoto'], budgetBand: BudgetBand.MID_RANGE, travelStyles: [TravelStyle.CITY] },
      marketingConsent: false,
      followUpConsent: true,
    } as any);
    const withDocument = await customers.travelDocuments.add(
      { customerId: created.id, kind: TravelDocumentKind.PASSPORT, number: 'e1234 5678', issuingCountry: 'CN', expiresOn: '2031-04-30' },
      agent,
    );
    expect(withDocument).toMatchObject({ completeness: 100, profileGaps: [] });
    await expect(
      customers.travelDocuments.add({ customerId: created.id, kind: TravelDocumentKind.PASSPORT, number: 'X1', issuingCountry: 'CN', expiresOn: '2031-02-30' }, agent),
    ).rejects.toMatchObject({ extensions: { field: 'input.expiresOn' } });
  });

  it('lists profiles not verified for CRM_VERIFY_AFTER_DAYS, longest unverified first, until verified', async () => {
    const older = await customers.registration.register(input({ fullName: 'Older' }), agent);
    crm.db.clock.set('2026-12-01T09:00:00.000Z');
    const newer = await customers.registration.register(input({ fullName: 'Newer' }), agent);
    crm.db.clock.set('2027-11-10T09:00:00.000Z');
    let due = await customers.queries.dueForVerification({});
    expect(due.edges.map((e) => e.node.id)).toEqual([older.id]);
    crm.db.clock.set('2027-12-10T09:00:00.000Z');
    due = await customers.queries.dueForVerification({});
    expect(due.edges.map((e) => e.node.id)).toEqual([older.id, newer.id]);
    await customers.profileUpdate.verify({ customerId: older.id }, agent);
    due = await customers.queries.dueForVerification({});
    expect(due.edges.map((e) => e.node.id)).toEqual([newer.id]);
  });

  it('refuses changes to a merged or erased profile with CONFLICT', async () => {
    const created = await customers.registration.register(input(), agent);
    await crm.db.dataSource.getRepository(Customer).update({ id: created.id }, { status: CustomerStatus.ERASED });
    await expect(customers.profileUpdate.update({ id: created.id, fullName: 'X' } as any)).rejects.toThrow(ConflictError);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    await expect(customers.profileUpdate.update({ id: '00000000-0000-4000-8000-000000000000', fullName: 'X' } as any)).rejects.toThrow(NotFoundError);
    expect(await customers.queries.findById('not-a-uuid')).toBeNull();
  });

  it('searches by part of a name, e-mail or phone, newest first, in pages, and filters by tier and tag', async () => {
    await customers.registration.register(input({ fullName: 'Sophie Martin', email: 'sophie@example.fr', phone: null, tags: ['honeymoon'] }), agent);
    crm.db.clock.advance(60_000);
    await customers.registration.register(input({ fullName: 'Hans Becker', email: 'hans@example.de', phone: '+49 151 2345 6789', tier: CustomerTier.GOLD }), manager);
    crm.db.clock.advance(60_000);
    await customers.registration.register(input({ fullName: 'Martina Rossi', email: 'martina@example.it', phone: null }), agent);
    const byName = await customers.queries.list({ search: 'mart', first: 10 });
    expect(byName.edges.map((e) => e.node.fullName)).toEqual(['Martina Rossi', 'Sophie Martin']);
    expect((await customers.queries.list({ search: '2345 67', first: 10 })).edges.map((e) => e.node.fullName)).toEqual(['Hans Becker']);
    expect((await customers.queries.list({ search: '100%_', first: 10 })).totalCount).toBe(0);
    expect((await customers.queries.list({ filter: { tier: [CustomerTier.GOLD] } })).edges.map((e) => e.node.fullName)).toEqual(['Hans Becker']);
    expect((await customers.queries.list({ filter: { tag: 'Honeymoon' } })).edges.map((e) => e.node.fullName)).toEqual(['Sophie Martin']);
    const page = await customers.queries.list({ first: 2 });
    expect(page.totalCount).toBe(3);
    const next = await customers.queries.list({ first: 2, after: page.pageInfo.endCursor ?? undefined });
    expect([...page.edges, ...next.edges].map((e) => e.node.fullName)).toEqual(['Martina Rossi', 'Hans Becker', 'Sophie Martin']);
  });

  it('stores phones in E.164 form', () => {
    expect(normalizePhone('+44 (20) 7946-0958')).toBe('+442079460958');
    expect(normalizePhone('')).toBeNull();
  });
});
