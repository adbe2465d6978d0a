import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { fuzzMutations, type FuzzFinding, introspectSchema, type PlatformUnderTest, type SendOperation, startPlatformUnderTest } from '@carebridge/testing';
import type { GraphQLSchema } from 'graphql';

/**
 * Bad input never breaks a service, and a retried mutation never doubles (docs/security.md): every
 * mutation of every subgraph, found by introspection of each subgraph, is sent wrong types, huge
 * strings, control characters, injection strings and extreme numbers and dates through the gateway
 * (each subgraph on its own is fuzzed harder in input-fuzz.spec.ts) and must answer with data or
 * typed errors, never a 500 or an error without a code. Idempotency keys and the kit's input checks
 * are shown through the gateway.
 */
const CREATE = 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id fullName } }';

describe('input protection through the platform', () => {
  let platform: PlatformUnderTest;
  const schemas = new Map<string, GraphQLSchema>();

  /** Posts to one subgraph as the gateway would, for an admin (who passes every role check). */
  const direct = (name: string): SendOperation => {
    const subgraph = platform.subgraphs.get(name);
    if (!subgraph) throw new Error(`No subgraph ${name}`);
    const url = subgraph.options.readyUrl.replace('/readyz', '/graphql');
    return async (query, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADERS.secret]: String(subgraph.options.env.SUBGRAPH_SECRET), ...identityToHeaders({ userId: 'fuzz-admin', roles: ['admin'] }) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json().catch(() => undefined) };
    };
  };

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    for (const name of platform.subgraphs.keys()) schemas.set(name, await introspectSchema(direct(name)));
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('answers every mutation, sent bad input through the gateway, with typed errors only', async () => {
    const admin = platform.as('admin', 'fuzz-admin');
    const send: SendOperation = async (query, variables) => {
      const { status, ...body } = await admin.request(query, variables);
      return { status, body };
    };
    const findings: FuzzFinding[] = [];
    for (const schema of schemas.values()) findings.push(...(await fuzzMutations({ schema, send, runsPerMutation: 2, seed: 41 })));
    expect(findings).toEqual([]);
  }, 300_000);

  it('refuses a NUL byte and a reordering character in a name with BAD_USER_INPUT naming the field', async () => {
    const agent = platform.as('agent', 'agent-nul');
    const nul = await agent.request(CREATE, { input: { fullName: 'Ada', notes: 'a\u0000b' } });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.notes' });
    const bidi = await agent.request(CREATE, { input: { fullName: 'Ada \u202Eecalevol' } });
    expect(bidi.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fullName' });
  });

  it('answers a wrong enum value and a number where a string belongs with BAD_USER_INPUT naming the field', async () => {
    const agent = platform.as('agent');
    expect((await agent.request(CREATE, { input: { fullName: 'Ada', tier: 'DIAMOND' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tier' });
    expect((await agent.request(CREATE, { input: { fullName: 42 } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fullName' });
  });

  it('performs a mutation retried with the same Idempotency-Key once, and refuses the key with other input', async () => {
    const key = randomUUID();
    const agent = platform.as('agent', 'agent-retry').withHeaders({ 'idempotency-key': key });
    const input = { fullName: 'Retry Once', email: 'retry.once@example.com' };
    const first = await agent.data(CREATE, { input });
    const retry = await agent.data(CREATE, { input });
    expect(retry.createCustomer.id).toBe(first.createCustomer.id);
    const other = await agent.request(CREATE, { input: { fullName: 'Someone Else', email: 'someone.else@example.com' } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    // Another caller with the same key is another request.
    const colleague = await platform.as('agent', 'agent-colleague').withHeaders({ 'idempotency-key': key }).data(CREATE, { input: { fullName: 'Retry Colleague', email: 'retry.colleague@example.com' } });
    expect(colleague.createCustomer.id).not.toBe(first.createCustomer.id);
    // Without a key, each call performs.
    const plain = platform.as('agent', 'agent-retry');
    const [a, b] = [await plain.data(CREATE, { input: { fullName: 'No Key', email: 'no.key.1@example.com' } }), await plain.data(CREATE, { input: { fullName: 'No Key', email: 'no.key.2@example.com' } })];
    expect(a.createCustomer.id).not.toBe(b.createCustomer.id);
  });
});
