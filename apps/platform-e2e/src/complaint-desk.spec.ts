import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
/** The first bytes of a PNG: the complaint service recognises files by their content. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(512, 3)]);

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id version status location flightNumber bookingReference } }`;
const UPDATE = `mutation($input: UpdateComplaintInput!) { updateComplaint(input: $input) {
  id version occurredAt location flightNumber bookingReference peopleInvolved { kind name } } }`;
const NOTE = `mutation($input: AddComplaintNoteInput!) { addComplaintNote(input: $input) { id body authorId writtenAt } }`;
const UPLOAD = `mutation($input: RequestComplaintAttachmentUploadInput!) { requestComplaintAttachmentUpload(input: $input) { uploadUrl expiresAt maxBytes attachment { id } } }`;
const FILE = `query($id: ID!) { complaint(id: $id) {
  notes { body authorId authorName }
  files { id name contentType size downloadUrl }
  feedback { sentTo }
  history(first: 20) { edges { node { action actorId changes { field from to } } } } } }`;

/** The desk's daily additions to a complaint file, through the gateway: details, notes, files, masking, settings. */
describe('the complaint desk through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let analyst: GraphQLClient;
  let admin: GraphQLClient;
  let supervisor: GraphQLClient;
  let afterSales: GraphQLClient;
  const gateway = () => platform.gatewayUrl.replace(/\/graphql$/, '');

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ COMPLAINT_FILE_MAX_BYTES: '4096' });
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    analyst = platform.as('analyst', 'analyst-ali');
    admin = platform.as('admin', 'admin-ada');
    supervisor = platform.as('supervisor', 'sup-sue');
    afterSales = platform.as('after_sales', 'as-alex');
    await platform.setTime(at(0));
    await supervisor.data(`mutation { setComplaintHandler(input: { userId: "spec-sam", name: "Sam Specialist", department: "Baggage" }) { userId } }`);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  async function customer(fullName: string): Promise<string> {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { fullName, email: 'li.wei@example.com' } });
    return createCustomer.id;
  }
  const complaintInput = (customerId: string, overrides: Record<string, unknown> = {}) => ({
    customerId, channel: 'PHONE', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My bag did not arrive.', occurredAt: at(-20), ...overrides,
  });
  async function complaintOf(fullName: string, overrides: Record<string, unknown> = {}, by = agent) {
    const customerId = await customer(fullName);
    return eventually(async () => (await by.data(REGISTER, { input: complaintInput(customerId, overrides) })).registerComplaint);
  }
  const step = (name: string, type: string) => (client: GraphQLClient, input: Record<string, unknown>) =>
    client.data(`mutation($input: ${type}!) { ${name}(input: $input) { id status version } }`, { input }).then((data) => data[name]);
  const assign = step('assignComplaint', 'AssignComplaintInput');
  const start = step('startComplaintWork', 'StartComplaintWorkInput');
  const feedback = step('giveComplaintFeedback', 'GiveComplaintFeedbackInput');
  const plan = step('planComplaintResolution', 'PlanComplaintResolutionInput');
  const resolve = step('resolveComplaint', 'ResolveComplaintInput');
  const close = step('closeComplaint', 'CloseComplaintInput');

  it('completes the file after registration, keeps internal notes for staff only, and takes a photo as a real file', async () => {
    const complaint = await complaintOf('Li Wei');
    expect(complaint).toMatchObject({ status: 'REGISTERED', location: null, flightNumber: null });

    // The customer calls back with what they did not know at first.
    const updated = (
      await agent.data(UPDATE, {
        input: { complaintId: complaint.id, expectedVersion: complaint.version, location: 'FRA, belt 12', flightNumber: 'lh 721', bookingReference: 'x7k2pq', peopleInvolved: [{ kind: 'STAFF', name: 'Lost & found FRA' }] },
      })
    ).updateComplaint;
    expect(updated).toMatchObject({ version: complaint.version + 1, location: 'FRA, belt 12', flightNumber: 'LH721', bookingReference: 'X7K2PQ', peopleInvolved: [{ kind: 'STAFF', name: 'Lost & found FRA' }] });
    const refused = await agent.request(UPDATE, { input: { complaintId: complaint.id, flightNumber: 'nonsense' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.flightNumber' });

    const note = (await specialist.data(NOTE, { input: { complaintId: complaint.id, body: 'Station FRA says the bag is in MUC.' } })).addComplaintNote;
    expect(note).toMatchObject({ body: 'Station FRA says the bag is in MUC.', authorId: 'spec-sam' });

    const grant = (await agent.data(UPLOAD, { input: { complaintId: complaint.id, name: 'bag-tag.jpg' } })).requestComplaintAttachmentUpload;
    expect(grant.maxBytes).toBe(4096);
    // The upload link is the grant: no bearer token needed, as from a customer's phone browser.
    const put = await fetch(gateway() + grant.uploadUrl, { method: 'PUT', body: PNG, headers: { 'content-type': 'application/octet-stream' } });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const again = await fetch(gateway() + grant.uploadUrl, { method: 'PUT', body: PNG });
    expect(again.status).toBe(409);
    const disguised = (await agent.data(UPLOAD, { input: { complaintId: complaint.id, name: 'photo.jpg' } })).requestComplaintAttachmentUpload;
    const exe = await fetch(gateway() + disguised.uploadUrl, { method: 'PUT', body: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) });
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as any).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });

    const file = (await specialist.data(FILE, { id: complaint.id })).complaint;
    expect(file.notes).toEqual([{ body: 'Station FRA says the bag is in MUC.', authorId: 'spec-sam', authorName: 'Test complaint_specialist' }]);
    expect(file.files).toEqual([expect.objectContaining({ name: 'bag-tag.jpg', contentType: 'image/png', size: PNG.length })]);
    const download = await fetch(gateway() + file.files[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), PNG)).toBe(0);
    const forged = await fetch(gateway() + file.files[0].downloadUrl.replace(/token=v1\.[^.]+/, 'token=v1.00000000-0000-4000-8000-000000000000'));
    expect(forged.status).toBe(400);

    const actions = file.history.edges.map((e: any) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['DETAILS_UPDATED', 'NOTE_ADDED', 'ATTACHMENT_ADDED']));
    // What an erasure must blank is named in the history, never copied into it.
    expect(JSON.stringify(file.history)).not.toContain('belt 12');

    // Analysts see the complaint and its files, never the internal notes.
    const asAnalyst = await analyst.request(FILE, { id: complaint.id });
    expect(asAnalyst.data?.complaint.notes).toBeNull();
    expect(asAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('masks the feedback address for analysts, logs the unmasked read, and refuses a deadline target below a minute as BAD_USER_INPUT', async () => {
    const complaint = await complaintOf('Ana Costa');
    await assign(specialist, { complaintId: complaint.id, assigneeId: 'spec-sam' });
    await start(specialist, { complaintId: complaint.id });
    await feedback(specialist, { complaintId: complaint.id, channel: 'EMAIL', sentTo: 'ana.costa@example.com', actionsTaken: 'Traced the bag.', nextSteps: 'Courier tomorrow.' });
    const masked = (await analyst.data(FILE.replace(/notes \{[^}]*\}/, ''), { id: complaint.id })).complaint.feedback[0].sentTo;
    expect(masked).not.toBe('ana.costa@example.com');
    expect((await specialist.data(FILE, { id: complaint.id })).complaint.feedback[0].sentTo).toBe('ana.costa@example.com');
    const log = await admin.data(`{ complaintPersonalDataAccessLog(first: 10) { edges { node { accessedBy fields purpose } } } }`);
    expect(log.complaintPersonalDataAccessLog.edges.map((e: any) => e.node)).toContainEqual({ accessedBy: 'spec-sam', fields: ['complaint.feedback.sentTo'], purpose: 'READ' });

    const policy = `mutation($input: SetComplaintDeadlinePolicyInput!) { setComplaintDeadlinePolicy(input: $input) { urgency feedbackTargetHours } }`;
    const tooShort = await admin.request(policy, { input: { urgency: 'LOW', feedbackTargetHours: 0.001 } });
    expect(tooShort.status).toBe(200);
    expect(tooShort.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.feedbackTargetHours' });
  });

  it('shows a possible duplicate on registration and merges it, keeping both histories', async () => {
    const customerId = await customer('Kim Park');
    const first = await eventually(async () => (await agent.data(REGISTER, { input: complaintInput(customerId, { bookingReference: 'Q1W2E3' }) })).registerComplaint);
    const again = await agent.data(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id possibleDuplicates { id registrationNumber } } }`, {
      input: complaintInput(customerId, { category: 'FLIGHT_DELAY_CANCELLATION', bookingReference: 'q1w2e3' }),
    });
    expect(again.registerComplaint.possibleDuplicates.map((c: any) => c.id)).toEqual([first.id]);
    const merged = await specialist.data(`mutation($input: MergeComplaintsInput!) { mergeComplaints(input: $input) {
        id mergedComplaints { id status mergedIntoId history { edges { node { action } } } } history { edges { node { action } } } } }`, {
      input: { complaintId: again.registerComplaint.id, intoComplaintId: first.id, reason: 'The same bag.' },
    });
    expect(merged.mergeComplaints.id).toBe(first.id);
    expect(merged.mergeComplaints.mergedComplaints).toMatchObject([{ id: again.registerComplaint.id, status: 'CLOSED', mergedIntoId: first.id }]);
    expect(merged.mergeComplaints.mergedComplaints[0].history.edges.map((e: any) => e.node.action)).toEqual(['REGISTERED', 'MERGED_INTO']);
    expect(merged.mergeComplaints.history.edges.map((e: any) => e.node.action)).toContain('MERGED_FROM');
  });

  it('queues compensation for the supervisor’s approval with counts, and lets the agent on the callback reopen by the rules', async () => {
    const complaint = await complaintOf('Omar Haddad');
    await assign(specialist, { complaintId: complaint.id, assigneeId: 'spec-sam' });
    await start(specialist, { complaintId: complaint.id });
    await plan(specialist, { complaintId: complaint.id, explanation: 'Your bag was delayed.', compensation: [{ kind: 'REFUND', amount: '350.00', currency: 'EUR', reason: 'Clothes' }] });
    const queue = await supervisor.data(`{ compensationApprovalCounts { awaitingMe awaitingAnyone }
      compensationAwaitingMyApproval(first: 10) { totalCount edges { node { id amount complaint { id } } } } }`);
    expect(queue.compensationApprovalCounts).toEqual({ awaitingMe: 1, awaitingAnyone: 1 });
    const [item] = queue.compensationAwaitingMyApproval.edges.map((e: any) => e.node);
    expect(item).toMatchObject({ amount: '350.00', complaint: { id: complaint.id } });
    expect((await specialist.request(`{ compensationApprovalCounts { awaitingMe } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await supervisor.data(`mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) { approval } }`, { input: { itemId: item.id, approve: true } });
    expect((await supervisor.data(`{ compensationApprovalCounts { awaitingMe } }`)).compensationApprovalCounts.awaitingMe).toBe(0);

    await feedback(specialist, { complaintId: complaint.id, channel: 'PHONE', actionsTaken: 'Refund approved.', nextSteps: 'Paid within 5 days.' });
    await resolve(specialist, { complaintId: complaint.id });
    await close(specialist, { complaintId: complaint.id, satisfactionScore: 3 });
    const reopen = `mutation($input: ReopenComplaintInput!) { reopenComplaint(input: $input) { status reopenedCount } }`;
    const noContact = await agent.request(reopen, { input: { complaintId: complaint.id, reason: 'The refund never came.' } });
    expect(noContact.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerContact' });
    const reopened = await agent.data(reopen, { input: { complaintId: complaint.id, reason: 'The refund never came.', customerContact: 'PHONE' } });
    expect(reopened.reopenComplaint).toEqual({ status: 'REOPENED', reopenedCount: 1 });
  });

  it('lets after-sales register a complaint about a problem during the trip, and no other', async () => {
    const hotel = await complaintOf('Eva Novak', { category: 'ACCOMMODATION', description: 'The hotel had no room for us.' }, afterSales);
    expect(hotel.status).toBe('REGISTERED');
    const customerId = await customer('Eva Novak');
    const ticketing = await eventually(async () => {
      const result = await afterSales.request(REGISTER, { input: complaintInput(customerId, { category: 'TICKETING' }) });
      if (result.errors?.[0].extensions?.field === 'input.customerId') throw new Error('customer not known yet');
      return result;
    });
    expect(ticketing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
  });

  it('fills a supervisor’s feedback template in for a complaint', async () => {
    const complaint = await complaintOf('Jan Berg', { flightNumber: 'SK 1470' });
    const template = (
      await supervisor.data(`mutation($input: SetComplaintFeedbackTemplateInput!) { setComplaintFeedbackTemplate(input: $input) { id } }`, {
        input: { name: 'Delayed bag', category: 'BAGGAGE', actionsTaken: 'We traced your bag from flight {flightNumber}.', nextSteps: 'Quote {registrationNumber} when you call.' },
      })
    ).setComplaintFeedbackTemplate;
    const { complaintFeedbackDraft } = await specialist.data(
      `query($complaintId: ID!, $templateId: ID!) { complaintFeedbackDraft(complaintId: $complaintId, templateId: $templateId) { actionsTaken nextSteps unfilled } }`,
      { complaintId: complaint.id, templateId: template.id },
    );
    expect(complaintFeedbackDraft).toEqual({ actionsTaken: 'We traced your bag from flight SK1470.', nextSteps: expect.stringMatching(/^Quote CMP-\d{4}-\d{6} when you call\.$/), unfilled: [] });
  });
});
