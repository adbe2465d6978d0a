import { randomUUID } from 'node:crypto';
import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const REGISTER_COMPLAINT = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id status customer { id } } }`;
const RECEIVE_INQUIRY = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id status customer { id } } }`;

const complaintFor = (customerId: string) => ({
  customerId,
  channel: 'PHONE',
  category: 'BAGGAGE',
  // LOW: its 24-hour feedback target stays far off while the tests move the clock by hours.
  urgency: 'LOW',
  description: 'My suitcase did not arrive in Lisbon.',
  occurredAt: '2026-11-01T09:30:00Z',
  location: 'LIS',
});
const inquiryFor = (customerId: string) => ({ channel: 'EMAIL', category: 'BAGGAGE', subject: 'Suitcase missing', customerId, message: 'Where is my suitcase?' });

/**
 * A client that creates a customer and at once registers a complaint and an inquiry for them gets
 * both registered, though crm's customer.created may not have reached the complaint and inquiry
 * services yet; a customer id that never appears is put before a supervisor after the wait.
 */
describe('work for a customer crm created a moment ago, through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ CUSTOMER_REFERENCE_WAIT_MINUTES: '30' });
    agent = platform.as('agent', 'agent-ana');
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const registered: { complaintId: string; inquiryId: string }[] = [];
  const escalation = (id: string) => platform.as('supervisor', 'sup-sue').data(`query($id: ID!) { complaint(id: $id) { escalatedToRole } }`, { id });
  const priority = (id: string) => platform.as('supervisor', 'sup-sue').data(`query($id: ID!) { inquiry(id: $id) { priority } }`, { id });

  it('registers a complaint and an inquiry right after creating the customer', async () => {
    for (let round = 0; round < 3; round++) {
      const { createCustomer: customer } = await agent.data(CREATE_CUSTOMER, { input: { fullName: `Rui Costa ${round}`, email: `rui.costa.${round}@example.pt` } });
      // No waiting for crm's event: both at once, the moment the customer exists.
      const [complaint, inquiry] = await Promise.all([agent.request(REGISTER_COMPLAINT, { input: complaintFor(customer.id) }), agent.request(RECEIVE_INQUIRY, { input: inquiryFor(customer.id) })]);
      expect(complaint.errors).toBeUndefined();
      expect(complaint.data?.registerComplaint).toMatchObject({ status: 'REGISTERED', customer: { id: customer.id } });
      expect(inquiry.errors).toBeUndefined();
      expect(inquiry.data?.receiveInquiry).toMatchObject({ customer: { id: customer.id } });
      registered.push({ complaintId: complaint.data?.registerComplaint.id, inquiryId: inquiry.data?.receiveInquiry.id });
    }
    // The inquiry service links an inquiry only to a customer it has learned: crm's event has arrived.
    const last = registered[registered.length - 1];
    const { receiveInquiry: probe } = await agent.data(RECEIVE_INQUIRY, { input: { channel: 'EMAIL', category: 'OTHER', subject: 'Probe', message: 'Hello', contact: { name: 'Rui' } } });
    const customerId = (await agent.data(`query($id: ID!) { inquiry(id: $id) { customer { id } } }`, { id: last.inquiryId })).inquiry.customer.id;
    await eventually(() => agent.data(`mutation($input: LinkInquiryCustomerInput!) { linkInquiryCustomer(input: $input) { id } }`, { input: { inquiryId: probe.id, customerId } }));
  });

  it('puts a complaint for a customer that never appears before a supervisor, and raises such an inquiry to URGENT, after the wait; arrived customers are left alone', async () => {
    const stranger = randomUUID();
    const start = Date.now() + 60 * 60_000;
    await platform.setTime(new Date(start));
    const { registerComplaint: complaint } = await agent.data(REGISTER_COMPLAINT, { input: complaintFor(stranger) });
    const { receiveInquiry: inquiry } = await agent.data(RECEIVE_INQUIRY, { input: inquiryFor(stranger) });

    await platform.setTime(new Date(start + 29 * 60_000));
    for (const service of ['complaint', 'inquiry']) await platform.runJob(service, 'customer-reference-check');
    expect((await escalation(complaint.id)).complaint.escalatedToRole).toBeNull();
    expect((await priority(inquiry.id)).inquiry.priority).toBe('NORMAL');

    await platform.setTime(new Date(start + 31 * 60_000));
    expect((await platform.runJob('complaint', 'customer-reference-check')).ran).toBe(true);
    expect((await platform.runJob('inquiry', 'customer-reference-check')).ran).toBe(true);
    expect((await escalation(complaint.id)).complaint.escalatedToRole).toBe('supervisor');
    expect((await priority(inquiry.id)).inquiry.priority).toBe('URGENT');
    // The customers crm announced are not flagged, however long ago their cases were registered.
    for (const { complaintId, inquiryId } of registered) {
      const { complaint: earlier } = await platform.as('supervisor', 'sup-sue').data(`query($id: ID!) { complaint(id: $id) { escalatedToRole history { edges { node { action reason } } } } }`, { id: complaintId });
      expect({ escalatedToRole: earlier.escalatedToRole, history: earlier.history.edges.map((e: any) => e.node.action) }).toEqual({ escalatedToRole: null, history: ['REGISTERED'] });
      expect((await priority(inquiryId)).inquiry.priority).toBe('NORMAL');
    }
  });
});
