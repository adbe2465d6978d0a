import { randomUUID } from 'node:crypto';
import { compensationApprovalRequested, complaintAssigned, complaintRegistered, complaintSlaAtRisk, complaintSlaBreached, inquirySlaAtRisk, trainingOverdue } from '@carebridge/event-contracts';
import { people, useCommunication } from '../communication.fixture';

describe('the staff notification inbox (real Postgres)', () => {
  const world = useCommunication();
  const inbox = `query { myUnreadNotificationCount myNotifications { id kind title body subjectType subjectId readAt } }`;
  const at = () => world.db.clock.now().toISOString();

  it('shows every supervisor the approval waiting, each with their own read mark, and nobody else', async () => {
    const complaintId = randomUUID();
    const eventId = randomUUID();
    const requested = { complaintId, registrationNumber: 'C-2026-000901', customerId: randomUUID(), itemIds: [randomUUID(), randomUUID()], proposedBy: 'specialist-sam', requestedAt: at() };
    await world.deliver(compensationApprovalRequested, requested, eventId);
    await world.deliver(compensationApprovalRequested, requested, eventId);

    const sue = await world.run(people.supervisor, inbox);
    expect(sue.errors).toBeUndefined();
    expect(sue.data).toEqual({
      myUnreadNotificationCount: 1,
      myNotifications: [
        {
          id: expect.any(String),
          kind: 'COMPENSATION_APPROVAL_WAITING',
          title: 'Approval waiting: complaint C-2026-000901',
          body: 'Compensation on complaint C-2026-000901 waits for your approval (2 item(s)).',
          subjectType: 'Complaint',
          subjectId: complaintId,
          readAt: null,
        },
      ],
    });
    expect((await world.run(people.agent, inbox)).data).toEqual({ myUnreadNotificationCount: 0, myNotifications: [] });

    const id = sue.data?.myNotifications[0].id;
    const mark = `mutation($ids: [ID!]!) { markNotificationsRead(input: { ids: $ids }) { id readAt } }`;
    const refused = await world.run(people.agent, mark, { ids: [id] });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const marked = await world.run(people.supervisor, mark, { ids: [id] });
    expect(marked.data?.markNotificationsRead).toEqual([{ id, readAt: world.db.clock.now() }]);
    expect((await world.run(people.supervisor, inbox)).data?.myUnreadNotificationCount).toBe(0);
    expect((await world.run(people.otherSupervisor, inbox)).data?.myUnreadNotificationCount).toBe(1);
    const bad = await world.run(people.supervisor, mark, { ids: ['not-an-id'] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('tells the assignee of a complaint, in the app and by e-mail in their language when they asked for it', async () => {
    const complaintId = randomUUID();
    await world.deliver(complaintRegistered, { complaintId, registrationNumber: 'C-2026-000902', customerId: randomUUID(), channel: 'EMAIL', category: 'DELAY', urgency: 'HIGH', registeredBy: 'agent-ana', registeredAt: at() });
    const set = await world.run(people.specialist, `mutation { setMyNotificationPreferences(input: { email: "Sam@Carebridge.example", emailEnabled: true, locale: "zh-CN" }) { email emailEnabled locale } }`);
    expect(set.data?.setMyNotificationPreferences).toEqual({ email: 'sam@carebridge.example', emailEnabled: true, locale: 'zh-CN' });
    await world.deliver(complaintAssigned, { complaintId, customerId: randomUUID(), assigneeId: people.specialist.userId, department: null, assignedBy: 'system', automatic: true, reason: null, assignedAt: at() });
    await world.deliver(complaintSlaBreached, { complaintId, customerId: randomUUID(), deadline: 'FEEDBACK', urgency: 'HIGH', dueAt: at(), breachedAt: at(), assigneeId: people.specialist.userId });

    const own = await world.run(people.specialist, inbox);
    expect(own.data?.myNotifications.map((n: { kind: string; title: string }) => [n.kind, n.title]).sort()).toEqual([
      ['COMPLAINT_ASSIGNED', '投诉 C-2026-000902 已分配给您'],
      ['COMPLAINT_SLA_BREACHED', '已超期：投诉 C-2026-000902'],
    ]);
    await world.dispatch.dispatchDue();
    expect(world.email.sent.filter((m) => m.to === 'sam@carebridge.example').map((m) => m.subject).sort()).toEqual(['已超期：投诉 C-2026-000902', '投诉 C-2026-000902 已分配给您']);
  });

  it("tells a complaint's assignee, else the supervisors, that a deadline is at risk, once per event", async () => {
    const complaintId = randomUUID();
    await world.deliver(complaintRegistered, { complaintId, registrationNumber: 'C-2026-000903', customerId: randomUUID(), channel: 'EMAIL', category: 'DELAY', urgency: 'HIGH', registeredBy: 'agent-ana', registeredAt: at() });
    const warning = { complaintId, customerId: randomUUID(), deadline: 'FEEDBACK' as const, urgency: 'HIGH' as const, dueAt: '2026-11-03T09:00:00.000Z', detectedAt: at(), assigneeId: people.agent.userId };
    const eventId = randomUUID();
    await world.deliver(complaintSlaAtRisk, warning, eventId);
    await world.deliver(complaintSlaAtRisk, warning, eventId);
    await world.deliver(complaintSlaAtRisk, { ...warning, assigneeId: null });
    const agent = (await world.run(people.agent, inbox)).data?.myNotifications.filter((n: { kind: string }) => n.kind === 'COMPLAINT_SLA_AT_RISK');
    expect(agent).toEqual([expect.objectContaining({ title: 'Deadline at risk: complaint C-2026-000903', body: 'The FEEDBACK deadline of complaint C-2026-000903 is close: due Nov 3, 2026, 09:00 AM UTC.', subjectId: complaintId })]);
    const sue = (await world.run(people.supervisor, inbox)).data?.myNotifications.filter((n: { kind: string }) => n.kind === 'COMPLAINT_SLA_AT_RISK');
    expect(sue).toHaveLength(1);
  });

  it("tells an inquiry's assignee, else the supervisors, that its response target is at risk, once per event", async () => {
    const inquiryId = randomUUID();
    const warning = { inquiryId, customerId: null, channel: 'EMAIL' as const, target: 'FIRST_RESPONSE' as const, dueAt: '2026-11-03T09:00:00.000Z', detectedAt: at(), assigneeId: people.agent.userId };
    const eventId = randomUUID();
    await world.deliver(inquirySlaAtRisk, warning, eventId);
    await world.deliver(inquirySlaAtRisk, warning, eventId);
    await world.deliver(inquirySlaAtRisk, { ...warning, assigneeId: null });
    const agent = (await world.run(people.agent, inbox)).data?.myNotifications.filter((n: { kind: string }) => n.kind === 'INQUIRY_SLA_AT_RISK');
    expect(agent).toEqual([
      expect.objectContaining({
        title: 'Response target at risk on an EMAIL inquiry',
        body: 'The FIRST_RESPONSE target of an EMAIL inquiry is close: due Nov 3, 2026, 09:00 AM UTC.',
        subjectType: 'Inquiry',
        subjectId: inquiryId,
      }),
    ]);
    for (const supervisor of [people.supervisor, people.otherSupervisor]) {
      expect((await world.run(supervisor, inbox)).data?.myNotifications.filter((n: { kind: string }) => n.kind === 'INQUIRY_SLA_AT_RISK')).toHaveLength(1);
    }
  });

  it('tells a trainee that their mandatory training is overdue, and the supervisors whose it is', async () => {
    const courseId = randomUUID();
    const overdue = { courseId, staffUserId: people.agent.userId, team: 'Hotline', reason: 'CERTIFICATE_EXPIRED' as const, dueAt: '2026-11-01T00:00:00.000Z', detectedAt: at() };
    const eventId = randomUUID();
    await world.deliver(trainingOverdue, overdue, eventId);
    await world.deliver(trainingOverdue, overdue, eventId);
    const own = (await world.run(people.agent, inbox)).data?.myNotifications.filter((n: { subjectId: string }) => n.subjectId === courseId);
    expect(own.map((n: { kind: string; title: string; body: string }) => [n.kind, n.title, n.body])).toEqual([
      ['TRAINING_OVERDUE', 'Mandatory training overdue', 'A course mandatory for your role is overdue (certificate expired, due Nov 1, 2026, 12:00 AM UTC). Please complete it in the training catalogue.'],
    ]);
    for (const supervisor of [people.supervisor, people.otherSupervisor]) {
      const seen = (await world.run(supervisor, inbox)).data?.myNotifications.filter((n: { subjectId: string }) => n.subjectId === courseId);
      expect(seen.map((n: { kind: string; title: string }) => [n.kind, n.title])).toEqual([['TEAM_TRAINING_OVERDUE', 'Training overdue: agent-ana (Hotline)']]);
    }
    expect((await world.run(people.specialist, inbox)).data?.myNotifications.some((n: { subjectId: string }) => n.subjectId === courseId)).toBe(false);
  });

  it('keeps the inbox for staff: an integration caller has none', async () => {
    const answer = await world.run(people.integration, inbox);
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
