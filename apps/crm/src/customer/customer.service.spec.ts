import { BadUserInputError, NotFoundError } from '@carebridge/service-kit';
import { openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { crmSubgraph } from '../crm.subgraph';
import { Customer, CustomerTier } from './customer.entity';
import { CustomerService, normalizePhone } from './customer.service';

describe('CustomerService (real Postgres)', () => {
  let db: ServiceDatabase;
  let customers: CustomerService;

  beforeAll(async () => {
    db = await openServiceDatabase(crmSubgraph);
    customers = new CustomerService(db.dataSource, db.outbox);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE customer, outbox_event');
  });

  const input = (overrides: Partial<Record<string, unknown>> = {}) =>
    ({ fullName: '  Li Wei ', email: ' Li.Wei@Example.com ', phone: '+86 138-0013 8000', preferredLanguage: 'zh-CN', tier: CustomerTier.GOLD, ...overrides }) as any;

  it('creates a profile with normalised contacts and publishes customer.created without personal data', async () => {
    const customer = await customers.create(input());
    expect(customer).toMatchObject({ fullName: 'Li Wei', email: 'li.wei@example.com', phone: '+8613800138000', tier: 'GOLD', preferredLanguage: 'zh-CN' });
    const events = await db.outboxEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'customer.created', key: customer.id });
    expect(events[0].data).toEqual({ customerId: customer.id, tier: 'GOLD', preferredLanguage: 'zh-CN', createdAt: customer.createdAt.toISOString() });
    expect(JSON.stringify(events[0])).not.toMatch(/Li Wei|example\.com|8613800138000/);
    expect(events[0].headers).toMatchObject({ ce_type: 'customer.created', ce_source: '/carebridge/crm', ce_specversion: '1.0', ce_subject: customer.id });
  });

  it('needs an e-mail or a phone, and writes nothing without one', async () => {
    await expect(customers.create(input({ email: null, phone: '  ' }))).rejects.toThrow(BadUserInputError);
    expect(await db.dataSource.getRepository(Customer).count()).toBe(0);
    expect(await db.outboxEvents()).toHaveLength(0);
  });

  it('updates only what changed and names the changed fields in customer.updated', async () => {
    const created = await customers.create(input());
    const updated = await customers.update({ id: created.id, tier: CustomerTier.VIP, fullName: 'Li Wei' } as any);
    expect(updated.tier).toBe('VIP');
    const events = await db.outboxEvents();
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
    expect(events[1].data.changedFields).toEqual(['tier']);
  });

  it('publishes nothing when an update changes nothing', async () => {
    const created = await customers.create(input());
    await customers.update({ id: created.id, tier: CustomerTier.GOLD } as any);
    expect((await db.outboxEvents()).map((e) => e.type)).toEqual(['customer.created']);
  });

  it('refuses to remove both contacts and rolls the change back', async () => {
    const created = await customers.create(input({ phone: null }));
    await expect(customers.update({ id: created.id, email: null } as any)).rejects.toThrow(BadUserInputError);
    expect((await customers.getById(created.id)).email).toBe('li.wei@example.com');
    expect(await db.outboxEvents()).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    await expect(customers.update({ id: '00000000-0000-4000-8000-000000000000', fullName: 'X' } as any)).rejects.toThrow(NotFoundError);
    expect(await customers.findById('not-a-uuid')).toBeNull();
  });

  it('searches by part of a name, e-mail or phone, newest first, in pages', async () => {
    await customers.create(input({ fullName: 'Sophie Martin', email: 'sophie@example.fr', phone: null }));
    await customers.create(input({ fullName: 'Hans Becker', email: 'hans@example.de', phone: '+49 151 2345 6789' }));
    await customers.create(input({ fullName: 'Martina Rossi', email: 'martina@example.it', phone: null }));
    const byName = await customers.list({ search: 'mart', first: 10 });
    expect(byName.edges.map((e) => e.node.fullName)).toEqual(['Martina Rossi', 'Sophie Martin']);
    expect((await customers.list({ search: '2345 67', first: 10 })).edges.map((e) => e.node.fullName)).toEqual(['Hans Becker']);
    expect((await customers.list({ search: '100%_', first: 10 })).totalCount).toBe(0);
    const page = await customers.list({ first: 2 });
    expect(page.totalCount).toBe(3);
    const next = await customers.list({ first: 2, after: page.pageInfo.endCursor ?? undefined });
    expect([...page.edges, ...next.edges].map((e) => e.node.fullName)).toEqual(['Martina Rossi', 'Hans Becker', 'Sophie Martin']);
  });

  it('stores phones in E.164 form', () => {
    expect(normalizePhone('+44 (20) 7946-0958')).toBe('+442079460958');
    expect(normalizePhone('')).toBeNull();
  });
});
