import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { freePort } from '@carebridge/local-platform';
import type { GatewayContext } from './gateway-context';
import { SubgraphDataSource } from './subgraph-data-source';

const SECRET = 's'.repeat(40);
const context: GatewayContext = { identity: { userId: 'agent-7', roles: ['agent', 'trainer'], name: 'Zoë 李' }, requestId: 'req-123' };

/** What RemoteGraphQLDataSource.process hands to willSendRequest: fresh headers with the content type. */
function outgoing(headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return { request: { query: '{ me { id } }', http: { method: 'POST', url: 'http://crm/graphql', headers: new Headers(headers) } }, context } as never as Parameters<
    SubgraphDataSource['willSendRequest']
  >[0] & { request: { http: { headers: Headers } } };
}

describe('SubgraphDataSource.willSendRequest', () => {
  const source = new SubgraphDataSource('crm', 'http://127.0.0.1:1/graphql', SECRET, 1000);

  it('sets exactly the secret, the identity and the request id', () => {
    const options = outgoing();
    source.willSendRequest(options);
    expect(Object.fromEntries(options.request.http.headers)).toEqual({
      'content-type': 'application/json',
      'x-carebridge-subgraph-secret': SECRET,
      'x-carebridge-user-id': 'agent-7',
      'x-carebridge-user-roles': 'agent,trainer',
      'x-carebridge-user-name': encodeURIComponent('Zoë 李'),
      'x-request-id': 'req-123',
    });
  });

  it('replaces identity headers that are already there instead of adding to them', () => {
    const options = outgoing({ 'content-type': 'application/json', 'x-carebridge-user-roles': 'admin', 'x-carebridge-subgraph-secret': 'forged', 'x-request-id': 'other' });
    source.willSendRequest(options);
    const headers = options.request.http.headers;
    expect(headers.get('x-carebridge-user-roles')).toBe('agent,trainer');
    expect(headers.get('x-carebridge-subgraph-secret')).toBe(SECRET);
    expect(headers.get('x-request-id')).toBe('req-123');
  });

  it('sends the secret without an identity when there is no caller', () => {
    const options = outgoing();
    (options as { context: Partial<GatewayContext> }).context = {};
    source.willSendRequest(options);
    expect(Object.keys(Object.fromEntries(options.request.http.headers)).sort()).toEqual(['content-type', 'x-carebridge-subgraph-secret']);
  });
});

describe('SubgraphDataSource calling a subgraph', () => {
  let server: Server;
  let url: string;
  let received: IncomingHttpHeaders[] = [];
  let reply: (response: import('node:http').ServerResponse) => void;

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
    const response = await call(new SubgraphDataSource('crm', url, SECRET, 2000));
    expect(response.data).toEqual({ me: { id: '1' } });
    const headers = received[0];
    expect(headers).toMatchObject({ 'x-carebridge-subgraph-secret': SECRET, 'x-carebridge-user-id': 'agent-7', 'x-carebridge-user-roles': 'agent,trainer', 'x-request-id': 'req-123' });
    const transport = ['host', 'connection', 'content-type', 'content-length', 'accept', 'accept-language', 'accept-encoding', 'sec-fetch-mode', 'user-agent'];
    for (const name of Object.keys(headers)) expect([...transport, 'x-carebridge-subgraph-secret', 'x-carebridge-user-id', 'x-carebridge-user-roles', 'x-carebridge-user-name', 'x-request-id']).toContain(name);
  });

  it('turns an error response into SERVICE_UNAVAILABLE naming the service, not what it answered', async () => {
    reply = (response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>upstream 10.0.0.9:4001 failed: stack at /srv/crm/main.js</h1>');
    const error = await failure(call(new SubgraphDataSource('crm', url, SECRET, 2000)));
    expect(error.message).toBe('The crm service is unavailable; data from it is missing from this response');
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'crm' });
  });

  it('gives up after its time limit with SERVICE_UNAVAILABLE', async () => {
    reply = (response) => setTimeout(() => response.end('{}'), 1000).unref();
    const started = Date.now();
    const error = await failure(call(new SubgraphDataSource('crm', url, SECRET, 150)));
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('reports a subgraph that is down as SERVICE_UNAVAILABLE without its address', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const error = await failure(call(new SubgraphDataSource('complaint', closed, SECRET, 1000)));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'complaint' });
    expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toContain('127.0.0.1');
  });
});
