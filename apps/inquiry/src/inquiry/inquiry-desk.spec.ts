import { at, people, useInquiry } from '../inquiry.fixture';
import { InquiryCategory, InquiryPriority } from './inquiry.enums';

describe('the desk: priority, tags, category corrections, at-risk deadlines, answered calls and telephony reports (real Postgres)', () => {
  const customerId = '4a5b6c7d-0000-4000-8000-000000000001';
  const { agent, admin } = people;
  const integration = { userId: 'telephony-pbx', roles: ['integration' as const] };
  const bo = { userId: 'agent-bo', roles: ['agent' as const], name: 'Bo Agent' };
  const s = useInquiry({ customers: [customerId] });

  it('keeps priority and tags from intake, changes them with history, and filters by them', async () => {
    const inquiry = await s.receiveEmail({ priority: InquiryPriority.HIGH, tags: [' VIP ', 'vip', 'lounge'] });
    expect(inquiry).toMatchObject({ priority: 'HIGH', tags: ['vip', 'lounge'] });
    await s.classification.setPriority({ inquiryId: inquiry.id, priority: InquiryPriority.URGENT }, agent);
    const tagged = await s.classification.tag({ inquiryId: inquiry.id, add: ['Refund'], remove: ['lounge'] }, agent);
    expect(tagged).toMatchObject({ priority: 'URGENT', tags: ['vip', 'refund'] });
    // Nothing to change: no history entry.
    await s.classification.tag({ inquiryId: inquiry.id, add: ['vip'], remove: [] }, agent);
    const corrected = await s.classification.correctCategory({ inquiryId: inquiry.id, category: InquiryCategory.PRICE, reason: 'About the fare, not bags' }, agent);
    expect(corrected.category).toBe('PRICE');
    const history = (await s.inquiries.history(inquiry.id)).map((h) => [h.kind, h.detail]).slice(-3);
    expect(history).toEqual([
      ['PRIORITY_CHANGED', 'Priority changed from HIGH to URGENT'],
      ['TAGS_CHANGED', 'Tags added refund; removed lounge'],
      ['CATEGORY_CORRECTED', 'Category corrected from BAGGAGE to PRICE: About the fare, not bags'],
    ]);
    const ids = async (filter: object) => (await s.inquiries.list({ filter })).edges.map((e) => e.node.id);
    expect(await ids({ tag: 'REFUND' })).toEqual([inquiry.id]);
    expect(await ids({ priority: ['URGENT'], category: ['PRICE'] })).toEqual([inquiry.id]);
  });

  it('is at risk once three quarters of the first-response target passed, before it is breached', async () => {
    const inquiry = await s.receiveEmail();
    const ids = async (atRisk: boolean) => (await s.inquiries.queue({ filter: { atRisk } })).edges.map((e) => e.node.id);
    s.db.clock.set(at(3 * 60 + 44));
    expect(await ids(true)).not.toContain(inquiry.id);
    s.db.clock.set(at(3 * 60 + 45));
    expect(await ids(true)).toContain(inquiry.id);
    expect((await s.inquiries.list({ filter: { atRisk: false } })).edges.map((e) => e.node.id)).not.toContain(inquiry.id);
    s.db.clock.set(at(5 * 60));
    expect(await ids(true)).not.toContain(inquiry.id);
  });

  it('gives a call to the agent who answers it', async () => {
    await s.agents.setAvailability({ available: true, agentId: 'agent-cy', capacity: 5 }, admin);
    const call = await s.receiveCall(customerId, at(0));
    expect(call.assigneeId).toBe('agent-cy');
    s.db.clock.set(at(10));
    const answered = await s.intake.answerCall({ inquiryId: call.id }, bo);
    expect(answered).toMatchObject({ status: 'OPEN', assigneeId: 'agent-bo', assigneeName: 'Bo Agent', firstRespondedBy: 'agent-bo' });
    const atIntake = await s.intake.receive({ channel: 'PHONE', category: InquiryCategory.FLIGHT_INFO, subject: 'Gate?', customerId, call: { ringStartedAt: at(0), answeredAt: at(5) } } as any, bo);
    expect(atIntake.assigneeId).toBe('agent-bo');
  });

  it('takes ring times from the telephony system by call id: opens, corrects and answers the call, once', async () => {
    s.db.clock.set(at(60));
    const ringing = await s.telephony.report({ callId: 'pbx:call-0001', ringStartedAt: at(40), callerNumber: '+81 3 1234 5678' }, integration);
    expect(ringing).toMatchObject({ channel: 'PHONE', status: 'NEW', callId: 'pbx:call-0001', receivedAt: at(40), firstResponseDueAt: at(58), contactPhone: '+81312345678', category: 'OTHER' });
    const answered = await s.telephony.report({ callId: 'pbx:call-0001', ringStartedAt: at(40), answeredAt: at(52), answeredBy: 'agent-bo' }, integration);
    expect(answered).toMatchObject({ status: 'OPEN', firstRespondedAt: at(52), assigneeId: 'agent-bo' });
    const again = await s.telephony.report({ callId: 'pbx:call-0001', ringStartedAt: at(30), answeredAt: at(59), answeredBy: 'agent-cy' }, integration);
    expect(again).toMatchObject({ receivedAt: at(40), firstRespondedAt: at(52), assigneeId: 'agent-bo' });
    expect((await s.eventsOf(ringing.id)).filter((e) => e.type === 'inquiry.first_responded')).toHaveLength(1);

    // An agent recorded the call by hand with the call id: the report replaces the typed ring start.
    const typed = await s.intake.receive({ channel: 'PHONE', category: InquiryCategory.TICKETING, subject: 'Seat', customerId, call: { ringStartedAt: at(50), callId: 'pbx:call-0002' } } as any, agent);
    const corrected = await s.telephony.report({ callId: 'pbx:call-0002', ringStartedAt: at(44) }, integration);
    expect(corrected).toMatchObject({ receivedAt: at(44), firstResponseDueAt: at(62), category: 'TICKETING' });
    expect((await s.inquiries.history(typed.id)).map((h) => h.kind)).toContain('RING_TIMES_REPORTED');
    await expect(s.intake.receive({ channel: 'PHONE', category: InquiryCategory.TICKETING, subject: 'Seat', customerId, call: { ringStartedAt: at(50), callId: 'pbx:call-0002' } } as any, agent)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', inquiryId: typed.id },
    });
    await expect(s.telephony.report({ callId: 'pbx:call-0003', ringStartedAt: at(44) }, integration)).rejects.toMatchObject({ extensions: { field: 'input.callerNumber' } });
    await expect(s.telephony.report({ callId: 'pbx:call-0003', ringStartedAt: at(44), answeredAt: at(40), answeredBy: 'agent-bo', callerNumber: '+4930123456' }, integration)).rejects.toMatchObject({
      extensions: { field: 'input.answeredAt' },
    });
  });
});
