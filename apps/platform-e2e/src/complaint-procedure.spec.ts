import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const COMPLAINT_FIELDS = `id registrationNumber status version createdAt category urgency rootCause assigneeId assigneeName department
  feedbackDueAt feedbackGivenAt waitingOnCustomer pausedSeconds breached escalatedAt escalatedToRole reopenedCount allowedNextStatuses
  bookingReference attachments { name contentType url } peopleInvolved { kind name }
  deadlines { kind dueAt metAt breachedAt state }
  compensation { id kind amount currency quantity approval decidedBy grantedAt }
  feedback { channel sentTo actionsTaken nextSteps withinDeadline }
  closures { satisfactionScore satisfactionComment withoutSatisfactionReason }
  customer { id fullName }
  inquiry { id }`;
const HISTORY = `history(first: 100) { totalCount edges { node { action actorId fromStatus toStatus reason changes { field from to } } } }`;

const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${COMPLAINT_FIELDS} } }`;
const REGISTER = mutation('registerComplaint', 'RegisterComplaintInput');
const CLASSIFY = mutation('classifyComplaint', 'ClassifyComplaintInput');
const ASSIGN = mutation('assignComplaint', 'AssignComplaintInput');
const START = mutation('startComplaintWork', 'StartComplaintWorkInput');
const WAIT = mutation('setComplaintWaiting', 'SetComplaintWaitingInput');
const FEEDBACK = mutation('giveComplaintFeedback', 'GiveComplaintFeedbackInput');
const PLAN = mutation('planComplaintResolution', 'PlanComplaintResolutionInput');
const RESOLVE = mutation('resolveComplaint', 'ResolveComplaintInput');
const CLOSE = mutation('closeComplaint', 'CloseComplaintInput');
const REOPEN = mutation('reopenComplaint', 'ReopenComplaintInput');
const DECIDE = `mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) { id approval decidedBy decisionNote } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS} ${HISTORY} } }`;

/** Every service's clock starts here; times below are offsets from it. */
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
/** Services' clocks run on from the time set, so times are compared to within a minute. */
const near = (actual: string, expected: string) => expect(Math.abs(Date.parse(actual) - Date.parse(expected))).toBeLessThan(60_000);
const after = (time: string, hours: number) => new Date(Date.parse(time) + hours * HOUR).toISOString();

describe('the complaint procedure through the gateway (A-3.2, T-3, T-1.5)', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let otherSpecialist: GraphQLClient;
  let supervisor: GraphQLClient;
  let analyst: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ COMPLAINT_DOT_RULE: 'true', COMPLAINT_APPROVAL_THRESHOLD: '200.00', COMPLAINT_APPROVAL_CURRENCY: 'EUR' });
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    otherSpecialist = platform.as('complaint_specialist', 'spec-kim');
    supervisor = platform.as('supervisor', 'sup-sue');
    analyst = platform.as('analyst', 'analyst-ali');
    admin = platform.as('admin', 'admin-ada');
    await platform.setTime(at(0));
    const roster = `mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId active } }`;
    await supervisor.data(roster, { input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' } });
    await supervisor.data(roster, { input: { userId: 'spec-kim', name: 'Kim Specialist', department: 'Customer Relations' } });
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

  function complaintInput(customerId: string, overrides: Record<string, unknown> = {}) {
    return {
      customerId,
      channel: 'PHONE',
      category: 'BAGGAGE',
      urgency: 'MEDIUM',
      description: 'My suitcase did not arrive in Frankfurt.',
      occurredAt: at(-20),
      location: 'FRA',
      peopleInvolved: [{ kind: 'FLIGHT', name: 'LH 721' }],
      bookingReference: 'X7K2PQ',
      attachments: [{ name: 'tag.jpg', contentType: 'image/jpeg', url: 'https://files.example.com/tag.jpg' }],
      ...overrides,
    };
  }

  /** Registers once crm's customer.created has reached the complaint service. */
  async function register(customerId: string, overrides: Record<string, unknown> = {}) {
    return eventually(async () => (await agent.data(REGISTER, { input: complaintInput(customerId, overrides) })).registerComplaint);
  }

  const read = async (client: GraphQLClient, id: string) => (await client.data(COMPLAINT, { id })).complaint;

  it('runs the whole procedure: register, classify, assign, wait, feedback, approved compensation, resolve, close with satisfaction, reopen', async () => {
    await platform.setTime(at(0));
    const customerId = await customer('Li Wei');
    const registered = await register(customerId);
    near(registered.createdAt, at(0));
    expect(registered).toMatchObject({
      status: 'REGISTERED',
      feedbackDueAt: after(registered.createdAt, 24),
      bookingReference: 'X7K2PQ',
      attachments: [{ name: 'tag.jpg', contentType: 'image/jpeg', url: 'https://files.example.com/tag.jpg' }],
      customer: { id: customerId, fullName: 'Li Wei' },
      inquiry: null,
      allowedNextStatuses: ['ASSIGNED'],
    });
    // With the US DOT rule on, acknowledgment and response deadlines are tracked too.
    expect(registered.deadlines.map((d: any) => [d.kind, d.dueAt, d.state])).toEqual([
      ['FEEDBACK', after(registered.createdAt, 24), 'ON_TRACK'],
      ['DOT_ACKNOWLEDGMENT', after(registered.createdAt, 30 * 24), 'ON_TRACK'],
      ['DOT_RESPONSE', after(registered.createdAt, 60 * 24), 'ON_TRACK'],
    ]);
    const id = registered.id;

    const classified = (await specialist.data(CLASSIFY, { input: { complaintId: id, urgency: 'HIGH', expectedVersion: registered.version } })).classifyComplaint;
    expect(classified).toMatchObject({ urgency: 'HIGH', feedbackDueAt: after(registered.createdAt, 12) });
    const assigned = (await specialist.data(ASSIGN, { input: { complaintId: id } })).assignComplaint;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', department: 'Customer Relations' });
    expect(['spec-sam', 'spec-kim']).toContain(assigned.assigneeId);
    await specialist.data(START, { input: { complaintId: id } });

    await platform.setTime(at(2));
    await specialist.data(WAIT, { input: { complaintId: id, waiting: true, note: 'Asked for the tag number' } });
    await platform.setTime(at(8));
    const resumed = (await specialist.data(WAIT, { input: { complaintId: id, waiting: false } })).setComplaintWaiting;
    expect(resumed.waitingOnCustomer).toBe(false);
    expect(Math.abs(resumed.pausedSeconds - 6 * 3600)).toBeLessThan(60);
    near(resumed.feedbackDueAt, at(18));

    const planned = (
      await specialist.data(PLAN, {
        input: {
          complaintId: id,
          explanation: 'The bag went to Munich by mistake; it is on its way to you.',
          rootCause: 'OPERATIONS',
          compensation: [
            { kind: 'MILES', quantity: 3000, reason: 'For the inconvenience' },
            { kind: 'REFUND', amount: '250.00', currency: 'EUR', reason: 'Clothes bought while waiting' },
          ],
        },
      })
    ).planComplaintResolution;
    expect(planned.compensation.map((c: any) => [c.kind, c.approval])).toEqual([
      ['MILES', 'NOT_REQUIRED'],
      ['REFUND', 'PENDING'],
    ]);

    await platform.setTime(at(10));
    const fed = (
      await specialist.data(FEEDBACK, {
        input: { complaintId: id, channel: 'EMAIL', sentTo: 'li.wei@example.com', actionsTaken: 'Found the bag in Munich.', nextSteps: 'Courier delivers tomorrow.' },
      })
    ).giveComplaintFeedback;
    expect(fed).toMatchObject({ status: 'FEEDBACK_GIVEN', feedback: [{ withinDeadline: true, sentTo: 'li.wei@example.com' }] });
    near(fed.feedbackGivenAt, at(10));
    expect(fed.deadlines.map((d: any) => d.state)).toEqual(['MET', 'MET', 'ON_TRACK']);

    const blocked = await specialist.request(RESOLVE, { input: { complaintId: id } });
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'FEEDBACK_GIVEN' });
    const refund = planned.compensation[1].id;
    expect((await specialist.request(DECIDE, { input: { itemId: refund, approve: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const decided = (await supervisor.data(DECIDE, { input: { itemId: refund, approve: true, note: 'Receipts seen' } })).decideCompensation;
    expect(decided).toMatchObject({ approval: 'APPROVED', decidedBy: 'sup-sue' });

    const resolved = (await specialist.data(RESOLVE, { input: { complaintId: id } })).resolveComplaint;
    expect(resolved).toMatchObject({ status: 'RESOLVED', rootCause: 'OPERATIONS', allowedNextStatuses: ['CLOSED', 'REOPENED'] });
    expect(resolved.compensation.every((c: any) => c.grantedAt)).toBe(true);
    const closed = (await specialist.data(CLOSE, { input: { complaintId: id, satisfactionScore: 4, satisfactionComment: 'Good in the end.' } })).closeComplaint;
    expect(closed).toMatchObject({ status: 'CLOSED', closures: [{ satisfactionScore: 4, satisfactionComment: 'Good in the end.', withoutSatisfactionReason: null }] });

    await platform.setTime(at(48));
    const reopened = (await specialist.data(REOPEN, { input: { complaintId: id, reason: 'The bag arrived damaged.' } })).reopenComplaint;
    expect(reopened).toMatchObject({ status: 'REOPENED', reopenedCount: 1, allowedNextStatuses: ['IN_PROGRESS'] });
    near(reopened.feedbackDueAt, at(60));

    const full = await read(specialist, id);
    expect(full.history.edges.map((e: any) => e.node.action)).toEqual([
      'REGISTERED',
      'CLASSIFIED',
      'ASSIGNED',
      'WORK_STARTED',
      'WAITING_ON_CUSTOMER',
      'WAIT_ENDED',
      'RESOLUTION_PLANNED',
      'FEEDBACK_GIVEN',
      'COMPENSATION_APPROVED',
      'RESOLVED',
      'CLOSED',
      'REOPENED',
    ]);
    expect(full.history.edges[0].node).toMatchObject({ actorId: 'agent-ana', toStatus: 'REGISTERED' });
    expect(full.history.edges.at(-1).node).toMatchObject({ actorId: 'spec-sam', fromStatus: 'CLOSED', toStatus: 'REOPENED', reason: 'The bag arrived damaged.' });
    expect(full.closures).toHaveLength(1);

    // Analysts read the procedure, not the customer's contact details or words (PersonalText).
    const seenByAnalyst = await read(analyst, id);
    expect(seenByAnalyst.feedback[0].sentTo).toBe('l***@example.com');
    expect(seenByAnalyst.history.totalCount).toBe(12);

    // crm learned of the complaint from complaint.registered; the customer lists it through federation.
    const { customer: profile } = await agent.data(`query($id: ID!) { customer(id: $id) { complaints { totalCount edges { node { id status } } } } }`, { id: customerId });
    expect(profile.complaints.edges).toEqual([{ node: { id, status: 'REOPENED' } }]);
    await eventually(async () => {
      const data = await agent.data(`query($id: ID!) { customer(id: $id) { interactions { edges { node { referenceNumber } } } } }`, { id: customerId });
      expect(data.customer.interactions.edges.map((e: any) => e.node.referenceNumber)).toContain(registered.registrationNumber);
    });
    // The granted miles are on crm's miles ledger, once; the points balance is untouched.
    await eventually(async () => {
      const data = await agent.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance milesBalance milesLedger { miles source sourceReference } } }`, { id: customerId });
      expect(data.customer).toEqual({ loyaltyBalance: 0, milesBalance: 3000, milesLedger: [{ miles: 3000, source: 'COMPLAINT_COMPENSATION', sourceReference: id }] });
    });
  });

  it('answers every step the status does not allow with CONFLICT naming the status and what may follow', async () => {
    const customerId = await customer('Aiko Tanaka');
    const complaint = await register(customerId);
    const input = { complaintId: complaint.id };
    const attempts: [string, Record<string, unknown>][] = [
      [START, input],
      [FEEDBACK, { ...input, channel: 'PHONE', actionsTaken: 'x', nextSteps: 'y' }],
      [RESOLVE, input],
      [CLOSE, { ...input, satisfactionScore: 5 }],
      [REOPEN, { ...input, reason: 'again' }],
      [WAIT, { ...input, waiting: true }],
    ];
    for (const [query, variables] of attempts) {
      const result = await specialist.request(query, { input: variables });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'REGISTERED', allowedNext: ['ASSIGNED'] });
    }
    const after = await read(specialist, complaint.id);
    expect(after).toMatchObject({ status: 'REGISTERED', version: complaint.version });
    expect(after.history.totalCount).toBe(1);
  });

  it('lets only one of two specialists acting at once win', async () => {
    const customerId = await customer('Hans Becker');
    const complaint = await register(customerId);
    await specialist.data(ASSIGN, { input: { complaintId: complaint.id, assigneeId: 'spec-sam' } });
    const results = await Promise.all([
      specialist.request(START, { input: { complaintId: complaint.id } }),
      otherSpecialist.request(START, { input: { complaintId: complaint.id } }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'IN_PROGRESS' });
    const stale = await specialist.request(CLASSIFY, { input: { complaintId: complaint.id, urgency: 'LOW', expectedVersion: complaint.version } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'IN_PROGRESS' });
  });

  it('keeps each role to its duties', async () => {
    const customerId = await customer('Olga Nowak');
    const complaint = await register(customerId);
    expect((await analyst.request(REGISTER, { input: complaintInput(customerId) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await agent.request(CLASSIFY, { input: { complaintId: complaint.id, urgency: 'LOW' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await analyst.request(ASSIGN, { input: { complaintId: complaint.id } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const policy = `mutation($input: SetComplaintDeadlinePolicyInput!) { setComplaintDeadlinePolicy(input: $input) { urgency feedbackTargetHours usesDefault } }`;
    expect((await supervisor.request(policy, { input: { urgency: 'LOW', feedbackTargetHours: 48 } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.data(policy, { input: { urgency: 'LOW', feedbackTargetHours: 48 } })).setComplaintDeadlinePolicy).toEqual({ urgency: 'LOW', feedbackTargetHours: 48, usesDefault: false });
    const { complaintDeadlinePolicies } = await analyst.data(`{ complaintDeadlinePolicies { urgency feedbackTargetHours } }`);
    expect(complaintDeadlinePolicies).toEqual([
      { urgency: 'CRITICAL', feedbackTargetHours: 4 },
      { urgency: 'HIGH', feedbackTargetHours: 12 },
      { urgency: 'MEDIUM', feedbackTargetHours: 24 },
      { urgency: 'LOW', feedbackTargetHours: 48 },
    ]);
    await admin.data(policy, { input: { urgency: 'LOW', feedbackTargetHours: null } });
  });

  it('refuses bad input with typed errors naming the field, and writes nothing', async () => {
    const customerId = await customer('Carlos Mendoza');
    const complaint = await register(customerId);
    const badEnum = await agent.request(REGISTER, { input: complaintInput(customerId, { urgency: 'SOMEDAY' }) });
    expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEnum.errors?.[0].message).toContain('urgency');
    const empty = await agent.request(REGISTER, { input: complaintInput(customerId, { description: '   ' }) });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });

    await specialist.data(ASSIGN, { input: { complaintId: complaint.id, assigneeId: 'spec-sam' } });
    const started = (await specialist.data(START, { input: { complaintId: complaint.id } })).startComplaintWork;
    const plan = (item: Record<string, unknown>) =>
      specialist.request(PLAN, { input: { complaintId: complaint.id, explanation: 'Sorry.', compensation: [{ reason: 'Delay', ...item }] } });
    expect((await plan({ kind: 'REFUND', amount: '-20.00', currency: 'EUR' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.compensation.0.amount' });
    expect((await plan({ kind: 'REFUND', amount: '20.00', currency: 'EURO' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.compensation.0.currency' });
    expect((await plan({ kind: 'VOUCHER', amount: '20.00', currency: 'QQQ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.compensation.0.currency' });
    expect((await plan({ kind: 'GIFT', quantity: 2 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await read(specialist, complaint.id);
    expect(after).toMatchObject({ version: started.version, compensation: [] });
    expect(after.history.totalCount).toBe(3);
    const { complaints } = await analyst.data(`query($c: ID) { complaints(filter: { customerId: $c }) { totalCount } }`, { c: customerId });
    expect(complaints.totalCount).toBe(1);
  });

  it('finds complaints past their deadline once and only once, escalates them, and lists them by filter', async () => {
    await platform.setTime(at(100));
    const customerId = await customer('Sophie Martin');
    const complaint = await register(customerId, { urgency: 'CRITICAL', description: 'Wheelchair assistance never came at the gate.' });
    expect(complaint.feedbackDueAt).toBe(after(complaint.createdAt, 4));
    await specialist.data(ASSIGN, { input: { complaintId: complaint.id, assigneeId: 'spec-kim' } });

    await platform.setTime(at(103.5));
    expect((await platform.runJob('complaint', 'sla-monitor')).ran).toBe(true);
    expect((await read(specialist, complaint.id)).deadlines[0].state).toBe('AT_RISK');
    const list = async (filter: Record<string, unknown>) =>
      (await supervisor.data(`query($f: ComplaintFilter) { complaints(filter: $f, first: 100) { edges { node { id } } } }`, { f: filter })).complaints.edges.map((e: any) => e.node.id);
    expect(await list({ atRisk: true, customerId })).toEqual([complaint.id]);

    await platform.setTime(at(105));
    const first = await platform.runJob('complaint', 'sla-monitor');
    expect(first.result.breached).toBeGreaterThanOrEqual(1);
    expect((await platform.runJob('complaint', 'sla-monitor')).result).toEqual({ breached: 0 });
    const breached = await read(supervisor, complaint.id);
    expect(breached).toMatchObject({ breached: true, escalatedToRole: 'supervisor' });
    near(breached.escalatedAt, at(105));
    expect(breached.deadlines[0]).toMatchObject({ kind: 'FEEDBACK', state: 'BREACHED', breachedAt: breached.escalatedAt });
    expect(breached.history.edges.filter((e: any) => e.node.action === 'DEADLINE_BREACHED')).toHaveLength(1);
    expect(await list({ breached: true, escalated: true, text: 'wheelchair gate' })).toEqual([complaint.id]);
    expect(await list({ assigneeId: 'spec-kim', status: ['ASSIGNED'], breached: true })).toContain(complaint.id);
  });
});
