import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const INQUIRY_FIELDS = `id status category priority tags atRisk assigneeId receivedAt firstResponseDueAt firstRespondedAt callId closedAt closedWithoutSatisfactionReason
  contactEmail contactPhone
  escalation { status registrationNumber complaint { id } }
  history { kind detail }`;
const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { ${INQUIRY_FIELDS} } }`;
const INQUIRY = `query($id: ID!) { inquiry(id: $id) { ${INQUIRY_FIELDS} } }`;
const ESCALATE = `mutation($input: EscalateInquiryToComplaintInput!) {
  escalateInquiryToComplaint(input: $input) { id status complaint { id } escalation { status registrationNumber complaint { id } } }
}`;
const complaintStep = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { id status } }`;

// Monday 09:00 UTC; the inquiry desk keeps office hours so that a key account's agreed time shows.
const T0 = new Date('2026-11-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

describe('the inquiry desk through the gateway: escalation, source inquiry, classification, calls, key-account terms, contact details', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let manager: GraphQLClient;
  let analyst: GraphQLClient;
  let admin: GraphQLClient;
  let telephony: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ INQUIRY_BUSINESS_HOURS: 'Mon-Fri 08:00-18:00', INQUIRY_TIME_ZONE: 'UTC' });
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    manager = platform.as('crm_manager', 'manager-max');
    analyst = platform.as('analyst', 'analyst-ali');
    admin = platform.as('admin', 'admin-ada');
    telephony = platform.as('integration', 'telephony-pbx');
    await platform.setTime(at(0));
    await platform.as('supervisor', 'sup-sue').data(`mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId } }`, {
      input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function customer(fullName: string): Promise<string> {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName, email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    });
    return createCustomer.id;
  }

  /** Receives an e-mail of a customer once the inquiry service learned the customer from crm. */
  const emailFrom = (customerId: string, extra: Record<string, unknown> = {}) =>
    eventually(async () => (await agent.data(RECEIVE, { input: { channel: 'EMAIL', category: 'BAGGAGE', subject: 'Bag', message: 'My bag did not arrive.', customerId, ...extra } })).receiveInquiry);
  const read = async (id: string, client = agent) => (await client.data(INQUIRY, { id })).inquiry;

  it('escalates with flight, place and booking: the complaint at once, registered under that id, and the source inquiry follows it to closing and reopening', async () => {
    await platform.setTime(at(0));
    const customerId = await customer('Olga Nowak');
    const inquiry = await emailFrom(customerId);
    const escalated = (
      await agent.data(ESCALATE, {
        input: { inquiryId: inquiry.id, category: 'BAGGAGE', urgency: 'HIGH', flightNumber: 'LO 379', location: 'Warsaw Chopin, belt 4', bookingReference: 'x7k2qp' },
      })
    ).escalateInquiryToComplaint;
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalation: { status: 'REQUESTED', registrationNumber: null } });
    const complaintId = escalated.complaint.id;
    expect(escalated.escalation.complaint.id).toBe(complaintId);

    const registered = await eventually(async () => {
      const current = await read(inquiry.id);
      if (current.escalation.status !== 'REGISTERED') throw new Error('not registered yet');
      return current.escalation;
    });
    expect(registered.registrationNumber).toMatch(/^CMP-2026-\d{6}$/);
    const { complaint } = await specialist.data(`query($id: ID!) { complaint(id: $id) { id registrationNumber flightNumber location bookingReference inquiry { id } } }`, { id: complaintId });
    expect(complaint).toEqual({ id: complaintId, registrationNumber: registered.registrationNumber, flightNumber: 'LO379', location: 'Warsaw Chopin, belt 4', bookingReference: 'X7K2QP', inquiry: { id: inquiry.id } });

    await specialist.data(complaintStep('assignComplaint', 'AssignComplaintInput'), { input: { complaintId } });
    await specialist.data(complaintStep('startComplaintWork', 'StartComplaintWorkInput'), { input: { complaintId } });
    await specialist.data(complaintStep('planComplaintResolution', 'PlanComplaintResolutionInput'), { input: { complaintId, explanation: 'The bag was left in Frankfurt; it is on its way.', rootCause: 'OPERATIONS', compensation: [] } });
    await specialist.data(complaintStep('giveComplaintFeedback', 'GiveComplaintFeedbackInput'), { input: { complaintId, channel: 'EMAIL', sentTo: 'olga.nowak@example.com', actionsTaken: 'Traced the bag.', nextSteps: 'Courier tomorrow.' } });
    await specialist.data(complaintStep('resolveComplaint', 'ResolveComplaintInput'), { input: { complaintId } });
    await platform.setTime(at(60));
    await specialist.data(complaintStep('closeComplaint', 'CloseComplaintInput'), { input: { complaintId, satisfactionScore: 4 } });

    const closed = await eventually(async () => {
      const current = await read(inquiry.id);
      if (current.status !== 'CLOSED') throw new Error('source inquiry still open');
      return current;
    });
    expect(closed).toMatchObject({ escalation: { status: 'CLOSED' }, closedWithoutSatisfactionReason: `Complaint ${registered.registrationNumber} was closed; satisfaction was asked on the complaint` });

    await platform.setTime(at(120));
    await specialist.data(complaintStep('reopenComplaint', 'ReopenComplaintInput'), { input: { complaintId, reason: 'The bag arrived damaged.' } });
    const reopened = await eventually(async () => {
      const current = await read(inquiry.id);
      if (current.escalation.status !== 'REOPENED') throw new Error('not reopened yet');
      return current;
    });
    expect(reopened.status).toBe('CLOSED');
    expect(reopened.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['ESCALATED', 'COMPLAINT_LINKED', 'COMPLAINT_CLOSED', 'CLOSED', 'COMPLAINT_REOPENED']));
  });

  it('classifies after intake (priority, tags, corrected category with history) and shows the deadline at risk before it is breached', async () => {
    await platform.setTime(at(0));
    const inquiry = (
      await agent.data(RECEIVE, { input: { channel: 'CHAT', category: 'BAGGAGE', subject: 'Fare', message: 'Why is the fare higher today?', contact: { name: 'Ines Costa' }, priority: 'HIGH', tags: ['Fare'] } })
    ).receiveInquiry;
    expect(inquiry).toMatchObject({ priority: 'HIGH', tags: ['fare'], atRisk: false });
    await agent.data(`mutation($input: CorrectInquiryCategoryInput!) { correctInquiryCategory(input: $input) { id } }`, { input: { inquiryId: inquiry.id, category: 'PRICE', reason: 'About the fare' } });
    await agent.data(`mutation($input: TagInquiryInput!) { tagInquiry(input: $input) { id } }`, { input: { inquiryId: inquiry.id, add: ['refund'], remove: ['fare'] } });
    await agent.data(`mutation($input: SetInquiryPriorityInput!) { setInquiryPriority(input: $input) { id } }`, { input: { inquiryId: inquiry.id, priority: 'URGENT' } });
    const badTag = await agent.request(`mutation($input: TagInquiryInput!) { tagInquiry(input: $input) { id } }`, { input: { inquiryId: inquiry.id, add: ['two words'] } });
    expect(badTag.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const classified = await read(inquiry.id);
    expect(classified).toMatchObject({ category: 'PRICE', priority: 'URGENT', tags: ['refund'] });
    expect(classified.history.find((h: any) => h.kind === 'CATEGORY_CORRECTED').detail).toBe('Category corrected from BAGGAGE to PRICE: About the fare');
    const { inquiries } = await agent.data(`{ inquiries(filter: { tag: "refund", priority: [URGENT] }) { edges { node { id } } } }`);
    expect(inquiries.edges.map((e: any) => e.node.id)).toContain(inquiry.id);

    await platform.setTime(at(4));
    expect((await read(inquiry.id)).atRisk).toBe(true);
    const { inquiryQueue } = await agent.data(`{ inquiryQueue(filter: { atRisk: true }) { edges { node { id } } } }`);
    expect(inquiryQueue.edges.map((e: any) => e.node.id)).toContain(inquiry.id);
  });

  it('gives a call to the agent who answers it, and takes ring times from the telephony system by call id (once)', async () => {
    await platform.setTime(at(10));
    const REPORT = `mutation($input: ReportCallInput!) { reportCall(input: $input) { ${INQUIRY_FIELDS} } }`;
    const refused = await agent.request(REPORT, { input: { callId: 'pbx-1', ringStartedAt: at(9.9), callerNumber: '+48 22 123 45 67' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ringing = (await telephony.data(REPORT, { input: { callId: 'pbx-1', ringStartedAt: at(9.9), callerNumber: '+48 22 123 45 67' } })).reportCall;
    expect(ringing).toMatchObject({ status: 'NEW', callId: 'pbx-1', category: 'OTHER', receivedAt: at(9.9) });
    const answer = { callId: 'pbx-1', ringStartedAt: at(9.9), answeredAt: at(9.95), answeredBy: 'agent-bo' };
    const answered = (await telephony.data(REPORT, { input: answer })).reportCall;
    expect(answered).toMatchObject({ id: ringing.id, status: 'OPEN', assigneeId: 'agent-bo', firstRespondedAt: at(9.95) });
    expect((await telephony.data(REPORT, { input: { ...answer, answeredBy: 'agent-cy' } })).reportCall).toMatchObject({ assigneeId: 'agent-bo' });

    const typed = (await agent.data(RECEIVE, { input: { channel: 'PHONE', category: 'FLIGHT_INFO', subject: 'Gate?', contact: { name: 'Jo' }, call: { ringStartedAt: at(9.9) } } })).receiveInquiry;
    const taken = (await platform.as('agent', 'agent-dee').data(`mutation($input: AnswerInquiryCallInput!) { answerInquiryCall(input: $input) { assigneeId } }`, { input: { inquiryId: typed.id } })).answerInquiryCall;
    expect(taken.assigneeId).toBe('agent-dee');
  });

  it("applies a key account's structured terms to its members' inquiries; key accounts are searched and customers filtered by them", async () => {
    await platform.setTime(at(0));
    const member = await customer('Astrid Lund');
    const other = await customer('Erik Berg');
    const { createKeyAccount } = await manager.data(
      `mutation($input: CreateKeyAccountInput!) { createKeyAccount(input: $input) { id serviceTerms { responseTargetMinutes responseTimeHours dedicatedContact { userId } compensationRules { category kind maxAmount currency preApproved } } } }`,
      {
        input: {
          name: 'Nordic Pharma AB',
          accountManagerId: 'kam-kim',
          serviceTerms: {
            responseTargetMinutes: 120,
            dedicatedContact: { userId: 'kam-kim', name: 'Kim Account' },
            compensationRules: [{ category: 'BAGGAGE', kind: 'VOUCHER', maxAmount: '200', currency: 'EUR', preApproved: true }],
          },
          memberTier: 'GOLD',
        },
      },
    );
    expect(createKeyAccount.serviceTerms).toEqual({
      responseTargetMinutes: 120,
      responseTimeHours: 2,
      dedicatedContact: { userId: 'kam-kim' },
      compensationRules: [{ category: 'BAGGAGE', kind: 'VOUCHER', maxAmount: '200.00', currency: 'EUR', preApproved: true }],
    });
    await manager.data(`mutation($input: AddKeyAccountMemberInput!) { addKeyAccountMember(input: $input) { id } }`, { input: { keyAccountId: createKeyAccount.id, customerId: member } });
    expect((await manager.data(`{ keyAccounts(search: "pharma") { edges { node { id } } } }`)).keyAccounts.edges).toEqual([{ node: { id: createKeyAccount.id } }]);
    const { customers } = await manager.data(`query($id: ID!) { customers(filter: { keyAccountId: $id }) { edges { node { id } } } }`, { id: createKeyAccount.id });
    expect(customers.edges).toEqual([{ node: { id: member } }]);

    // 17:58: five business minutes end tomorrow morning; the member is owed an answer two hours after writing.
    // (The platform's clock runs on from the time set, so the expectations count from receivedAt.)
    await platform.setTime('2026-11-02T17:58:00.000Z');
    const twoHoursAfter = (inquiry: { receivedAt: string }) => new Date(new Date(inquiry.receivedAt).getTime() + 2 * 3600_000).toISOString();
    const memberInquiry = await eventually(async () => {
      const inquiry = await emailFrom(member);
      if (inquiry.firstResponseDueAt !== twoHoursAfter(inquiry)) throw new Error(`terms not applied yet: ${inquiry.firstResponseDueAt}`);
      return inquiry;
    });
    expect(memberInquiry.firstResponseDueAt.startsWith('2026-11-02T19:5')).toBe(true);
    expect((await emailFrom(other)).firstResponseDueAt.startsWith('2026-11-03T08:0')).toBe(true);
  });

  it("masks the contact details customers gave for roles without need, and logs every unmasked read", async () => {
    await platform.setTime(at(0));
    const inquiry = (await agent.data(RECEIVE, { input: { channel: 'EMAIL', category: 'OTHER', subject: 'Hello', message: 'Hi', contact: { name: 'Mei Tanaka', email: 'mei@example.jp', phone: '+81 90 1234 5678' } } })).receiveInquiry;
    const before = (await admin.data(`{ inquiryPersonalDataAccessLog(first: 100) { totalCount } }`)).inquiryPersonalDataAccessLog.totalCount;
    expect(await read(inquiry.id, analyst)).toMatchObject({ contactEmail: 'm***@example.jp', contactPhone: '+*********678' });
    expect((await admin.data(`{ inquiryPersonalDataAccessLog(first: 100) { totalCount } }`)).inquiryPersonalDataAccessLog.totalCount).toBe(before);
    expect(await read(inquiry.id)).toMatchObject({ contactEmail: 'mei@example.jp', contactPhone: '+819012345678' });
    const { inquiryPersonalDataAccessLog } = await admin.data(`{ inquiryPersonalDataAccessLog(first: 1) { edges { node { customerId accessedBy fields } } } }`);
    expect(inquiryPersonalDataAccessLog.edges[0].node).toEqual({ customerId: inquiry.id, accessedBy: 'agent-ana', fields: ['inquiry.contactEmail', 'inquiry.contactPhone'] });
  });
});
