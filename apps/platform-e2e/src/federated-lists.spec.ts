import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const PAGE = `query($first: Int!) { complaints(first: $first) { edges { node { id customer { id fullName tier email } } } } }`;

/** What a subgraph reports on /metrics about the GraphQL requests it answered. */
interface Served {
  requests: number;
  statements: number;
}

/**
 * A list of complaints with their customers costs the same number of SQL statements in every
 * service whether it shows 5 or 20 complaints: crm resolves the page's customers together.
 */
describe('a federated list costs the same statements whatever its page size', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;
  const customers: { id: string; email: string }[] = [];

  async function served(subgraph: string): Promise<Served> {
    const process = platform.subgraphs.get(subgraph);
    if (!process) throw new Error(`No subgraph ${subgraph}`);
    const text = await (await fetch(process.options.readyUrl.replace('/readyz', '/metrics'))).text();
    const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    return { requests: value('carebridge_graphql_requests_total'), statements: value('carebridge_graphql_sql_statements_total') };
  }

  /** The statements each of complaint and crm ran for one page, and the page. */
  async function page(client: GraphQLClient, first: number) {
    const before = { complaint: await served('complaint'), crm: await served('crm') };
    const { complaints } = await client.data(PAGE, { first });
    const after = { complaint: await served('complaint'), crm: await served('crm') };
    const cost = (name: 'complaint' | 'crm') => ({ requests: after[name].requests - before[name].requests, statements: after[name].statements - before[name].statements });
    return { nodes: complaints.edges.map((edge: { node: unknown }) => edge.node), complaint: cost('complaint'), crm: cost('crm') };
  }

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    analyst = platform.as('analyst', 'analyst-ali');
    for (let i = 0; i < 20; i += 1) {
      const email = `traveller.${i}@example.com`;
      const { createCustomer } = await agent.data(CREATE_CUSTOMER, { input: { fullName: `Traveller ${i}`, email } });
      customers.push({ id: createCustomer.id, email });
    }
    for (const customer of customers) {
      const input = {
        customerId: customer.id,
        channel: 'EMAIL',
        category: 'BAGGAGE',
        urgency: 'MEDIUM',
        description: 'My suitcase did not arrive.',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      };
      // Registers once crm's customer.created has reached the complaint service.
      await eventually(async () => (await agent.data(REGISTER, { input })).registerComplaint);
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('20 complaints with their customers cost no more statements than 5, in complaint and in crm', async () => {
    const few = await page(agent, 5);
    const many = await page(agent, 20);
    expect([few.nodes.length, many.nodes.length]).toEqual([5, 20]);
    expect(many.nodes.map((node: { customer: { fullName: string } }) => node.customer.fullName).sort()).toEqual(customers.map((_, i) => `Traveller ${i}`).sort());
    // One request each: the page in complaint, the page's customers in one `_entities` call to crm.
    expect([many.complaint.requests, many.crm.requests]).toEqual([1, 1]);
    expect(many.complaint.statements).toBe(few.complaint.statements);
    expect(many.crm.statements).toBe(few.crm.statements);
    // complaint: the page without a count (totalCount is not asked for); crm: the customers, and one access-log row per customer for the unmasked e-mails.
    expect(many.complaint.statements).toBe(1);
    expect(many.crm.statements).toBe(2);
  });

  it("a page of customers with each one's complaints, inquiries and history costs the same statements for 20 customers as for 5", async () => {
    const CUSTOMERS = `query($first: Int!) { customers(first: $first, search: "Traveller") { edges { node { id fullName
      complaints(first: 3) { totalCount edges { node { id } } } inquiries(first: 3) { edges { node { id } } } interactions(first: 3) { edges { node { kind } } } } } } }`;
    const cost = async (first: number) => {
      const before = { complaint: await served('complaint'), inquiry: await served('inquiry'), crm: await served('crm') };
      const { customers: page } = await agent.data(CUSTOMERS, { first });
      const after = { complaint: await served('complaint'), inquiry: await served('inquiry'), crm: await served('crm') };
      const statements = (name: 'complaint' | 'inquiry' | 'crm') => after[name].statements - before[name].statements;
      return { nodes: page.edges.map((edge: { node: unknown }) => edge.node), complaint: statements('complaint'), inquiry: statements('inquiry'), crm: statements('crm') };
    };
    const few = await cost(5);
    const many = await cost(20);
    expect([few.nodes.length, many.nodes.length]).toEqual([5, 20]);
    for (const node of many.nodes as { id: string; complaints: { totalCount: number; edges: unknown[] } }[]) {
      expect(node.complaints).toMatchObject({ totalCount: 1, edges: [expect.anything()] });
    }
    // complaint: the first pages and their counts, one statement each; inquiry: the first pages.
    expect([many.complaint, many.inquiry]).toEqual([few.complaint, few.inquiry]);
    expect([many.complaint, many.inquiry]).toEqual([2, 1]);
    expect(many.crm).toBe(few.crm);
  });

  it('keeps the customers masked for a role without a need, in the same one query', async () => {
    const { nodes, crm } = await page(analyst, 20);
    const emails = nodes.map((node: { customer: { email: string } }) => node.customer.email);
    expect(emails.every((email: string) => /^t\*\*\*@example\.com$/.test(email))).toBe(true);
    // Nothing disclosed, nothing logged: the customers' query alone.
    expect(crm.statements).toBe(1);
    const unmasked = await page(agent, 20);
    expect(unmasked.nodes.map((node: { customer: { email: string } }) => node.customer.email).sort()).toEqual(customers.map((c) => c.email).sort());
  });
});
