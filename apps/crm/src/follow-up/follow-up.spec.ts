import { careContactDue, complaintClosed, complaintCustomerTimelineEntry, complaintReopened } from '@carebridge/event-contracts';
import { decodeEnvelope } from '@carebridge/messaging';
import { type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerTier } from '../customer/customer.enums';
import { KeyAccountKind } from '../key-account/key-account.enums';
import { FollowUp } from './follow-up.entity';
import { FollowUpKind, FollowUpOutcome, FollowUpReason, FollowUpStatus } from './follow-up.enums';

describe('follow-ups (real Postgres)', () => {
  let crm: Crm;
  const agent = identity('agent', 'agent-ana');
  const manager = identity('crm_manager', 'manager-max');
  let customerId: string;
  const complaintId = '7a1b2c3d-0000-4000-8000-0000000000aa';

  beforeAll(async () => {
    crm = await openCrm({ CRM_COMPLAINT_FOLLOW_UP_DAYS: '3', CRM_FOLLOW_UP_LEAD_DAYS: '7' });
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, key_account, outbox_event, processed_event CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
    customerId = (await crm.domain.customer.registration.register({ fullName: 'Hans Becker', email: 'hans@example.de', preferredLanguage: 'de', tier: CustomerTier.STANDARD } as any, agent)).id;
  });

  const closed = (at = '2026-11-02T10:00:00.000Z') =>
    crm.message(complaintClosed, {
      complaintId,
      registrationNumber: 'CMP-2026-000042',
      customerId,
      closedBy: 'specialist-sam',
      closedAt: at,
      satisfactionScore: 3,
      satisfactionComment: 'It took long but it was fixed.',
      closedWithoutSatisfactionReason: null,
    });

  describe("after-sales' care contacts", () => {
    const careContactId = '5c0a1e00-0000-4000-8000-0000000000c1';
    const due = (overrides: Partial<{ careContactId: string; customerId: string; kind: 'PRE_DEPARTURE_VISA' | 'TRIP_ANNIVERSARY' }> = {}) =>
      crm.message(careContactDue, {
        careContactId,
        customerId,
        tripId: '5c0a1e00-0000-4000-8000-0000000000f1',
        kind: 'PRE_DEPARTURE_VISA',
        dueAt: '2026-11-20T09:00:00.000Z',
        occasionAt: '2026-12-20T07:00:00.000Z',
        ...overrides,
      });

    it('schedule a CARE_REMINDER follow-up due with the contact, once per care contact however often it comes', async () => {
      const message = due();
      await crm.deliver(message);
      await crm.deliver(message);
      await crm.deliver(due()); // the same care contact published again
      expect(crm.deadLetters).toHaveLength(0);
      const followUps = await crm.db.dataSource.getRepository(FollowUp).findBy({ customerId });
      expect(followUps).toHaveLength(1);
      expect(followUps[0]).toMatchObject({ reason: FollowUpReason.CARE_REMINDER, kind: FollowUpKind.EMAIL, status: FollowUpStatus.SCHEDULED, careContactId, ownerId: null, createdBy: 'crm' });
      expect(followUps[0].dueAt.toISOString()).toBe('2026-11-20T09:00:00.000Z');
      expect(followUps[0].purpose).toBe('Before departure: check the customer has the visas they need (2026-12-20)');
      const scheduled = (await crm.db.outboxEvents()).filter((e) => e.type === 'followup.scheduled');
      expect(scheduled.map((e) => e.data)).toEqual([
        { followUpId: followUps[0].id, customerId, kind: 'EMAIL', dueAt: '2026-11-20T09:00:00.000Z', ownerId: null, reason: 'CARE_REMINDER', complaintId: null, careContactId },
      ]);
      // Another care contact (the anniversary) is a follow-up of its own: a call.
      await crm.deliver(due({ careContactId: '5c0a1e00-0000-4000-8000-0000000000c2', kind: 'TRIP_ANNIVERSARY' }));
      expect((await crm.db.dataSource.getRepository(FollowUp).findBy({ customerId })).map((f) => f.kind).sort()).toEqual(['CALL', 'EMAIL']);
    });

    it('land on the survivor of a merged customer and are skipped for erased, unknown and unconsenting customers', async () => {
      const duplicate = (await crm.domain.customer.registration.register({ fullName: 'H. Becker', email: 'h.becker@example.de', preferredLanguage: 'de', tier: CustomerTier.STANDARD } as any, agent)).id;
      await crm.domain.merge.profileMerge.merge({ survivorId: customerId, duplicateId: duplicate } as any, manager);
      await crm.deliver(due({ customerId: duplicate }));
      expect(await crm.db.dataSource.getRepository(FollowUp).countBy({ customerId, reason: FollowUpReason.CARE_REMINDER })).toBe(1);

      const withdrawn = (await crm.domain.customer.registration.register({ fullName: 'Uta Kunz', email: 'uta@example.de', preferredLanguage: 'de', tier: CustomerTier.STANDARD, followUpConsent: false } as any, agent)).id;
      const erased = (await crm.domain.customer.registration.register({ fullName: 'Ida Roth', email: 'ida@example.de', preferredLanguage: 'de', tier: CustomerTier.STANDARD } as any, agent)).id;
      await crm.domain.privacy.erasure.erase({ customerId: erased, reason: 'letter of 2026-11-01' }, identity('admin'));
      await crm.deliver(due({ careContactId: '5c0a1e00-0000-4000-8000-0000000000c3', customerId: withdrawn }));
      await crm.deliver(due({ careContactId: '5c0a1e00-0000-4000-8000-0000000000c4', customerId: erased }));
      await crm.deliver(due({ careContactId: '5c0a1e00-0000-4000-8000-0000000000c5', customerId: '5c0a1e00-0000-4000-8000-0000000000ee' }));
      expect(crm.deadLetters).toHaveLength(0);
      expect(await crm.db.dataSource.getRepository(FollowUp).countBy({ reason: FollowUpReason.CARE_REMINDER })).toBe(1);
    });
  });

  it('schedules a follow-up call CRM_COMPLAINT_FOLLOW_UP_DAYS after a complaint is closed, once however often the event comes', async () => {
    const message = closed();
    await crm.deliver(message);
    await crm.deliver(message);
    await crm.deliver(closed()); // the same closing published again
    const followUps = await crm.db.dataSource.getRepository(FollowUp).findBy({ customerId });
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({
      kind: FollowUpKind.CALL,
      reason: FollowUpReason.COMPLAINT_CLOSED,
      status: FollowUpStatus.SCHEDULED,
      complaintId,
      ownerId: 'specialist-sam',
    });
    expect(followUps[0].dueAt.toISOString()).toBe('2026-11-05T10:00:00.000Z');
    const scheduled = (await crm.db.outboxEvents()).filter((e) => e.type === 'followup.scheduled');
    expect(scheduled.map((e) => e.data)).toEqual([
      { followUpId: followUps[0].id, customerId, kind: 'CALL', dueAt: '2026-11-05T10:00:00.000Z', ownerId: 'specialist-sam', reason: 'COMPLAINT_CLOSED', complaintId, careContactId: null },
    ]);
    // The complaint service puts the closing on the timeline with an entry of its own, in the same step.
    await crm.deliver(
      crm.message(complaintCustomerTimelineEntry, {
        entryId: decodeEnvelope(message).id,
        customerId,
        kind: 'COMPLAINT',
        summary: 'Complaint CMP-2026-000042 closed (satisfaction 3/5)',
        referenceId: complaintId,
        referenceNumber: 'CMP-2026-000042',
        category: null,
        occurredAt: '2026-11-02T10:00:00.000Z',
      }),
    );
    // The customer's words from the closing stay out of crm's history.
    const history = await crm.domain.interaction.history.forCustomer(customerId, {});
    expect(JSON.stringify(history)).not.toContain('It took long');
    expect(history.edges.map((e) => e.node.summary)).toContain('Complaint CMP-2026-000042 closed (satisfaction 3/5)');
  });

  it('gives the follow-up to the key-account manager, cancels it when the complaint is reopened, and schedules a new one at the next closing', async () => {
    const account = await crm.domain.keyAccount.management.create(
      { name: 'Alpine Engineering AG', kind: KeyAccountKind.CORPORATE, accountManagerId: 'kam-kim', serviceTerms: { responseTimeHours: 2, dedicatedHotline: true }, memberTier: CustomerTier.GOLD } as any,
      manager,
    );
    await crm.domain.keyAccount.management.addMember({ keyAccountId: account.id, customerId }, manager);
    await crm.deliver(closed());
    expect((await crm.db.dataSource.getRepository(FollowUp).findOneByOrFail({ customerId })).ownerId).toBe('kam-kim');
    await crm.deliver(crm.message(complaintReopened, { complaintId, customerId, reopenedBy: 'agent-ana', reopenedAt: '2026-11-03T10:00:00.000Z', reason: 'Bag still damaged' }));
    expect((await crm.db.dataSource.getRepository(FollowUp).findOneByOrFail({ customerId })).status).toBe(FollowUpStatus.CANCELLED);
    await crm.deliver(closed('2026-11-10T10:00:00.000Z'));
    const open = await crm.db.dataSource.getRepository(FollowUp).findOneByOrFail({ customerId, status: FollowUpStatus.SCHEDULED });
    expect(open.dueAt.toISOString()).toBe('2026-11-13T10:00:00.000Z');
  });

  it('schedules nothing for a customer who declined follow-up calls', async () => {
    await crm.domain.customer.profileUpdate.update({ id: customerId, followUpConsent: false } as any);
    await crm.deliver(closed());
    expect(await crm.db.dataSource.getRepository(FollowUp).countBy({ customerId })).toBe(0);
    await expect(crm.domain.followUp.scheduling.schedule({ customerId, kind: FollowUpKind.CALL, dueAt: new Date('2026-11-20T10:00:00Z') }, agent)).rejects.toMatchObject({
      extensions: { field: 'input.customerId' },
    });
  });

  it('completes a follow-up with outcome, satisfaction and new needs, once; lists overdue follow-ups per owner', async () => {
    const first = await crm.domain.followUp.scheduling.schedule({ customerId, kind: FollowUpKind.CALL, dueAt: new Date('2026-11-03T10:00:00Z') }, agent);
    await crm.domain.followUp.scheduling.schedule({ customerId, kind: FollowUpKind.VISIT, dueAt: new Date('2026-11-04T10:00:00Z'), ownerId: 'agent-bo' }, agent);
    await crm.domain.followUp.scheduling.schedule({ customerId, kind: FollowUpKind.EMAIL, dueAt: new Date('2026-11-30T10:00:00Z') }, agent);
    crm.db.clock.set('2026-11-05T09:00:00.000Z');
    expect(await crm.domain.followUp.queries.overdueByOwner()).toEqual([
      { ownerId: 'agent-ana', overdue: 1, oldestDueAt: new Date('2026-11-03T10:00:00Z') },
      { ownerId: 'agent-bo', overdue: 1, oldestDueAt: new Date('2026-11-04T10:00:00Z') },
    ]);
    expect((await crm.domain.followUp.queries.list({ ownerId: 'agent-ana', overdue: true }, {})).totalCount).toBe(1);
    await expect(
      crm.domain.followUp.completion.complete({ followUpId: first.id, outcome: FollowUpOutcome.NOT_REACHED, satisfactionScore: 4 }, agent),
    ).rejects.toMatchObject({ extensions: { field: 'input.satisfactionScore' } });
    const done = await crm.domain.followUp.completion.complete(
      { followUpId: first.id, outcome: FollowUpOutcome.REACHED, satisfactionScore: 4, newNeeds: 'Wants a ski trip for the family in February' },
      agent,
    );
    expect(done).toMatchObject({ status: 'COMPLETED', completedBy: 'agent-ana', satisfactionScore: 4 });
    await expect(crm.domain.followUp.completion.complete({ followUpId: first.id, outcome: FollowUpOutcome.REACHED }, agent)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentStatus: 'COMPLETED' },
    });
    const completed = (await crm.db.outboxEvents()).find((e) => e.type === 'followup.completed');
    expect(completed?.data).toEqual({
      followUpId: first.id,
      customerId,
      completedBy: 'agent-ana',
      completedAt: '2026-11-05T09:00:00.000Z',
      outcome: 'REACHED',
      satisfactionScore: 4,
      newNeeds: true,
    });
    expect(JSON.stringify(completed)).not.toContain('ski trip');
    expect(await crm.domain.followUp.queries.overdueByOwner()).toEqual([{ ownerId: 'agent-bo', overdue: 1, oldestDueAt: new Date('2026-11-04T10:00:00Z') }]);
  });

  it('puts a recurring plan’s next follow-up on the list a lead time ahead, once per occurrence however often the job runs', async () => {
    const plan = await crm.domain.followUp.plans.create(
      { customerId, kind: FollowUpKind.VISIT, everyDays: 30, firstDueAt: new Date('2026-11-20T09:00:00Z'), purpose: 'Quarterly account review' },
      manager,
    );
    expect(await crm.db.dataSource.getRepository(FollowUp).countBy({ planId: plan.id })).toBe(0);
    expect(await crm.domain.followUp.plans.scheduleRecurring(new Date('2026-11-14T09:00:00Z'))).toEqual({ scheduled: 1 });
    expect(await crm.domain.followUp.plans.scheduleRecurring(new Date('2026-11-14T09:00:00Z'))).toEqual({ scheduled: 0 });
    expect(await crm.domain.followUp.plans.scheduleRecurring(new Date('2026-12-10T09:00:00Z'))).toEqual({ scheduled: 0 });
    expect(await crm.domain.followUp.plans.scheduleRecurring(new Date('2026-12-14T09:00:00Z'))).toEqual({ scheduled: 1 });
    const dues = (await crm.db.dataSource.getRepository(FollowUp).find({ where: { planId: plan.id }, order: { dueAt: 'ASC' } })).map((f) => f.dueAt.toISOString());
    expect(dues).toEqual(['2026-11-20T09:00:00.000Z', '2026-12-20T09:00:00.000Z']);
    await crm.domain.followUp.plans.stop({ planId: plan.id });
    expect(await crm.domain.followUp.plans.scheduleRecurring(new Date('2027-02-14T09:00:00Z'))).toEqual({ scheduled: 0 });
  });
});
