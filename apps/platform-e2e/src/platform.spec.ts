import { eventually, GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id fullName email phone tier } }`;
const REGISTER_COMPLAINT = `mutation($input: RegisterComplaintInput!) {
  registerComplaint(input: $input) { id registrationNumber status registeredBy createdAt customer { id fullName } }
}`;

function complaintInput(customerId: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId,
    channel: 'PHONE',
    category: 'BAGGAGE',
    urgency: 'HIGH',
    description: 'My suitcase did not arrive in Frankfurt.',
    occurredAt: '2026-11-01T09:30:00Z',
    location: 'FRA',
    peopleInvolved: [{ kind: 'FLIGHT', name: 'LH 721' }],
    ...overrides,
  };
}

describe('Carebridge through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    analyst = platform.as('analyst', 'analyst-ali');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** A customer the complaint service has learned about from crm's events. */
  async function knownCustomer(input: Record<string, unknown> = {}): Promise<string> {
    const { createCustomer } = await agent.data(CREATE_CUSTOMER, { input: { fullName: 'Li Wei', email: 'li.wei@example.com', phone: '+86 138 0013 8000', ...input } });
    return createCustomer.id;
  }

  async function registerComplaint(customerId: string) {
    return eventually(async () => (await agent.data(REGISTER_COMPLAINT, { input: complaintInput(customerId) })).registerComplaint);
  }

  describe('authentication and trust', () => {
    it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
      const result = await platform.anonymous().request('{ customers { totalCount } }');
      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged token, and one signed with another secret, with 401', async () => {
      const forged = await new GraphQLClient(platform.gatewayUrl, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').request('{ customers { totalCount } }');
      expect(forged.status).toBe(401);
      expect(forged.errors?.[0].message).toMatch(/token/);
      // The development secret is not the secret of this (production-configured) gateway.
      const otherSecret = await GraphQLClient.as(platform.gatewayUrl, 'admin').request('{ customers { totalCount } }');
      expect(otherSecret.status).toBe(401);
    });

    it.each([
      ['a query', '{ customers { totalCount } }'],
      ['_service', '{ _service { sdl } }'],
      ['_entities', '{ _entities(representations: [{ __typename: "Customer", id: "00000000-0000-0000-0000-000000000000" }]) { __typename } }'],
    ])('a subgraph called directly without the gateway secret answers 401 (%s)', async (_name, query) => {
      const crm = platform.subgraphs.get('crm');
      const url = crm?.options.readyUrl.replace('/readyz', '/graphql') ?? '';
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-carebridge-user-id': 'intruder', 'x-carebridge-user-roles': 'admin' },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('sdl');
    });

    it('never forwards identity headers a client sends', async () => {
      const result = await analyst
        .withHeaders({ 'x-carebridge-user-roles': 'admin', 'x-carebridge-user-id': 'someone-else' })
        .request(CREATE_CUSTOMER, { input: { fullName: 'Eve', email: 'eve@example.com' } });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('bad input', () => {
    it('answers BAD_USER_INPUT naming the field and writes nothing', async () => {
      const before = (await agent.data('{ customers(search: "not-an-email") { totalCount } }')).customers.totalCount;
      const result = await agent.request(CREATE_CUSTOMER, { input: { fullName: 'Invalid Email', email: 'not-an-email' } });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe('input.email');
      expect(result.errors?.[0].message).toContain('input.email');
      expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
      const after = (await agent.data('{ customers(search: "not-an-email") { totalCount } }')).customers.totalCount;
      expect(after).toBe(before);
    });

    it('registers a complaint for a customer crm has not announced (yet): it awaits them, flagged if they never appear (customer-reference.spec.ts)', async () => {
      const result = await agent.request(REGISTER_COMPLAINT, { input: complaintInput('6f1c1d1e-0000-4000-8000-000000000001') });
      expect(result.errors).toBeUndefined();
      expect(result.data?.registerComplaint.status).toBe('REGISTERED');
    });

    it('refuses an unknown enum value and an empty description', async () => {
      const customerId = await knownCustomer();
      const badEnum = await agent.request(REGISTER_COMPLAINT, { input: complaintInput(customerId, { urgency: 'SOMEDAY' }) });
      expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(badEnum.errors?.[0].message).toContain('urgency');
      const empty = await eventually(async () => {
        const result = await agent.request(REGISTER_COMPLAINT, { input: complaintInput(customerId, { description: '' }) });
        if (result.errors?.[0].extensions?.field === 'input.customerId') throw new Error('customer not known yet');
        return result;
      });
      expect(empty.errors?.[0].extensions?.field).toBe('input.description');
    });

    it('refuses queries nested deeper than the limit', async () => {
      const deep = `{ customers { edges { node { complaints { edges { node { customer { complaints { edges { node { customer { complaints { totalCount } } } } } } } } } } } } }`;
      const result = await agent.request(deep);
      expect(result.errors?.[0].extensions).toMatchObject({ limit: 'MAX_QUERY_DEPTH' });
    });
  });

  describe('one query across crm and complaint', () => {
    it('registers a complaint and reads it with the customer from crm, and the customer with its complaints and interactions', async () => {
      const customerId = await knownCustomer({ fullName: 'Sophie Martin', email: 'sophie.martin@example.fr' });
      const complaint = await registerComplaint(customerId);
      expect(complaint.registrationNumber).toMatch(/^CMP-\d{4}-\d{6}$/);
      expect(complaint.status).toBe('REGISTERED');
      expect(complaint.registeredBy).toBe('agent-ana');
      expect(complaint.customer).toEqual({ id: customerId, fullName: 'Sophie Martin' });

      const { customer } = await agent.data(
        `query($id: ID!) { customer(id: $id) { fullName complaints { totalCount edges { node { registrationNumber } } } } }`,
        { id: customerId },
      );
      expect(customer.complaints.totalCount).toBe(1);
      expect(customer.complaints.edges[0].node.registrationNumber).toBe(complaint.registrationNumber);

      // crm learns of the complaint from complaint.registered and adds it to the customer's history.
      const interactions = await eventually(async () => {
        const data = await agent.data(`query($id: ID!) { customer(id: $id) { interactions { edges { node { kind referenceNumber summary } } } } }`, { id: customerId });
        if (!data.customer.interactions.edges.length) throw new Error('not yet');
        return data.customer.interactions.edges;
      });
      expect(interactions[0].node).toMatchObject({ kind: 'COMPLAINT', referenceNumber: complaint.registrationNumber });
    });

    it('masks contact details for roles without a need for them', async () => {
      const customerId = await knownCustomer({ fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', phone: '+81 90 1234 5678' });
      const query = `query($id: ID!) { customer(id: $id) { email phone } }`;
      expect((await agent.data(query, { id: customerId })).customer).toEqual({ email: 'aiko.tanaka@example.jp', phone: '+819012345678' });
      expect((await analyst.data(query, { id: customerId })).customer).toEqual({ email: 'a***@example.jp', phone: '+*********678' });
    });

    it('lists complaints with cursor pagination', async () => {
      const customerId = await knownCustomer({ fullName: 'Hans Becker', email: 'h.becker@example.de' });
      await registerComplaint(customerId);
      await registerComplaint(customerId);
      const first = await analyst.data(`query($c: ID) { complaints(first: 1, filter: { customerId: $c }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { c: customerId });
      expect(first.complaints.totalCount).toBe(2);
      expect(first.complaints.pageInfo.hasNextPage).toBe(true);
      const second = await analyst.data(`query($c: ID, $after: String) { complaints(first: 1, after: $after, filter: { customerId: $c }) { edges { node { id } } pageInfo { hasNextPage } } }`, {
        c: customerId,
        after: first.complaints.pageInfo.endCursor,
      });
      expect(second.complaints.edges[0].node.id).not.toBe(first.complaints.edges[0].node.id);
      expect(second.complaints.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('a subgraph that is down', () => {
    it('gives the other subgraphs’ data and an error naming the service, without its address', async () => {
      const customerId = await knownCustomer({ fullName: 'Carlos Mendoza', email: 'carlos@example.mx' });
      const complaint = await registerComplaint(customerId);
      const crm = platform.subgraphs.get('crm');
      await crm?.stop();
      try {
        const result = await analyst.request(`query($id: ID!) { complaint(id: $id) { registrationNumber customer { fullName } } }`, { id: complaint.id });
        expect(result.data?.complaint.registrationNumber).toBe(complaint.registrationNumber);
        expect(result.data?.complaint.customer).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(result.errors?.[0].extensions?.serviceName).toBe('crm');
        expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
      } finally {
        await crm?.start();
      }
    });
  });
});
