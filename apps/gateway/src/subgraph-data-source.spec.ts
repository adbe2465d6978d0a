import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { freePort } from '@carebridge/local-platform';
import type { GatewayContext } from './gateway-context';
import { SubgraphDataSource } from './subgraph-data-source';

const SECRET = 's'.repeat(40);
const context: GatewayContext = { identity: { userId: 'agent-7', roles: ['agent', 'trainer'], name: 'Zoë 李' }, requestId: 'req-123' };

describe('SubgraphDataSource.headersFor', () => {
  const source = new SubgraphDataSource('crm', 'http://127.0.0.1:1/graphql', SECRET, { timeoutMs: 1000 });
  afterAll(() => source.close());

  it('sets exactly the content type, the secret, the identity and the request id', () => {
    expect(source.headersFor(context)).toEqual({
      'content-type': 'application/json',
      'x-carebridge-subgraph-secret': SECRET,
      'x-carebridge-user-id': 'agent-7',
      'x-carebridge-user-roles': 'agent,trainer',
      'x-carebridge-user-name': encodeURIComponent('Zoë 李'),
      'x-request-id': 'req-123',
    });
  });

  it('sends the secret without an identity when there is no caller', () => {
    expect(Object.keys(source.headersFor({})).sort()).toEqual(['content-type', 'x-carebridge-subgraph-secret']);
  });
});

describe('SubgraphDataSource calling a subgraph', () => {
  let server: Server;
  let url: string;
  let received: IncomingHttpHeaders[] = [];
  let reply: (response: import('node:http').ServerResponse) => void;
  const sources: SubgraphDataSource[] = [];
  const source = (target: string, timeoutMs: number) => {
    const created = new SubgraphDataSource(target === url ? 'crm' : 'complaint', target, SECRET, { timeoutMs });
    sources.push(created);
    return created;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      request.on('end', () => reply(response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await Promise.all(sources.map((s) => s.close()));
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received = [];
  });

  const call = (source: SubgraphDataSource) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: '{ me { id } }' },
      context,
      incomingRequestContext: { context } as never,
      document: undefined as never,
    } as never);

  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as { message: string; extensions: Record<string, unknown> };
    }
    throw new Error('expected the call to fail');
  };

  it('sends only its own headers next to the transport ones', async () => {
    reply = (response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { me: { id: '1' } } }));
    const response = await call(source(url, 2000));
    expect(response.data).toEqual({ me: { id: '1' } });
    const headers = received[0];
    expect(headers).toMatchObject({ 'x-carebridge-subgraph-secret': SECRET, 'x-carebridge-user-id': 'agent-7', 'x-carebridge-user-roles': 'agent,trainer', 'x-request-id': 'req-123' });
    const transport = ['host', 'connection', 'content-type', 'content-length'];
    for (const name of Object.keys(headers)) expect([...transport, 'x-carebridge-subgraph-secret', 'x-carebridge-user-id', 'x-carebridge-user-roles', 'x-carebridge-user-name', 'x-request-id']).toContain(name);
  });

  it('sends the operation and its variables, and keeps connections open for the next calls', async () => {
    const bodies: unknown[] = [];
    const ports = new Set<number>();
    reply = (response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { me: { id: '1' } } }));
    const connected = (socket: import('node:net').Socket) => ports.add(socket.remotePort ?? 0);
    const readBody = (request: import('node:http').IncomingMessage) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => bodies.push(JSON.parse(text)));
    };
    server.on('connection', connected);
    server.prependListener('request', readBody);
    const crm = source(url, 2000);
    for (let i = 0; i < 5; i += 1) {
      await crm.process({ kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION, request: { query: 'query Q($n: Int) { me { id } }', variables: { n: i } }, context, incomingRequestContext: { context } as never } as never);
    }
    expect(bodies).toEqual([0, 1, 2, 3, 4].map((n) => ({ query: 'query Q($n: Int) { me { id } }', variables: { n } })));
    expect(ports.size).toBeLessThan(5);
    server.off('connection', connected);
    server.off('request', readBody);
  });

  it('refuses an answer that is not a JSON object as SERVICE_UNAVAILABLE', async () => {
    reply = (response) => response.setHeader('content-type', 'application/json').end('[1,2]');
    expect((await failure(call(source(url, 2000)))).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'crm' });
    reply = (response) => response.setHeader('content-type', 'text/plain').end('not json');
    expect((await failure(call(source(url, 2000)))).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'crm' });
  });

  it('turns an error response into SERVICE_UNAVAILABLE naming the service, not what it answered', async () => {
    reply = (response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>upstream 10.0.0.9:4001 failed: stack at /srv/crm/main.js</h1>');
    const error = await failure(call(source(url, 2000)));
    expect(error.message).toBe('The crm service is unavailable; data from it is missing from this response');
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'crm' });
  });

  it('gives up after its time limit with SERVICE_UNAVAILABLE', async () => {
    // The subgraph never answers: without the limit the call would outlast the test.
    reply = () => undefined;
    const error = await failure(call(source(url, 150)));
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it("forwards the client's Idempotency-Key with each mutation fetch only, numbering later fetches of one operation to one service", async () => {
    reply = (response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { ok: true } }));
    const crm = source(url, 2000);
    const { HeaderMap } = await import('@apollo/server');
    const incoming = { context, operation: { operation: 'mutation' }, request: { http: { headers: new HeaderMap([['idempotency-key', 'key-1']]) } } };
    const fetch = (query: string) => crm.process({ kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION, request: { query }, context, incomingRequestContext: incoming as never } as never);
    await fetch('mutation { a }');
    await fetch('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }');
    await fetch('mutation { b }');
    expect(received.map((headers) => headers['idempotency-key'])).toEqual(['key-1', undefined, 'key-1#2']);
  });

  it('reports a subgraph that is down as SERVICE_UNAVAILABLE without its address', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const error = await failure(call(source(closed, 1000)));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' });
    expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toContain('127.0.0.1');
  });
});
