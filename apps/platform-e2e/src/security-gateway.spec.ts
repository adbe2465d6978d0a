import { randomBytes } from 'node:crypto';
import { eventually, GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import jwt from 'jsonwebtoken';

/** The gateway's protection, through the whole platform: limits, no schema leaks, tokens, CORS, partial data. */
const JWT_SECRET = randomBytes(32).toString('hex');
const DESK = 'https://desk.carebridge.test';
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const REGISTER_COMPLAINT = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`;
const complaintInput = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customerId,
  channel: 'PHONE',
  category: 'BAGGAGE',
  urgency: 'HIGH',
  description: 'My suitcase did not arrive in Frankfurt.',
  occurredAt: '2026-11-01T09:30:00Z',
  location: 'FRA',
  peopleInvolved: [{ kind: 'FLIGHT', name: 'LH 721' }],
  ...overrides,
});

describe('the gateway protects the one endpoint', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let customerId: string;

  beforeAll(async () => {
    platform = await startPlatformUnderTest({ JWT_SECRET, CORS_ALLOWED_ORIGINS: DESK });
    agent = GraphQLClient.as(platform.gatewayUrl, 'agent', 'agent-sec', JWT_SECRET);
    customerId = (await agent.data(CREATE_CUSTOMER, { input: { fullName: 'Amara Okafor', email: 'amara@example.com' } })).createCustomer.id;
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses 200 aliases of a customer query with 400 MAX_ALIASES', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `c${i}: customer(id: $id) { fullName }`).join(' ');
    const reply = await agent.request(`query($id: ID!) { ${aliases} }`, { id: customerId });
    expect(reply.status).toBe(400);
    expect(reply.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_ALIASES' });
  });

  it('refuses an operation nested deeper than MAX_QUERY_DEPTH', async () => {
    const deep = `query($id: ID!) { customer(id: $id) { complaints { nodes { customer { complaints { nodes { customer { complaints { nodes { customer { complaints { nodes { id } } } } } } } } } } } } }`;
    const reply = await agent.request(deep, { id: customerId });
    expect(reply.status).toBe(400);
    expect(reply.errors?.[0].extensions?.limit).toBe('MAX_QUERY_DEPTH');
  });

  it('shows nothing of the schema: no introspection, no suggestions for fields or enum values', async () => {
    const introspection = await agent.request('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    const field = await agent.request('query($id: ID!) { customer(id: $id) { fullNam } }', { id: customerId });
    const enumValue = await agent.request(REGISTER_COMPLAINT, { input: complaintInput(customerId, { channel: 'PHON' }) });
    for (const reply of [introspection, field, enumValue]) expect(JSON.stringify(reply.errors)).not.toMatch(/Did you mean|fullName|"PHONE"/);
    expect(enumValue.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
  });

  it('refuses tokens without exp, living too long, without a known role or with control characters in sub, with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      jwt.sign({ roles: ['agent'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'u1' }),
      jwt.sign({ roles: ['agent'], iat: now, exp: now + 24 * 3600 }, JWT_SECRET, { algorithm: 'HS256', subject: 'u1' }),
      jwt.sign({ roles: ['superuser'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'u1', expiresIn: 60 }),
      jwt.sign({ roles: ['agent'] }, JWT_SECRET, { algorithm: 'HS256', subject: 'u1\nadmin', expiresIn: 60 }),
    ];
    for (const token of tokens) {
      const reply = await new GraphQLClient(platform.gatewayUrl, token).request('query($id: ID!) { customer(id: $id) { fullName } }', { id: customerId });
      expect(reply.status).toBe(401);
      expect(reply.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers the CORS preflight of an allowed origin and gives others no CORS header', async () => {
    const preflight = (origin: string) => fetch(platform.gatewayUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const allowed = await preflight(DESK);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DESK);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('passes on a subgraph’s typed error: an invalid date is BAD_USER_INPUT, not SERVICE_UNAVAILABLE', async () => {
    const reply = await agent.request(REGISTER_COMPLAINT, { input: complaintInput(customerId, { occurredAt: 'yesterday-ish' }) });
    expect(reply.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('with the complaint service stopped, answers the customer’s name and SERVICE_UNAVAILABLE for complaints', async () => {
    await eventually(async () => agent.data(REGISTER_COMPLAINT, { input: complaintInput(customerId) }));
    await platform.subgraphs.get('complaint')?.stop();
    const reply = await agent.request('query($id: ID!) { customer(id: $id) { fullName complaints { totalCount } } }', { id: customerId });
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({ customer: { fullName: 'Amara Okafor', complaints: null } });
    // Apollo's gateway gives the error of a failed entity fetch no path: serviceName says whose data is missing.
    expect(reply.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' } })]);
  });
});
