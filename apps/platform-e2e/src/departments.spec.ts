import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

/**
 * The departments working together through events only (T-1.7): an inquiry escalated by an agent
 * becomes a complaint; the complaint's compensation reaches the customer's loyalty account and
 * coupons in crm; closing it schedules crm's follow-up call; everything shows in the customer's
 * history.
 */
describe('services coordinating through events, seen through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let manager: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    manager = platform.as('crm_manager', 'manager-max');
    await platform.as('supervisor', 'sup-sue').data(`mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId } }`, {
      input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('turns an escalated inquiry into exactly one complaint, whose compensation and closing reach crm', async () => {
    const { createCustomer: customer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: 'Priya Sharma', email: 'priya.sharma@example.in', phone: '+91 98765 43210' },
    });

    // An agent takes the call; the customer is known to the inquiry service once crm's event arrived.
    const { receiveInquiry: inquiry } = await eventually(() =>
      agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, {
        input: {
          channel: 'EMAIL',
          category: 'BAGGAGE',
          subject: 'Suitcase missing after DEL–FRA',
          customerId: customer.id,
          message: 'My suitcase did not arrive in Frankfurt and nobody answers at the airport.',
        },
      }),
    );
    await agent.data(`mutation($input: EscalateInquiryToComplaintInput!) { escalateInquiryToComplaint(input: $input) { id status } }`, {
      input: { inquiryId: inquiry.id, category: 'BAGGAGE', urgency: 'HIGH', description: 'Suitcase missing for three days after DEL–FRA.' },
    });

    // The complaint service registers it from inquiry.escalated; the inquiry shows it through federation.
    const complaintId = await eventually(async () => {
      const { inquiry: current } = await agent.data(`query($id: ID!) { inquiry(id: $id) { complaint { id registrationNumber status } } }`, { id: inquiry.id });
      if (!current.complaint) throw new Error('no complaint yet');
      return current.complaint.id as string;
    });
    const { customer: withComplaints } = await agent.data(`query($id: ID!) { customer(id: $id) { complaints { totalCount } } }`, { id: customer.id });
    expect(withComplaints.complaints.totalCount).toBe(1);

    const step = (mutation: string, input: Record<string, unknown>) =>
      specialist.data(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { status } }`, { input: { complaintId, ...input } });
    await step('assignComplaint', {});
    await step('startComplaintWork', {});
    await step('planComplaintResolution', {
      explanation: 'The bag was left in Delhi; it arrives tomorrow.',
      rootCause: 'OPERATIONS',
      compensation: [
        { kind: 'LOYALTY_POINTS', quantity: 500, reason: 'For the days without luggage' },
        { kind: 'VOUCHER', amount: '50.00', currency: 'EUR', reason: 'Towards the next trip' },
      ],
    });
    await step('giveComplaintFeedback', { channel: 'EMAIL', sentTo: 'priya.sharma@example.in', actionsTaken: 'Traced the bag to Delhi.', nextSteps: 'Courier delivery tomorrow.' });
    await step('resolveComplaint', {});

    // crm credits the points and issues the voucher from complaint.resolved — once.
    const rewarded = await eventually(async () => {
      const { customer: current } = await manager.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance coupons { valueType value currency } } }`, { id: customer.id });
      if (current.loyaltyBalance !== 500 || current.coupons.length !== 1) throw new Error(`not yet: ${JSON.stringify(current)}`);
      return current;
    });
    expect(rewarded.coupons[0]).toEqual({ valueType: 'AMOUNT', value: '50.00', currency: 'EUR' });

    await step('closeComplaint', { satisfactionScore: 5, satisfactionComment: 'Thank you for the quick help.' });

    // crm schedules a follow-up call from complaint.closed.
    const followUp = await eventually(async () => {
      const { customer: current } = await manager.data(`query($id: ID!) { customer(id: $id) { followUps { edges { node { reason complaintId status } } } } }`, { id: customer.id });
      const found = current.followUps.edges.find((e: any) => e.node.complaintId === complaintId);
      if (!found) throw new Error('no follow-up yet');
      return found.node;
    });
    expect(followUp).toMatchObject({ reason: 'COMPLAINT_CLOSED', status: 'SCHEDULED' });

    // Everything is in the customer's history, newest first, in crm's words (no customer quotes).
    const history = await eventually(async () => {
      const { customer: current } = await manager.data(`query($id: ID!) { customer(id: $id) { interactions(first: 50) { edges { node { kind summary } } } } }`, { id: customer.id });
      const kinds = new Set(current.interactions.edges.map((e: any) => e.node.kind));
      if (!kinds.has('INQUIRY') || !kinds.has('COMPLAINT') || !kinds.has('LOYALTY') || !kinds.has('FOLLOW_UP')) throw new Error(`not yet: ${[...kinds].join(',')}`);
      return current.interactions.edges.map((e: any) => e.node.summary).join('\n');
    });
    expect(history).not.toContain('suitcase did not arrive');
    expect((await manager.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance } }`, { id: customer.id })).customer.loyaltyBalance).toBe(500);
  });
});
