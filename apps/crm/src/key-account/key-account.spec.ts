import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerTier } from '../customer/customer.enums';
import { InvitationStatus, KeyAccountKind } from './key-account.enums';

describe('key accounts and customer events (real Postgres)', () => {
  let crm: Crm;
  const manager = identity('crm_manager', 'manager-max');

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, key_account, outbox_event CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
  });

  const customer = async (name: string) =>
    (await crm.domain.customer.registration.register({ fullName: name, email: `${name.split(' ')[0].toLowerCase()}@example.com`, preferredLanguage: 'en', tier: CustomerTier.STANDARD } as any, manager)).id;

  const account = (name = 'Nordic Pharma AB') =>
    crm.domain.keyAccount.management.create(
      {
        name,
        kind: KeyAccountKind.CORPORATE,
        accountManagerId: 'kam-kim',
        accountManagerName: 'Kim Account',
        serviceTerms: { responseTimeHours: 2, dedicatedHotline: true, discountPercent: 7.5, customPlan: 'Quarterly review; fast-track rebooking' },
        memberTier: CustomerTier.GOLD,
      },
      manager,
    );

  it('keeps members with a dedicated manager and raises their tier to the agreed one (rule KEY_ACCOUNT)', async () => {
    const created = await account();
    expect(created.serviceTerms).toEqual({
      responseTargetMinutes: 120,
      dedicatedContact: null,
      compensationRules: [],
      dedicatedHotline: true,
      discountPercent: 7.5,
      customPlan: 'Quarterly review; fast-track rebooking',
      validUntil: null,
    });
    await expect(account('nordic pharma ab')).rejects.toMatchObject({ extensions: { field: 'input.name' } });
    const ceo = await customer('Astrid Lund');
    await crm.domain.keyAccount.management.addMember({ keyAccountId: created.id, customerId: ceo, position: 'CEO' }, manager);
    expect(await crm.domain.customer.queries.getById(ceo)).toMatchObject({ tier: 'GOLD', tierRule: 'KEY_ACCOUNT', tierReason: 'member of the key account Nordic Pharma AB' });
    expect((await crm.domain.keyAccount.queries.members(created.id, {})).totalCount).toBe(1);
    expect((await crm.domain.keyAccount.queries.accountOf(ceo))?.id).toBe(created.id);
    const other = await account('Other Corp');
    await expect(crm.domain.keyAccount.management.addMember({ keyAccountId: other.id, customerId: ceo }, manager)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
    await crm.domain.keyAccount.management.update({ id: created.id, memberTier: CustomerTier.VIP });
    expect((await crm.domain.customer.queries.getById(ceo)).tier).toBe('VIP');
  });

  it('announces structured terms to every member as they join, change and leave (customer.service_terms_changed)', async () => {
    const terms = {
      responseTargetMinutes: 120,
      dedicatedContact: { userId: 'kam-kim', name: 'Kim Account' },
      compensationRules: [
        { category: 'BAGGAGE' as const, kind: 'VOUCHER' as const, maxAmount: '200', currency: 'EUR', preApproved: true },
        { kind: 'MILES' as const, maxQuantity: 5000, preApproved: false },
      ],
      dedicatedHotline: true,
    };
    const created = await crm.domain.keyAccount.management.create(
      { name: 'Alpine Engineering AG', kind: KeyAccountKind.CORPORATE, accountManagerId: 'kam-kim', accountManagerName: 'Kim Account', serviceTerms: terms, memberTier: CustomerTier.GOLD } as any,
      manager,
    );
    await expect(
      crm.domain.keyAccount.management.update({ id: created.id, serviceTerms: { ...terms, compensationRules: [{ kind: 'REFUND' as const, preApproved: true }] } as any }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.serviceTerms.compensationRules.0.maxAmount' } });
    const [astrid, erik] = [await customer('Astrid Lund'), await customer('Erik Berg')];
    await crm.domain.keyAccount.management.addMember({ keyAccountId: created.id, customerId: astrid }, manager);
    crm.db.clock.set('2026-11-02T09:30:00.000Z');
    await crm.domain.keyAccount.management.addMember({ keyAccountId: created.id, customerId: erik }, manager);
    crm.db.clock.set('2026-11-02T10:00:00.000Z');
    await crm.domain.keyAccount.management.update({ id: created.id, serviceTerms: { ...terms, responseTargetMinutes: 90 } as any });
    await crm.domain.keyAccount.management.removeMember({ keyAccountId: created.id, customerId: erik });

    const announced = (await crm.db.outboxEvents()).filter((e) => e.type === 'customer.service_terms_changed');
    expect(announced.map((e) => [e.key, e.data.keyAccountId, e.data.terms?.responseTargetMinutes ?? null])).toEqual([
      [astrid, created.id, 120],
      [erik, created.id, 120],
      [astrid, created.id, 90],
      [erik, created.id, 90],
      [erik, null, null],
    ]);
    expect(announced[0].data.terms).toEqual({
      responseTargetMinutes: 120,
      dedicatedContact: { userId: 'kam-kim', name: 'Kim Account' },
      compensationRules: [
        { category: 'BAGGAGE', kind: 'VOUCHER', maxAmount: '200.00', currency: 'EUR', maxQuantity: null, preApproved: true },
        { category: null, kind: 'MILES', maxAmount: null, currency: null, maxQuantity: 5000, preApproved: false },
      ],
      validUntil: null,
    });

    await crm.domain.keyAccount.management.update({ id: created.id, status: 'CLOSED' as any });
    const last = (await crm.db.outboxEvents()).filter((e) => e.type === 'customer.service_terms_changed').pop();
    expect(last?.data).toMatchObject({ customerId: astrid, keyAccountId: null, terms: null });
  });

  it("states the survivor's terms again after a merge moved a membership", async () => {
    const created = await account();
    const [survivor, duplicate] = [await customer('Astrid Lund'), await customer('A. Lund')];
    await crm.domain.keyAccount.management.addMember({ keyAccountId: created.id, customerId: duplicate }, manager);
    await crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: duplicate }, manager);
    const last = (await crm.db.outboxEvents()).filter((e) => e.type === 'customer.service_terms_changed').pop();
    expect(last?.data).toMatchObject({ customerId: survivor, keyAccountId: created.id, terms: { responseTargetMinutes: 120 } });
  });

  it('finds key accounts by name, manager or dedicated contact, and customers by key account', async () => {
    const nordic = await account();
    const alpine = await crm.domain.keyAccount.management.create(
      { name: 'Alpine Engineering AG', kind: KeyAccountKind.CORPORATE, accountManagerId: 'kam-lee', serviceTerms: { responseTimeHours: 4, dedicatedContact: { userId: 'desk-ola', name: 'Ola Desk' }, dedicatedHotline: false }, memberTier: CustomerTier.GOLD } as any,
      manager,
    );
    const names = async (search: string) => (await crm.domain.keyAccount.queries.list({ search })).edges.map((e) => e.node.name);
    expect(await names('pharma')).toEqual(['Nordic Pharma AB']);
    expect(await names('Kim Acc')).toEqual(['Nordic Pharma AB']);
    expect(await names('ola desk')).toEqual(['Alpine Engineering AG']);
    expect(await names('50%_')).toEqual([]);
    const [astrid, erik] = [await customer('Astrid Lund'), await customer('Erik Berg')];
    await customer('Sara Holm');
    await crm.domain.keyAccount.management.addMember({ keyAccountId: nordic.id, customerId: astrid }, manager);
    await crm.domain.keyAccount.management.addMember({ keyAccountId: alpine.id, customerId: erik }, manager);
    const customerNames = async (filter: object) => (await crm.domain.customer.queries.list({ filter })).edges.map((e) => e.node.fullName).sort();
    expect(await customerNames({ keyAccountId: nordic.id })).toEqual(['Astrid Lund']);
    expect(await customerNames({ inKeyAccount: true })).toEqual(['Astrid Lund', 'Erik Berg']);
    expect(await customerNames({ inKeyAccount: false })).toEqual(['Sara Holm']);
  });

  it('organises a customer event: invitations, responses and attendance, recorded in the attendees’ history', async () => {
    const created = await account();
    const [astrid, erik, sara] = [await customer('Astrid Lund'), await customer('Erik Berg'), await customer('Sara Holm')];
    const event = await crm.domain.keyAccount.customerEvents.organise(
      { keyAccountId: created.id, title: 'Summer destinations preview', venue: 'Stockholm', startsAt: new Date('2026-12-05T17:00:00Z'), endsAt: new Date('2026-12-05T21:00:00Z') },
      manager,
    );
    await crm.domain.keyAccount.customerEvents.invite({ eventId: event.id, customerIds: [astrid, erik, sara] }, manager);
    await crm.domain.keyAccount.customerEvents.invite({ eventId: event.id, customerIds: [astrid] }, manager);
    await crm.domain.keyAccount.customerEvents.recordResponse({ eventId: event.id, customerId: erik, accepted: false });
    await crm.domain.keyAccount.customerEvents.recordResponse({ eventId: event.id, customerId: astrid, accepted: true });
    const held = await crm.domain.keyAccount.customerEvents.recordAttendance({ eventId: event.id, attendedCustomerIds: [astrid] });
    expect(held.status).toBe('HELD');
    const statuses = Object.fromEntries((await crm.domain.keyAccount.queries.invitations(event.id)).map((i) => [i.customerId, i.status]));
    expect(statuses).toEqual({ [astrid]: InvitationStatus.ATTENDED, [erik]: InvitationStatus.DECLINED, [sara]: InvitationStatus.NO_SHOW });
    expect((await crm.domain.interaction.history.forCustomer(astrid, {})).edges.map((e) => e.node.summary)).toEqual(['Attended the customer event "Summer destinations preview"']);
    await expect(crm.domain.keyAccount.customerEvents.recordAttendance({ eventId: event.id, attendedCustomerIds: [] })).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'HELD' } });
    const cancelled = await crm.domain.keyAccount.customerEvents.organise(
      { title: 'Golf day', startsAt: new Date('2027-05-05T08:00:00Z'), endsAt: new Date('2027-05-05T16:00:00Z') },
      manager,
    );
    expect((await crm.domain.keyAccount.customerEvents.cancel({ eventId: cancelled.id })).status).toBe('CANCELLED');
    await expect(crm.domain.keyAccount.customerEvents.invite({ eventId: cancelled.id, customerIds: [astrid] }, manager)).rejects.toMatchObject({ extensions: { currentStatus: 'CANCELLED' } });
  });
});
