import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const T0 = '2026-12-02T09:00:00.000Z';
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`;
const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`;

/** Saved views, custom fields, tags and bulk actions of the complaint and inquiry desks, through the gateway. */
describe('help-desk work through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let supervisor: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    supervisor = platform.as('supervisor', 'sup-sue');
    admin = platform.as('admin', 'admin-ada');
    await platform.setTime(T0);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('defines a complaint field, tags and fills complaints, saves a team view with its count and acts on it in bulk', async () => {
    await admin.data(`mutation { defineComplaintCustomField(input: { key: "claim_eur", label: "Claimed (EUR)", kind: NUMBER, categories: ["BAGGAGE"] }) { key } }`);
    const { createCustomer } = await agent.data(`mutation { createCustomer(input: { fullName: "Li Wei", email: "li.wei@example.com" }) { id } }`);
    const register = (urgency: string) =>
      eventually(async () => (await agent.data(REGISTER, { input: { customerId: createCustomer.id, channel: 'PHONE', category: 'BAGGAGE', urgency, description: 'My bag did not arrive.', occurredAt: T0 } })).registerComplaint.id);
    const [high, low] = [await register('HIGH'), await register('LOW')];

    const wrong = await specialist.request(`mutation($id: ID!) { setComplaintCustomFields(input: { complaintId: $id, values: [{ key: "claim_eur", value: "lots" }] }) { id } }`, { id: high });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.values[0].value' });
    const filled = await specialist.data(`mutation($id: ID!) { setComplaintCustomFields(input: { complaintId: $id, values: [{ key: "claim_eur", value: "450" }] }) { customFields { key value } } }`, { id: high });
    expect(filled.setComplaintCustomFields.customFields).toEqual([{ key: 'claim_eur', value: '450' }]);
    await specialist.data(`mutation($id: ID!) { tagComplaint(input: { complaintId: $id, add: ["Lost-Bag"] }) { tags } }`, { id: high });

    const saved = await supervisor.data(`mutation($customerId: ID!) { saveComplaintView(input: { name: "Open baggage claims over 100 EUR", scope: TEAM, team: "complaint_specialist",
      filter: { customerId: $customerId, category: [BAGGAGE], tag: "lost-bag", customFields: [{ key: "claim_eur", atLeast: "100" }] }, orderBy: FEEDBACK_DUE_AT_ASC }) { id scope } }`, { customerId: createCustomer.id });
    const views = await specialist.data(`{ complaintViews { id name count complaints(first: 5) { edges { node { id tags } } } } }`);
    expect(views.complaintViews).toEqual([
      { id: saved.saveComplaintView.id, name: 'Open baggage claims over 100 EUR', count: 1, complaints: { edges: [{ node: { id: high, tags: ['lost-bag'] } }] } },
    ]);
    const refused = await specialist.request(`mutation { saveComplaintView(input: { name: "For all", scope: TEAM, team: "agent" }) { id } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const bulk = await supervisor.data(`mutation($ids: [ID!]) { bulkComplaintAction(input: { action: SET_URGENCY, urgency: CRITICAL, complaintIds: $ids }) {
      succeededCount failedCount items { itemId outcome errorCode } } }`, { ids: [high, low, '00000000-0000-4000-8000-000000000000'] });
    expect(bulk.bulkComplaintAction).toMatchObject({ succeededCount: 2, failedCount: 1 });
    expect(bulk.bulkComplaintAction.items.map((item: { outcome: string }) => item.outcome)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED']);
    const onView = await supervisor.data(`mutation($viewId: ID!) { bulkComplaintAction(input: { action: CLOSE, reason: "Customer unreachable", viewId: $viewId }) { items { itemId outcome errorCode } } }`, { viewId: saved.saveComplaintView.id });
    // Not yet resolved: the procedure does not allow closing, so the item fails on its own.
    expect(onView.bulkComplaintAction.items).toEqual([{ itemId: high, outcome: 'FAILED', errorCode: 'CONFLICT' }]);
  });

  it('keeps an inquiry view relative ("breaching in the next 10 minutes") and tags its inquiries in bulk', async () => {
    await admin.data(`mutation { defineInquiryCustomField(input: { key: "seat", label: "Seat", kind: TEXT }) { key } }`);
    const chat = await eventually(async () => (await agent.data(RECEIVE, { input: { channel: 'CHAT', category: 'ITINERARY', subject: 'Seat', message: 'Can I change my seat?', contact: { name: 'Mei Tanaka' } } })).receiveInquiry.id);
    await agent.data(`mutation($id: ID!) { setInquiryCustomFields(input: { inquiryId: $id, values: [{ key: "seat", value: "12A" }] }) { id } }`, { id: chat });
    const { saveInquiryView } = await agent.data(`mutation { saveInquiryView(input: { name: "Chats breaching in the next 10 minutes", filter: { channel: [CHAT], dueWithinMinutes: 10, customFields: [{ key: "seat", equals: "12A" }] }, orderBy: DUE_AT_ASC }) { id } }`);
    const { inquiry } = await agent.data(`query($id: ID!) { inquiry(id: $id) { firstResponseDueAt } }`, { id: chat });
    const count = async () => (await agent.data(`{ inquiryViews { count } }`)).inquiryViews[0].count;
    await platform.setTime(new Date(Date.parse(inquiry.firstResponseDueAt) - 30 * 60_000).toISOString());
    expect(await count()).toBe(0);
    await platform.setTime(new Date(Date.parse(inquiry.firstResponseDueAt) - 5 * 60_000).toISOString());
    expect(await count()).toBe(1);
    const tagged = await agent.data(`mutation($viewId: ID!) { bulkInquiryAction(input: { action: TAG, addTags: ["seat-change"], viewId: $viewId }) { kind succeededCount items { itemId outcome } } }`, { viewId: saveInquiryView.id });
    expect(tagged.bulkInquiryAction).toEqual({ kind: 'TAG', succeededCount: 1, items: [{ itemId: chat, outcome: 'SUCCEEDED' }] });
    expect((await agent.data(`query($id: ID!) { inquiry(id: $id) { tags customFields { key value } } }`, { id: chat })).inquiry).toEqual({ tags: ['seat-change'], customFields: [{ key: 'seat', value: '12A' }] });
  });
});
