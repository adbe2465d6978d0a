import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id registrationNumber } }`;
const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`;
const SEARCH = `query($text: String!) {
  search(text: $text) {
    id
    customers(first: 5) { score match customer { id fullName email } highlights { field text } }
    complaints(first: 5) { score match complaint { id registrationNumber customer { id fullName } } highlights { field text } }
    inquiries(first: 5) { score match inquiry { id contactEmail } highlights { field text } }
  }
}`;

/** One search through the gateway: crm, complaint and inquiry each answer their typed, ranked section, masked for the caller. */
describe('one search across customers, complaints and inquiries', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;
  let customerId: string;
  let complaint: { id: string; registrationNumber: string };
  let inquiryId: string;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    analyst = platform.as('analyst', 'analyst-ali');
    customerId = (await agent.data(CREATE_CUSTOMER, { input: { fullName: '李娜', email: 'li.na@example.cn', phone: '+86 138 0013 8000' } })).createCustomer.id;
    const input = {
      customerId,
      channel: 'EMAIL',
      category: 'BAGGAGE',
      urgency: 'MEDIUM',
      description: '我的婴儿车在上海浦东机场损坏了。 The stroller arrived broken.',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      bookingReference: 'LN8Q2P',
    };
    // Registers once crm's customer.created has reached the complaint service.
    complaint = await eventually(async () => (await agent.data(REGISTER, { input })).registerComplaint);
    inquiryId = (
      await agent.data(RECEIVE, {
        input: { channel: 'EMAIL', category: 'BAGGAGE', subject: 'Broken stroller on MU 551', message: 'Booking LN8Q2P', contact: { name: '李娜', email: 'li.na@example.cn' } },
      })
    ).receiveInquiry.id;
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('finds by registration number, booking reference, name and words, each section typed, ranked and highlighted', async () => {
    const byNumber = (await agent.data(SEARCH, { text: complaint.registrationNumber.toLowerCase() })).search;
    expect(byNumber.id).toBe(complaint.registrationNumber.toLowerCase());
    expect(byNumber.complaints[0]).toMatchObject({ match: 'IDENTIFIER', score: 1, complaint: { id: complaint.id, customer: { id: customerId, fullName: '李娜' } } });
    expect(byNumber.complaints[0].highlights[0]).toEqual({ field: 'registrationNumber', text: `<mark>${complaint.registrationNumber}</mark>` });

    const byPnr = (await agent.data(SEARCH, { text: 'ln8q2p' })).search;
    expect(byPnr.complaints[0]).toMatchObject({ match: 'IDENTIFIER', complaint: { id: complaint.id } });
    expect(byPnr.inquiries[0]).toMatchObject({ match: 'WORDS', inquiry: { id: inquiryId } });

    const byName = (await agent.data(SEARCH, { text: 'Li Na' })).search;
    expect(byName.customers[0]).toMatchObject({ match: 'NAME', customer: { id: customerId, email: 'li.na@example.cn' } });

    const byWords = (await agent.data(SEARCH, { text: '婴儿车 损坏' })).search;
    expect(byWords.complaints[0]).toMatchObject({ match: 'WORDS', complaint: { id: complaint.id } });
    expect(byWords.complaints[0].highlights[0].text).toContain('我的<mark>婴儿车</mark>在上海浦东机场<mark>损坏</mark>了');
    const english = (await agent.data(SEARCH, { text: 'broken strollers' })).search;
    expect(english.complaints.map((hit: { complaint: { id: string } }) => hit.complaint.id)).toContain(complaint.id);
    expect(english.inquiries[0].highlights).toContainEqual({ field: 'subject', text: '<mark>Broken</mark> <mark>stroller</mark> on MU 551' });
  });

  it('finds by e-mail and phone only for roles that see contact details, and masks the rest', async () => {
    const byAgent = (await agent.data(SEARCH, { text: 'Li.Na@example.cn' })).search;
    expect(byAgent.customers[0]).toMatchObject({ match: 'CONTACT', customer: { id: customerId } });
    expect(byAgent.inquiries[0]).toMatchObject({ match: 'CONTACT', inquiry: { id: inquiryId, contactEmail: 'li.na@example.cn' } });
    expect((await agent.data(SEARCH, { text: '138-0013-8000' })).search.customers[0]).toMatchObject({ match: 'CONTACT' });

    const byAnalyst = (await analyst.data(SEARCH, { text: 'li.na@example.cn' })).search;
    expect(byAnalyst.customers).toEqual([]);
    expect(byAnalyst.inquiries.filter((hit: { match: string }) => hit.match === 'CONTACT')).toEqual([]);
    const named = (await analyst.data(SEARCH, { text: '李娜' })).search;
    expect(named.customers[0]).toMatchObject({ customer: { id: customerId, email: 'l***@example.cn' } });
  });

  it('refuses an empty search as bad input on the text', async () => {
    const result = await agent.request(SEARCH, { text: ' ' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});
