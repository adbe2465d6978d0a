import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { SUBGRAPHS } from '@carebridge/config';
import { GatewayReadiness, subgraphsOf } from './gateway-readiness';

const SUPERGRAPH = `
enum join__Graph {
  COMPLAINT @join__graph(name: "complaint", url: "http://127.0.0.1:4002/graphql")
  CRM @join__graph(name: "crm", url: "http://127.0.0.1:4001/graphql")
}
type Query { ping: String }
`;

describe('GatewayReadiness', () => {
  const servers: Server[] = [];
  /** A subgraph stand-in whose /readyz answers `status`; its GraphQL URL. */
  const subgraph = async (status: number) => {
    const server = createServer((_request, response) => {
      response.statusCode = status;
      response.end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  };
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  it('names the subgraphs of a supergraph from its join__Graph enum, as the composed one has them', () => {
    expect(subgraphsOf(SUPERGRAPH)).toEqual(['complaint', 'crm']);
    expect(subgraphsOf(readFileSync(join(__dirname, '..', '..', '..', 'infra', 'supergraph.graphql'), 'utf8')).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });

  it('is not ready before a supergraph is served', async () => {
    expect(await new GatewayReadiness({ timeoutMs: 1000 }).report()).toEqual({ ready: false, details: { supergraph: 'not loaded' } });
  });

  it("reports each subgraph's own readiness beside the supergraph, ready but degraded when one is not", async () => {
    const readiness = new GatewayReadiness({ timeoutMs: 1000 });
    readiness.supergraphServed(SUPERGRAPH);
    readiness.reaches('crm', await subgraph(200));
    readiness.reaches('complaint', await subgraph(503));
    const report = await readiness.report();
    expect(report).toEqual({
      ready: true,
      details: { supergraph: { subgraphs: ['complaint', 'crm'], loadedAt: expect.any(String) }, subgraphs: { complaint: 'not ready', crm: 'ready' }, degraded: true },
    });
  });

  it('names a subgraph without an address, one that does not answer, and an added check that fails', async () => {
    const readiness = new GatewayReadiness({ timeoutMs: 500 });
    readiness.supergraphServed(SUPERGRAPH);
    readiness.reaches('crm', 'http://127.0.0.1:1/graphql');
    readiness.add({ name: 'schemaMismatch', check: async () => ({ ok: true }) });
    readiness.add({ name: 'trustedDocuments', check: async () => ({ ok: false, detail: 'manifest missing' }) });
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.details).toMatchObject({ subgraphs: { complaint: 'no address', crm: 'unreachable' }, trustedDocuments: 'manifest missing' });
    expect(report.details).not.toHaveProperty('schemaMismatch');
  });
});
