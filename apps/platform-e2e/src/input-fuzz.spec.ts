import { identityToHeaders } from '@carebridge/auth';
import { SUBGRAPHS } from '@carebridge/config';
import { freePort, loadSubgraphDefinition } from '@carebridge/local-platform';
import { startSubgraph } from '@carebridge/service-kit';
import { createTestDatabase, type FuzzFinding, fuzzMutations, introspectSchema, type SendOperation, withTestServer } from '@carebridge/testing';

/**
 * No 500s from input, service by service (docs/security.md): each subgraph of the topology starts
 * in this process on a fresh database, exactly as `startSubgraph` runs it in production, and every
 * mutation its schema has (by introspection) is sent wrong types, huge strings, control characters,
 * injection strings and extreme numbers and dates as an admin, who passes every role check. Any 5xx,
 * `INTERNAL_SERVER_ERROR` or error without a code fails the test and names the mutation and input.
 * The pass through the gateway is in input-protection.spec.ts.
 */
const SECRET = 'f'.repeat(32);
const ADMIN = identityToHeaders({ userId: 'fuzz-admin', roles: ['admin'] });

describe('bad input to every mutation of every subgraph', () => {
  it.each(SUBGRAPHS.map((s) => s.name))('%s answers with data or typed errors only', async (name) => {
    const database = await createTestDatabase(`fuzz_${name}`);
    const subgraph = await startSubgraph(await loadSubgraphDefinition(name), {
      env: {
        DATABASE_URL: database.serverUrl,
        DATABASE_NAME: database.database,
        EVENTS_DATABASE_NAME: `${database.database}_events`,
        PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        SUBGRAPH_SECRET: SECRET,
        DATABASE_POOL_SIZE: '4',
      },
    });
    try {
      const send: SendOperation = async (query, variables) => {
        const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-carebridge-subgraph-secret': SECRET, ...ADMIN }, body: JSON.stringify({ query, variables }) });
        return { status: response.status, body: await response.json().catch(() => undefined) };
      };
      const findings: FuzzFinding[] = await fuzzMutations({ schema: await introspectSchema(send), send, runsPerMutation: 6 });
      expect(findings).toEqual([]);
    } finally {
      await subgraph.stop();
      await database.drop();
      await withTestServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${database.database}_events" WITH (FORCE)`));
    }
  }, 180_000);
});
