import { randomUUID } from 'node:crypto';
import {
  complaintCustomerTimelineEntry,
  complaintRegistered,
  type CustomerTimelineEntryData,
  EVENT_CATALOGUE,
  inquiryCustomerTimelineEntry,
  isCustomerTimelineEntry,
  TIMELINE_KINDS,
} from '@carebridge/event-contracts';
import { decodeEnvelope } from '@carebridge/messaging';
import { crmEventHandlers } from '../crm.event-handlers';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { Customer } from '../customer/customer.entity';
import { CustomerTier } from '../customer/customer.enums';
import { Interaction } from './interaction.entity';
import { InteractionKind } from './interaction.enums';

describe('interaction history from the timeline entries other services publish (real Postgres)', () => {
  let crm: Crm;
  const customerId = '3f0e8a52-7d64-4c1b-9a53-0d3b8f1f2a10';
  const history = (id = customerId, first?: number) => crm.domain.interaction.history.forCustomer(id, { first });

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, interaction, outbox_event, processed_event CASCADE');
    // The customer the entries are about: crm keeps no history for a customer it does not have.
    await crm.db.dataSource.getRepository(Customer).insert({ id: customerId, fullName: 'Ada Timeline', lastVerifiedAt: new Date('2026-11-01T00:00:00.000Z') });
    crm.deadLetters.length = 0;
  });

  const registration = (n: number, at: string, about = customerId): CustomerTimelineEntryData => ({
    entryId: `9b1c2d3e-0000-4000-8000-00000000000${n}`,
    customerId: about,
    kind: 'COMPLAINT',
    summary: `Complaint CMP-2026-00000${n} registered (BAGGAGE, HIGH) via PHONE`,
    referenceId: `7a1b2c3d-0000-4000-8000-00000000000${n}`,
    referenceNumber: `CMP-2026-00000${n}`,
    category: 'BAGGAGE',
    occurredAt: at,
  });
  const entry = (data: CustomerTimelineEntryData | Record<string, unknown>, contract = complaintCustomerTimelineEntry) =>
    crm.message(contract, data as CustomerTimelineEntryData, contract.producer);

  it('adds a complaint to the history once, even when the entry is delivered twice or published again', async () => {
    const message = entry(registration(1, '2026-11-01T10:00:00.000Z'));
    await crm.deliver(message);
    await crm.deliver(message);
    // The same fact published again (a new message, the same entryId) is still one entry.
    await crm.deliver(entry(registration(1, '2026-11-01T10:00:00.000Z')));
    const found = await history();
    expect(found.totalCount).toBe(1);
    expect(found.edges[0].node).toMatchObject({
      kind: 'COMPLAINT',
      summary: 'Complaint CMP-2026-000001 registered (BAGGAGE, HIGH) via PHONE',
      referenceNumber: 'CMP-2026-000001',
      category: 'BAGGAGE',
      sourceService: 'complaint',
    });
    expect(decodeEnvelope(message).id).toBeTruthy();
  });

  it('lists the history newest first', async () => {
    await crm.deliver(entry(registration(1, '2026-11-01T10:00:00.000Z')));
    await crm.deliver(entry(registration(2, '2026-11-03T10:00:00.000Z')));
    await crm.deliver(entry(registration(3, '2026-11-02T10:00:00.000Z')));
    expect((await history()).edges.map((e) => e.node.referenceNumber)).toEqual(['CMP-2026-000002', 'CMP-2026-000003', 'CMP-2026-000001']);
  });

  it('adds inquiries and order changes of known customers; an entry without a customer cannot be published', async () => {
    const received = {
      entryId: randomUUID(),
      customerId,
      kind: 'INQUIRY',
      summary: 'Inquiry received via CHAT (VISA)',
      referenceId: '5c0d1e2f-0000-4000-8000-000000000001',
      referenceNumber: null,
      category: 'VISA',
      occurredAt: '2026-11-05T10:00:00.000Z',
    } satisfies CustomerTimelineEntryData;
    await crm.deliver(entry(received, inquiryCustomerTimelineEntry));
    await crm.deliver(
      entry(
        {
          entryId: randomUUID(),
          customerId,
          kind: 'ORDER_CHANGE',
          summary: 'Order change CANCEL of booking BK-7781 done',
          referenceId: '6d1e2f30-0000-4000-8000-000000000001',
          referenceNumber: 'BK-7781',
          category: null,
          occurredAt: '2026-11-05T11:00:00.000Z',
        },
        inquiryCustomerTimelineEntry,
      ),
    );
    const found = await history(customerId, 2);
    expect(found.edges.map((e) => [e.node.kind, e.node.summary, e.node.category, e.node.sourceService])).toEqual([
      ['ORDER_CHANGE', 'Order change CANCEL of booking BK-7781 done', null, 'inquiry'],
      ['INQUIRY', 'Inquiry received via CHAT (VISA)', 'VISA', 'inquiry'],
    ]);
    // An anonymous inquiry has no timeline: the contract needs the customer.
    expect(inquiryCustomerTimelineEntry.schema.safeParse({ ...received, customerId: null }).success).toBe(false);
  });

  it('dead-letters an entry whose data breaks the contract, and records nothing', async () => {
    const bad = entry(registration(4, '2026-11-04T10:00:00.000Z'));
    bad.value = Buffer.from(JSON.stringify({ entryId: 'not-a-uuid' }));
    await crm.deliver(bad);
    expect(crm.deadLetters).toHaveLength(1);
    expect(crm.deadLetters[0].topic).toBe('carebridge.dead-letter.crm');
    expect(crm.deadLetters[0].headers.dlq_error).toMatch(/complaint.customer_timeline_entry/);
    expect((await history()).totalCount).toBe(0);
  });

  it('puts an entry about a merged customer on the surviving profile, and none on an erased one', async () => {
    const by = identity('crm_manager');
    const register = (fullName: string, email: string) =>
      crm.domain.customer.registration.register({ fullName, email, preferredLanguage: 'en', tier: CustomerTier.STANDARD } as any, by);
    const survivor = await register('Noor Haddad', 'noor@example.com');
    const duplicate = await register('Noor Hadad', 'noor.h@example.com');
    await crm.domain.merge.profileMerge.merge({ survivorId: survivor.id, duplicateId: duplicate.id }, by);
    await crm.deliver(entry(registration(5, '2026-11-06T10:00:00.000Z', duplicate.id)));
    expect((await history(survivor.id)).edges.map((e) => e.node.referenceNumber)).toEqual(['CMP-2026-000005']);
    expect((await history(duplicate.id)).totalCount).toBe(0);

    const erased = await register('Lena Vogel', 'lena@example.de');
    await crm.domain.privacy.erasure.erase({ customerId: erased.id, reason: 'e-mail of 2026-11-02' }, identity('admin'));
    await crm.deliver(entry(registration(6, '2026-11-06T11:00:00.000Z', erased.id)));
    expect(await crm.db.dataSource.getRepository(Interaction).countBy({ customerId: erased.id })).toBe(0);
  });

  it('stores no interaction for a customer crm does not have', async () => {
    const stranger = randomUUID();
    await crm.deliver(entry(registration(7, '2026-11-06T12:00:00.000Z', stranger)));
    expect(crm.deadLetters).toHaveLength(0);
    expect(await crm.db.dataSource.getRepository(Interaction).countBy({ customerId: stranger })).toBe(0);
  });

  it('keeps an entry of a kind this crm does not list yet, and shows every kind the contract declares', async () => {
    // A producer built with a newer contract may send a kind this build of crm does not know.
    await crm.deliver(entry({ ...registration(7, '2026-11-07T10:00:00.000Z'), kind: 'AFTER_SALES_CASE', summary: 'After-sales case AS-1 opened' }));
    expect(crm.deadLetters).toHaveLength(0);
    expect(await crm.db.dataSource.getRepository(Interaction).countBy({ customerId, kind: 'AFTER_SALES_CASE' as InteractionKind })).toBe(1);
    expect((await history()).totalCount).toBe(0);
    // Every kind declared with the contract is one of crm's interaction kinds, so a new kind needs no change in crm.
    expect(Object.values(InteractionKind)).toEqual(expect.arrayContaining([...TIMELINE_KINDS]));
    // A kind must still look like one.
    expect(complaintCustomerTimelineEntry.schema.safeParse({ ...registration(8, '2026-11-07T10:00:00.000Z'), kind: 'after sales' }).success).toBe(false);
  });

  it('stores classifications and references only: what an entry carries beyond the contract is not kept', async () => {
    expect(complaintCustomerTimelineEntry.personalData).toMatch(/^none beyond customerId/);
    await crm.deliver(entry({ ...registration(9, '2026-11-08T10:00:00.000Z'), description: 'My suitcase never arrived and I had no clothes' }));
    const stored = await crm.db.dataSource.getRepository(Interaction).findOneByOrFail({ customerId });
    expect(JSON.stringify(stored)).not.toContain('suitcase');
    // A summary is a short line, not a place for the customer's story.
    expect(complaintCustomerTimelineEntry.schema.safeParse({ ...registration(9, '2026-11-08T10:00:00.000Z'), summary: 'x'.repeat(501) }).success).toBe(false);
  });

  it('listens to every timeline contract in the catalogue, and no longer to the producers’ own events for the history', () => {
    const handled = crmEventHandlers(crm.domain).map((h) => h.contract.type);
    const timelines = EVENT_CATALOGUE.filter(isCustomerTimelineEntry).map((c) => c.type);
    expect(timelines).toEqual(expect.arrayContaining(['complaint.customer_timeline_entry', 'inquiry.customer_timeline_entry']));
    expect(handled).toEqual(expect.arrayContaining(timelines));
    for (const type of [complaintRegistered.type, 'complaint.assigned', 'inquiry.received', 'inquiry.closed', 'inquiry.escalated', 'order_change.requested', 'order_change.completed']) {
      expect(handled).not.toContain(type);
    }
  });
});
