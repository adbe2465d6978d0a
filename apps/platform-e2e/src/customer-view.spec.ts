import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

const MY_CASES = `query { myCases { id kind reference status deadlineKind deadlineAt timeline { kind handledBy } } }`;
const MY_CASE = `query($id: ID!) { myCase(id: $id) { id kind reference status } }`;
const CASE_STATUS = `query($link: String!) { caseStatus(link: $link) { id kind reference status deadlineKind deadlineAt timeline { kind handledBy } } }`;
const STATUS_LINK = `query($id: ID!) { caseStatusLink(caseId: $id) { link expiresAt } }`;
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id registrationNumber feedbackDueAt } }`;

/**
 * The customer's own view through the gateway: a customer token reads its own complaint's
 * status and nothing else; a status link reads one case without an account; a forged or expired
 * link is refused with a typed error. The view is fed by complaint's events alone.
 */
describe("the customer's own view, seen through the gateway", () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    await platform.setTime('2026-11-20T09:00:00.000Z');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function complaintOf(fullName: string) {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName, email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.com` },
    });
    const complaint = await eventually(async () =>
      (
        await agent.data(REGISTER, {
          input: { customerId: createCustomer.id, channel: 'PHONE', category: 'BAGGAGE', urgency: 'MEDIUM', description: `${fullName}: my suitcase did not arrive in Frankfurt.`, occurredAt: '2026-11-19T18:00:00.000Z' },
        })
      ).registerComplaint,
    );
    return { customerId: createCustomer.id as string, complaint };
  }

  it('shows a customer token its own complaint and nothing else; a status link reads one case; forged and expired links are refused', async () => {
    const lucia = await complaintOf('Lucía Fernández');
    const kwame = await complaintOf('Kwame Mensah');
    const customerApp = platform.as('customer', lucia.customerId);

    // complaint.registered reaches communication; the customer sees the number, the status and the deadline.
    const [mine] = await eventually(async () => {
      const { myCases } = await customerApp.data(MY_CASES);
      if (!myCases.length) throw new Error('no case yet');
      return myCases;
    });
    expect(mine).toMatchObject({ id: lucia.complaint.id, kind: 'COMPLAINT', reference: lucia.complaint.registrationNumber, deadlineKind: 'FEEDBACK', deadlineAt: lucia.complaint.feedbackDueAt });
    expect(['RECEIVED', 'IN_PROGRESS']).toContain(mine.status);
    const text = JSON.stringify(await customerApp.data(MY_CASES));
    for (const hidden of ['suitcase', 'agent-ana', kwame.complaint.id, kwame.complaint.registrationNumber]) expect(text).not.toContain(hidden);

    // Another customer's complaint is not found; staff operations are refused before any subgraph.
    const snooping = await customerApp.request(MY_CASE, { id: kwame.complaint.id });
    expect(snooping.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(snooping.data?.myCase ?? null).toBeNull();
    const staffOnly = await customerApp.request(`query($id: ID!) { complaint(id: $id) { description } }`, { id: lucia.complaint.id });
    expect(staffOnly).toMatchObject({ status: 403, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect((await customerApp.request(`query($id: ID!) { customer(id: $id) { fullName } }`, { id: kwame.customerId })).status).toBe(403);
    expect((await customerApp.request(STATUS_LINK, { id: kwame.complaint.id })).status).toBe(403);
    // Without a token nobody's cases are read.
    expect((await platform.anonymous().request(MY_CASES)).status).toBe(401);

    // A status link, made by staff for a message, gives the same read without an account.
    const { caseStatusLink } = await agent.data(STATUS_LINK, { id: kwame.complaint.id });
    const visitor = platform.anonymous();
    const { caseStatus } = await visitor.data(CASE_STATUS, { link: caseStatusLink.link });
    expect(caseStatus).toMatchObject({ id: kwame.complaint.id, kind: 'COMPLAINT', reference: kwame.complaint.registrationNumber, deadlineKind: 'FEEDBACK' });
    expect(JSON.stringify(caseStatus)).not.toContain('suitcase');

    const forged = await visitor.request(CASE_STATUS, { link: `${caseStatusLink.link.slice(0, -3)}abc` });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link', problems: [expect.objectContaining({ rule: 'signature' })] });
    expect(forged.data?.caseStatus ?? null).toBeNull();

    await platform.setTime(caseStatusLink.expiresAt);
    const expired = await visitor.request(CASE_STATUS, { link: caseStatusLink.link });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link', problems: [expect.objectContaining({ rule: 'expired' })] });
  });
});
