import { complaintCustomerTimelineEntry, complaintResolved } from '@carebridge/event-contracts';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerContact } from '../customer/customer-contact.entity';
import { CustomerTier, SeatPreference, TravelDocumentKind } from '../customer/customer.enums';
import { TravelDocument } from '../customer/travel-document.entity';
import { FollowUpKind } from '../follow-up/follow-up.enums';
import { Interaction } from '../interaction/interaction.entity';
import { CustomerEventInvitation } from '../key-account/key-account.entity';
import { CampaignGrant } from '../loyalty/campaign.entity';
import { DuplicateReason } from './customer-merge.enums';

describe('duplicate detection and merge (real Postgres)', () => {
  let crm: Crm;
  const agent = identity('agent');
  const manager = identity('crm_manager', 'manager-max');

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, outbox_event, processed_event, interaction CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
  });

  const create = async (fields: Record<string, unknown>) => (await crm.domain.customer.registration.register({ preferredLanguage: 'en', tier: CustomerTier.STANDARD, ...fields } as any, manager)).id;

  it('finds profiles with the same e-mail, the same phone or a very similar name', async () => {
    const original = await create({ fullName: 'James O’Connor', email: 'james.oconnor@example.ie', phone: '+353 87 123 4567' });
    const sameEmail = await create({ fullName: 'J. OConnor', email: 'James.OConnor@example.ie' });
    const samePhone = await create({ fullName: 'Jim Connor', phone: '+353 87 123 4567' });
    const similarName = await create({ fullName: 'James O Connor', email: 'jim@elsewhere.example' });
    await create({ fullName: 'Someone Else', email: 'else@example.com' });
    const candidates = await crm.domain.merge.duplicateDetection.duplicatesOf(original);
    const byId = Object.fromEntries(candidates.map((c) => [c.customer.id, c.reasons]));
    expect(byId).toEqual({ [sameEmail]: [DuplicateReason.SAME_EMAIL], [samePhone]: [DuplicateReason.SAME_PHONE], [similarName]: [DuplicateReason.SIMILAR_NAME] });
  });

  it('finds the same person under a changed spelling or contact: pinyin and Latin script, accents and word order, phone formats, the mailbox elsewhere', async () => {
    const original = await create({ fullName: '张伟', email: 'zhang.wei@example.cn', phone: '+86 138 0013 8000' });
    const latin = await create({ fullName: 'Wei ZHANG', email: 'w.zhang@elsewhere.example' });
    const accented = await create({ fullName: 'Zhāng-Wěi', email: 'zw@other.example' });
    const otherPhoneFormat = await create({ fullName: 'Mr Z', phone: '+86 0138-0013-8000' });
    const mailbox = await create({ fullName: 'Z. W.', email: 'zhang.wei@gmail.example' });
    await create({ fullName: 'Li Na', email: 'li.na@example.cn' });
    const byId = Object.fromEntries((await crm.domain.merge.duplicateDetection.duplicatesOf(original)).map((c) => [c.customer.id, c.reasons]));
    expect(byId).toEqual({
      [latin]: [DuplicateReason.SIMILAR_NAME],
      [accented]: [DuplicateReason.SIMILAR_NAME],
      [otherPhoneFormat]: [DuplicateReason.SAME_PHONE],
      [mailbox]: [DuplicateReason.SIMILAR_EMAIL],
    });
  });

  it('previews what a merge moves without changing anything, then keeps the name and contacts the operator chose', async () => {
    const survivor = await create({ fullName: 'Li Wei', email: 'old.li@example.com', phone: '+86 138 0000 0001' });
    const duplicate = await create({ fullName: 'LI Wei (Wendy)', email: 'wendy.li@example.com', phone: '+86 138 0000 0002' });
    await crm.domain.loyalty.ledger.earn({ customerId: duplicate, points: 250, reason: 'Booking B', idempotencyKey: 'booking:P' }, agent);
    const preview = await crm.domain.merge.profileMerge.preview(survivor, duplicate);
    expect(Object.fromEntries(preview.moves.filter((m) => m.records).map((m) => [m.section, m.records]))).toMatchObject({ contacts: 2, loyalty: expect.any(Number) });
    expect(await crm.domain.customer.queries.getById(duplicate)).toMatchObject({ status: 'ACTIVE' });
    expect((await crm.db.outboxEvents()).filter((e) => e.type === 'customer.merged')).toHaveLength(0);
    await expect(crm.domain.merge.profileMerge.preview(survivor, survivor)).rejects.toMatchObject({ extensions: { field: 'duplicateId' } });

    const merged = await crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: duplicate, keep: { fullName: 'DUPLICATE', email: 'DUPLICATE', phone: 'SURVIVOR' } } as any, manager);
    expect(merged).toMatchObject({ fullName: 'LI Wei (Wendy)', email: 'wendy.li@example.com', phone: '+8613800000001' });
    const contacts = await crm.db.dataSource.getRepository(CustomerContact).find({ where: { customerId: survivor }, order: { value: 'ASC' } });
    expect(contacts.map((c) => [c.value, c.isPrimary])).toEqual([
      ['+8613800000001', true],
      ['+8613800000002', false],
      ['old.li@example.com', false],
      ['wendy.li@example.com', true],
    ]);
  });

  it('merges a duplicate keeping all history, and tells other services with customer.merged', async () => {
    const survivor = await create({ fullName: 'Li Wei', email: 'li.wei@example.com', tags: ['vip-lounge'] });
    const duplicate = await create({
      fullName: 'Wei Li',
      email: 'li.wei@example.com',
      phone: '+86 138 0013 8000',
      tags: ['family'],
      preferences: { seat: SeatPreference.WINDOW },
      notes: 'Prefers morning flights',
    });
    await crm.domain.customer.tiers.set({ customerId: duplicate, tier: CustomerTier.GOLD, reason: 'Long-standing customer' });
    await crm.domain.loyalty.ledger.earn({ customerId: survivor, points: 100, reason: 'Booking A', idempotencyKey: 'booking:A' }, agent);
    await crm.domain.loyalty.ledger.earn({ customerId: duplicate, points: 250, reason: 'Booking B', idempotencyKey: 'booking:B' }, agent);
    await crm.domain.followUp.scheduling.schedule({ customerId: duplicate, kind: FollowUpKind.CALL, dueAt: new Date('2026-11-10T10:00:00Z') }, agent);
    await crm.deliver(
      crm.message(complaintCustomerTimelineEntry, {
        entryId: '9b1c2d3e-0000-4000-8000-000000000101',
        customerId: duplicate,
        kind: 'COMPLAINT',
        summary: 'Complaint CMP-2026-000101 registered (BAGGAGE, HIGH) via EMAIL',
        referenceId: '7a1b2c3d-0000-4000-8000-000000000101',
        referenceNumber: 'CMP-2026-000101',
        category: 'BAGGAGE',
        occurredAt: '2026-11-01T10:00:00.000Z',
      }),
    );

    const merged = await crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: duplicate }, manager);
    expect(merged).toMatchObject({ email: 'li.wei@example.com', phone: '+8613800138000', tier: 'GOLD', tierRule: 'MANUAL', notes: 'Prefers morning flights' });
    expect(merged.tags.sort()).toEqual(['family', 'vip-lounge']);
    expect(merged.preferences.seat).toBe('WINDOW');
    const contacts = await crm.db.dataSource.getRepository(CustomerContact).findBy({ customerId: survivor });
    expect(contacts.map((c) => `${c.kind}:${c.value}:${c.isPrimary}`).sort()).toEqual(['EMAIL:li.wei@example.com:true', 'PHONE:+8613800138000:true']);
    expect(await crm.domain.loyalty.queries.balanceOf(survivor)).toBe(350);
    expect((await crm.domain.followUp.queries.list({ customerId: survivor }, {})).totalCount).toBe(1);
    expect(await crm.db.dataSource.getRepository(Interaction).countBy({ customerId: survivor, kind: 'COMPLAINT' as any })).toBe(1);
    expect(await crm.domain.customer.queries.getById(duplicate)).toMatchObject({ status: 'MERGED', mergedIntoId: survivor, email: null, phone: null });
    const [record] = await crm.domain.merge.profileMerge.mergesInto(survivor);
    expect(record).toMatchObject({ mergedId: duplicate, mergedBy: 'manager-max' });
    expect(record.moved).toMatchObject({ loyalty: 1, followUps: 1, contacts: 1, interactions: 3 });

    const events = await crm.db.outboxEvents();
    const mergedEvent = events.find((e) => e.type === 'customer.merged');
    expect(mergedEvent).toMatchObject({ key: duplicate, data: { survivorId: survivor, mergedId: duplicate, mergedBy: 'manager-max', mergedAt: '2026-11-02T09:00:00.000Z' } });

    // Events about the merged id arriving later land on the survivor.
    await crm.deliver(
      crm.message(complaintResolved, {
        complaintId: '7a1b2c3d-0000-4000-8000-000000000101',
        registrationNumber: 'CMP-2026-000101',
        customerId: duplicate,
        resolvedBy: 'specialist-1',
        resolvedAt: '2026-11-03T10:00:00.000Z',
        rootCause: null,
        compensation: [{ itemId: '0b7c0d4e-0000-4000-8000-000000000101', kind: 'LOYALTY_POINTS', amount: null, currency: null, quantity: 50, description: null, reason: 'Delay' }],
      }),
    );
    expect(await crm.domain.loyalty.queries.balanceOf(survivor)).toBe(400);
    await expect(crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: duplicate }, manager)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'MERGED' } });
    await expect(crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: survivor }, manager)).rejects.toMatchObject({ extensions: { field: 'input.duplicateId' } });
  });

  it('keeps once what both profiles hold: a travel document, an event invitation, a campaign grant', async () => {
    const survivor = await create({ fullName: 'Ana Souza', email: 'ana.souza@example.br', tags: ['rio-weekend'] });
    const duplicate = await create({ fullName: 'Ana Sousa', email: 'ana.sousa@example.br', tags: ['rio-weekend'] });
    const passport = { kind: TravelDocumentKind.PASSPORT, number: 'FX123456', issuingCountry: 'BR' };
    await crm.domain.customer.travelDocuments.add({ customerId: survivor, ...passport }, agent);
    await crm.domain.customer.travelDocuments.add({ customerId: duplicate, ...passport }, agent);
    await crm.domain.customer.travelDocuments.add({ customerId: duplicate, kind: TravelDocumentKind.VISA, number: 'V-778899', issuingCountry: 'US' }, agent);
    const organise = (title: string) =>
      crm.domain.keyAccount.customerEvents.organise({ title, startsAt: new Date('2026-12-05T17:00:00Z'), endsAt: new Date('2026-12-05T21:00:00Z') }, manager);
    const [gala, tasting] = [await organise('Winter gala'), await organise('Wine tasting')];
    await crm.domain.keyAccount.customerEvents.invite({ eventId: gala.id, customerIds: [survivor, duplicate] }, manager);
    await crm.domain.keyAccount.customerEvents.invite({ eventId: tasting.id, customerIds: [duplicate] }, manager);
    const campaign = await crm.domain.loyalty.rewardCampaigns.create(
      {
        name: 'Rio weekend',
        segment: { tiers: [], tags: ['rio-weekend'], destinations: [], keyAccountIds: [], requireMarketingConsent: false },
        rewardPoints: 100,
        startsAt: new Date('2026-11-01T00:00:00Z'),
        endsAt: new Date('2027-03-31T00:00:00Z'),
      },
      manager,
    );
    await crm.domain.loyalty.rewardCampaigns.launch({ campaignId: campaign.id });
    expect(await crm.domain.loyalty.campaignRewards.grant(crm.db.clock.now())).toMatchObject({ granted: 2 });

    await crm.domain.merge.profileMerge.merge({ survivorId: survivor, duplicateId: duplicate }, manager);
    const documents = await crm.db.dataSource.getRepository(TravelDocument).findBy({ customerId: survivor });
    expect(documents.map((d) => `${d.kind}:${d.number}`).sort()).toEqual(['PASSPORT:FX123456', 'VISA:V-778899']);
    const invitations = await crm.db.dataSource.getRepository(CustomerEventInvitation).findBy({ customerId: survivor });
    expect(invitations.map((i) => i.eventId).sort()).toEqual([gala.id, tasting.id].sort());
    expect(await crm.db.dataSource.getRepository(CampaignGrant).countBy({ customerId: survivor })).toBe(1);
    expect(await crm.domain.loyalty.queries.balanceOf(survivor)).toBe(200);
    const [record] = await crm.domain.merge.profileMerge.mergesInto(survivor);
    expect(record.moved).toMatchObject({ travelDocuments: 1, keyAccount: 1, campaigns: 0, dataExports: 0 });
  });
});
