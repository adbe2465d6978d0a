import { complaintClosed, complaintResolved } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { createAikoTanaka, type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerContact } from '../customer/customer-contact.entity';
import { CustomerTier } from '../customer/customer.enums';
import { TravelDocument } from '../customer/travel-document.entity';
import { FollowUp } from '../follow-up/follow-up.entity';

const PROFILE = `query($id: ID!) { customer(id: $id) { fullName email phone contacts { kind value isPrimary } documents { kind number expiresOn } } }`;

describe('privacy: masking, access log and erasure (real Postgres)', () => {
  let crm: Crm;
  const manager = identity('crm_manager', 'manager-max');
  let customerId: string;

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, personal_data_access, outbox_event, processed_event, interaction CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
    customerId = await createAikoTanaka(crm, manager);
  });

  const accessLog = () => crm.db.dataSource.getRepository(PersonalDataAccess).find({ order: { accessedAt: 'ASC' } });

  it('shows contact details and documents unmasked to roles with a need, and logs who read which fields', async () => {
    const result = await crm.run('agent', PROFILE, { id: customerId }, crm.context('agent', 'agent-ana'));
    expect(result.errors).toBeUndefined();
    expect(result.data.customer).toEqual({
      fullName: 'Aiko Tanaka',
      email: 'aiko.tanaka@example.jp',
      phone: '+819012345678',
      contacts: [
        { kind: 'EMAIL', value: 'aiko.tanaka@example.jp', isPrimary: true },
        { kind: 'PHONE', value: '+819012345678', isPrimary: true },
      ].sort((a, b) => a.kind.localeCompare(b.kind)),
      documents: [{ kind: 'PASSPORT', number: 'TK1234567', expiresOn: '2030-05-01' }],
    });
    const log = await accessLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ customerId, accessedBy: 'agent-ana', accessorRoles: ['agent'], purpose: 'READ', fields: ['contacts.value', 'documents.number', 'email', 'phone'] });
    expect(log[0].accessedAt.toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('masks for roles without need and logs nothing for masked reads', async () => {
    const analyst = await crm.run('analyst', PROFILE, { id: customerId });
    expect(analyst.data.customer).toMatchObject({ email: 'a***@example.jp', phone: '+*********678', documents: [{ number: '******567' }] });
    expect(analyst.data.customer.contacts.map((c: { value: string }) => c.value).sort()).toEqual(['+*********678', 'a***@example.jp']);
    expect(await accessLog()).toHaveLength(0);
    await crm.domain.customer.profileUpdate.update({ id: customerId, notes: 'Travels with a service dog' } as any);
    const notes = `query($id: ID!) { customer(id: $id) { notes } }`;
    expect((await crm.run('analyst', notes, { id: customerId })).data.customer.notes).toBeNull();
    expect((await crm.run('agent', notes, { id: customerId })).data.customer.notes).toBe('Travels with a service dog');
    // A complaint specialist needs contact details but not passports.
    const specialist = await crm.run('complaint_specialist', PROFILE, { id: customerId });
    expect(specialist.data.customer).toMatchObject({ email: 'aiko.tanaka@example.jp', documents: [{ number: '******567' }] });
    expect((await accessLog()).map((l) => l.fields)).toEqual([['contacts.value', 'email', 'phone']]);
  });

  it('writes the reads of a 50-customer list in one statement per resolver wave, one row per customer', async () => {
    for (let i = 0; i < 49; i++) {
      await crm.domain.customer.registration.register({ fullName: `Customer ${i}`, email: `c${i}@example.com`, preferredLanguage: 'en', tier: CustomerTier.STANDARD } as any, manager);
    }
    const query = jest.spyOn(crm.db.dataSource, 'query');
    const result = await crm.run('agent', `{ customers(first: 50) { edges { node { email phone } } } }`);
    const inserts = query.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO personal_data_access'));
    query.mockRestore();
    expect(result.data.customers.edges).toHaveLength(50);
    expect(inserts).toHaveLength(1);
    expect(await crm.db.dataSource.getRepository(PersonalDataAccess).count()).toBe(50);
    // Fields at different depths of one request add to the same rows.
    await crm.run('crm_manager', `{ customers(first: 50) { edges { node { email contacts { value } } } } }`, undefined, crm.context('crm_manager', 'manager-2'));
    const rows = await crm.db.dataSource.getRepository(PersonalDataAccess).findBy({ accessedBy: 'manager-2' });
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.fields.join() === 'contacts.value,email')).toBe(true);
  });

  it('lets only admins query the access log', async () => {
    await crm.run('agent', PROFILE, { id: customerId }, crm.context('agent', 'agent-ana'));
    const forbidden = await crm.run('crm_manager', `{ personalDataAccessLog { totalCount } }`);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const log = await crm.run('admin', `query($c: ID) { personalDataAccessLog(filter: { customerId: $c }) { totalCount edges { node { accessedBy fields purpose } } } }`, { c: customerId });
    expect(log.data.personalDataAccessLog).toEqual({ totalCount: 1, edges: [{ node: { accessedBy: 'agent-ana', fields: ['contacts.value', 'documents.number', 'email', 'phone'], purpose: 'READ' } }] });
  });

  it('erases a customer: the profile is anonymised, customer.erased carries only the id, and nothing about them is published afterwards', async () => {
    const duplicate = (await crm.domain.customer.registration.register({ fullName: 'Aiko T.', email: 'aiko.tanaka@example.jp', preferredLanguage: 'ja', tier: CustomerTier.STANDARD } as any, manager)).id;
    await crm.domain.merge.profileMerge.merge({ survivorId: customerId, duplicateId: duplicate }, manager);
    await crm.domain.customer.profileUpdate.update({ id: customerId, notes: 'Allergic to nuts', tags: ['vip-lounge'] } as any);
    const before = (await crm.db.outboxEvents()).length;

    const result = await crm.run('admin', `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { status fullName email phone contacts { value } documents { number } erasedAt } }`, {
      input: { customerId, reason: 'Request by e-mail, ticket 4711' },
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data.eraseCustomer))).toEqual({ status: 'ERASED', fullName: 'Erased customer', email: null, phone: null, contacts: [], documents: [], erasedAt: '2026-11-02T09:00:00.000Z' });
    const profile = await crm.domain.customer.queries.getById(customerId);
    expect(profile).toMatchObject({ notes: null, tags: [], preferences: {} });
    expect(await crm.db.dataSource.getRepository(CustomerContact).count()).toBe(0);
    expect(await crm.db.dataSource.getRepository(TravelDocument).count()).toBe(0);
    expect((await crm.domain.customer.queries.getById(duplicate)).status).toBe('ERASED');

    const erased = (await crm.db.outboxEvents()).slice(before);
    expect(erased.map((e) => [e.type, e.data])).toEqual([
      ['customer.erased', { customerId, erasedAt: '2026-11-02T09:00:00.000Z' }],
      ['customer.erased', { customerId: duplicate, erasedAt: '2026-11-02T09:00:00.000Z' }],
    ]);

    // Events about the erased customer change nothing and publish nothing.
    await crm.deliver(
      crm.message(complaintResolved, {
        complaintId: '7a1b2c3d-0000-4000-8000-000000000201',
        registrationNumber: 'CMP-2026-000201',
        customerId,
        resolvedBy: 'specialist-1',
        resolvedAt: '2026-11-03T10:00:00.000Z',
        rootCause: null,
        compensation: [{ itemId: '0b7c0d4e-0000-4000-8000-000000000201', kind: 'LOYALTY_POINTS', amount: null, currency: null, quantity: 50, description: null, reason: 'Delay' }],
      }),
    );
    await crm.deliver(
      crm.message(complaintClosed, {
        complaintId: '7a1b2c3d-0000-4000-8000-000000000201',
        registrationNumber: 'CMP-2026-000201',
        customerId: duplicate,
        closedBy: 'specialist-1',
        closedAt: '2026-11-04T10:00:00.000Z',
        satisfactionScore: 5,
        satisfactionComment: null,
        closedWithoutSatisfactionReason: null,
      }),
    );
    expect(crm.deadLetters).toHaveLength(0);
    expect((await crm.db.outboxEvents()).length).toBe(before + 2);
    expect(await crm.db.dataSource.getRepository(FollowUp).count()).toBe(0);
    expect(await crm.domain.loyalty.queries.balanceOf(customerId)).toBe(0);

    const again = await crm.run('admin', `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { id } }`, { input: { customerId, reason: 'Twice' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const notAdmin = await crm.run('crm_manager', `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { id } }`, { input: { customerId: duplicate, reason: 'Not mine to do' } });
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
