import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { signDevelopmentToken } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { freePort } from '@carebridge/local-platform';
import { parse } from 'graphql';
import { MAX_LINK_QUERY_LENGTH as MAX_DOCUMENT_QUERY_LENGTH } from './file-link-requests';
import { type RunningGateway, startGateway } from './gateway';

const AFTER_SALES_SECRET = 'after-sales-secret-'.padEnd(40, 'a');
const JWT_SECRET = 'document-download-spec-jwt-secret-32!';
const DOCUMENT_ID = '0b7c0f3e-5d1a-4c2b-9e8f-1a2b3c4d5e6f';
/** Shaped like a signed link: `<payload>.<signature>`, with characters that need encoding in a query. */
const TOKEN = 'eyJkIjoiMGI3YyJ9+/=.c2lnbmF0dXJl_-';
const FILE = randomBytes(3 * 1024 * 1024); // several chunks: streamed, not buffered whole by the client
const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { documents: Int }
`;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A stand-in after-sales front: `GET /documents/<id>?token=…` behind its secret, answering like
 * `documentDownloadRoute` (the file, or a domain error as JSON with its status), plus a few ways to fail.
 */
function afterSalesStub(received: Received[]): Server {
  return createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    if (request.headers['x-carebridge-subgraph-secret'] !== AFTER_SALES_SECRET) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthenticated' }));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token');
    if (url.pathname !== `/documents/${DOCUMENT_ID}`) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    if (token === TOKEN && url.searchParams.get('head') === '1') {
      // documentDownloadRoute's answer to head=1: the headers, the file's size apart, no file.
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="INV-2026-000042.pdf"', 'x-carebridge-file-size': String(FILE.length) }).end();
      return;
    }
    if (token === TOKEN) {
      response.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': String(FILE.length),
        'content-disposition': 'attachment; filename="INV-2026-000042.pdf"',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'set-cookie': 'internal=1',
        'x-powered-by': 'after-sales 10.0.0.4',
      });
      // In pieces, as a file read from storage would come.
      let offset = 0;
      const next = () => {
        if (offset >= FILE.length) return void response.end();
        response.write(FILE.subarray(offset, offset + 256 * 1024));
        offset += 256 * 1024;
        setImmediate(next);
      };
      next();
      return;
    }
    if (token === 'expired.sig') {
      response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(
        JSON.stringify({
          error: {
            message: 'token expired at 2026-12-01T10:00:00.000Z; ask for a new download link',
            extensions: { code: 'BAD_USER_INPUT', field: 'token', problems: [{ rule: 'expired', message: 'expired at 2026-12-01T10:00:00.000Z; ask for a new download link' }] },
          },
        }),
      );
      return;
    }
    if (token === 'panic.sig') {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('panic: storage at 10.0.0.9 refused; /srv/after-sales/main.js:12');
      return;
    }
    if (token === 'slow.sig') {
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/pdf' }).end('late'), 1500).unref();
      return;
    }
    response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(
      JSON.stringify({ error: { message: 'token is not a download link issued by Carebridge (damaged or forged); ask for a new link', extensions: { code: 'BAD_USER_INPUT', field: 'token', problems: [{ rule: 'signature' }] } } }),
    );
  });
}

const listen = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const close = (server: Server) => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
};

describe('the gateway forwards document downloads by signed link to after-sales', () => {
  let folder: string;
  let stub: Server;
  let afterSalesPort: number;
  let gateway: RunningGateway;
  let root: string;
  const received: Received[] = [];
  const logged: unknown[][] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'carebridge-document-download-spec-'));
    afterSalesPort = await freePort();
    stub = afterSalesStub(received);
    await listen(stub, afterSalesPort);
    const composition = composeServices([{ name: 'after-sales', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(SDL) }]);
    if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
    writeFileSync(join(folder, 'supergraph.graphql'), composition.supergraphSdl);
    gateway = await startGateway({
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
      JWT_SECRET,
      SUBGRAPH_AFTER_SALES_URL: `http://127.0.0.1:${afterSalesPort}/graphql`,
      SUBGRAPH_AFTER_SALES_SECRET: AFTER_SALES_SECRET,
      SUBGRAPH_TIMEOUT_MS: '400',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000',
    });
    root = gateway.url.replace(/\/graphql$/, '');
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
      jest.spyOn(gateway.logger, level).mockImplementation(((...args: unknown[]) => void logged.push(args)) as never);
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    if (stub?.listening) await close(stub);
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    received.length = 0;
  });

  const link = (token: string, id = DOCUMENT_ID) => `${root}/documents/${id}?token=${encodeURIComponent(token)}`;

  it('streams the file back with its status, type, name and length', async () => {
    const response = await fetch(link(TOKEN));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="INV-2026-000042.pdf"');
    expect(response.headers.get('content-length')).toBe(String(FILE.length));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Nothing else of the subgraph's answer comes through.
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(FILE)).toBe(true);
  });

  it('calls after-sales with its secret, a request id and the token, and with none of the client’s headers', async () => {
    const response = await fetch(link(TOKEN), {
      headers: {
        cookie: 'session=abc',
        'x-carebridge-subgraph-secret': 'guessed',
        'x-carebridge-user-id': 'admin-1',
        'x-carebridge-user-roles': 'admin',
        'x-forwarded-for': '203.0.113.9',
        'x-custom': 'anything',
        'x-request-id': 'client-req-9',
      },
    });
    await response.arrayBuffer();
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call.method).toBe('GET');
    expect(new URL(call.url, 'http://x').pathname).toBe(`/documents/${DOCUMENT_ID}`);
    expect(new URL(call.url, 'http://x').searchParams.get('token')).toBe(TOKEN);
    expect(call.headers['x-carebridge-subgraph-secret']).toBe(AFTER_SALES_SECRET);
    expect(call.headers['x-request-id']).toBe('client-req-9');
    const transport = ['host', 'connection', 'accept', 'accept-language', 'accept-encoding', 'sec-fetch-mode', 'user-agent'];
    expect(Object.keys(call.headers).filter((name) => !transport.includes(name)).sort()).toEqual(['x-carebridge-subgraph-secret', 'x-request-id']);
  });

  it('makes up a request id when the client sends none or a strange one', async () => {
    await (await fetch(link(TOKEN), { headers: { 'x-request-id': 'a b;c' } })).arrayBuffer();
    await (await fetch(link(TOKEN))).arrayBuffer();
    expect(received.map((r) => r.headers['x-request-id'])).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it('answers HEAD like GET without the file: after-sales is asked for the headers only (head=1)', async () => {
    const response = await fetch(link(TOKEN), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="INV-2026-000042.pdf"');
    expect(response.headers.get('content-length')).toBe(String(FILE.length));
    expect(response.headers.get('x-carebridge-file-size')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer())).toHaveLength(0);
    expect(received.map((r) => [r.method, new URL(r.url, 'http://x').searchParams.get('head')])).toEqual([['GET', '1']]);
    const refused = await fetch(link('expired.sig'), { method: 'HEAD' });
    expect(refused.status).toBe(400);
  });

  it('forwards the identity it verified from a bearer token, so the download is audited as that user; a refused token is 401', async () => {
    const token = signDevelopmentToken({ sub: 'after-sales-ann', roles: ['after_sales'], name: 'Ann Åberg' }, { secret: JWT_SECRET });
    const response = await fetch(link(TOKEN), { headers: { authorization: `Bearer ${token}`, 'x-carebridge-user-id': 'admin-1', 'x-carebridge-user-roles': 'admin' } });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0].headers).toMatchObject({ 'x-carebridge-user-id': 'after-sales-ann', 'x-carebridge-user-roles': 'after_sales', 'x-carebridge-user-name': encodeURIComponent('Ann Åberg') });
    expect(received[0].headers.authorization).toBeUndefined();

    received.length = 0;
    const forged = signDevelopmentToken({ sub: 'x', roles: ['admin'] }, { secret: 'another-secret-of-at-least-32-chars!' });
    for (const authorization of ['Bearer not-a-token', `Bearer ${forged}`, 'Basic abc']) {
      const refused = await fetch(link(TOKEN), { headers: { authorization } });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } } });
    }
    expect(received).toHaveLength(0);
  });

  it.each([
    ['an expired link', 'expired.sig', 'expired'],
    ['a forged link', 'forged.sig', 'signature'],
  ])('passes back after-sales’ typed error with its status for %s', async (_label, token, rule) => {
    const response = await fetch(link(token));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token', problems: [expect.objectContaining({ rule })] }) }) });
  });

  it.each([
    ['another path under /documents', `/documents/${DOCUMENT_ID}/other?token=t`],
    ['an id that is not a UUID', '/documents/INV-2026-000042?token=t'],
    ['an encoded path climbing out', `/documents/%2e%2e%2Fgraphql?token=t`],
    ['the bare prefix', '/documents/?token=t'],
    ['a look-alike prefix', `/documentsx/${DOCUMENT_ID}?token=t`],
    ['another subgraph path', `/test/clock?token=t`],
  ])('forwards nothing else: %s is 404', async (_label, path) => {
    const response = await fetch(`${root}${path}`);
    expect(response.status).toBe(404);
    expect(received).toHaveLength(0);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('forwards no %s', async (method) => {
    const response = await fetch(link(TOKEN), { method, body: method === 'DELETE' ? undefined : 'x' });
    expect(response.status).not.toBe(200);
    await response.arrayBuffer();
    expect(received).toHaveLength(0);
  });

  it.each([
    ['no token', `/documents/${DOCUMENT_ID}`],
    ['an empty token', `/documents/${DOCUMENT_ID}?token=`],
    ['two tokens', `/documents/${DOCUMENT_ID}?token=a&token=b`],
    ['another parameter', `/documents/${DOCUMENT_ID}?token=a&download=1`],
    ['a query longer than the bound', `/documents/${DOCUMENT_ID}?token=${'a'.repeat(MAX_DOCUMENT_QUERY_LENGTH)}`],
  ])('refuses %s with 400 BAD_USER_INPUT, calling no subgraph', async (_label, path) => {
    const response = await fetch(`${root}${path}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'token' } } });
    expect(received).toHaveLength(0);
  });

  it('answers 429 beyond ANONYMOUS_RATE_LIMIT_PER_MINUTE from one client, shared with GraphQL without a token', async () => {
    const limited = await startGateway({
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
      JWT_SECRET,
      SUBGRAPH_AFTER_SALES_URL: `http://127.0.0.1:${afterSalesPort}/graphql`,
      SUBGRAPH_AFTER_SALES_SECRET: AFTER_SALES_SECRET,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2',
    });
    try {
      const at = `${limited.url.replace(/\/graphql$/, '')}/documents/${DOCUMENT_ID}?token=forged.sig`;
      expect([(await fetch(at)).status, (await fetch(at)).status]).toEqual([400, 400]);
      const third = await fetch(at);
      expect(third.status).toBe(429);
      expect(await third.json()).toEqual({ error: { message: expect.any(String), extensions: { code: 'BAD_REQUEST', reason: 'RATE_LIMITED' } } });
      expect(received).toHaveLength(2);
    } finally {
      await limited.stop();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE for a failing after-sales, without what it answered', async () => {
    const response = await fetch(link('panic.sig'));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { message: expect.stringContaining('after-sales'), extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'after-sales' } } });
    expect(text).not.toMatch(/panic|10\.0\.0\.9|srv/);
  });

  it('answers 503 when after-sales is slower than SUBGRAPH_TIMEOUT_MS', async () => {
    const started = Date.now();
    const response = await fetch(link('slow.sig'));
    expect(response.status).toBe(503);
    expect(((await response.json()) as any).error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('logs neither the token nor the link', () => {
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const secret of [TOKEN, encodeURIComponent(TOKEN), 'expired.sig', 'forged.sig', 'panic.sig', 'token=', AFTER_SALES_SECRET]) expect(text).not.toContain(secret);
  });

  it('answers 503 SERVICE_UNAVAILABLE with no address when after-sales is down', async () => {
    await close(stub);
    const response = await fetch(link(TOKEN));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text).error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'after-sales' });
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(String(afterSalesPort));
    expect(text).not.toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('answers 503 when after-sales refuses the gateway’s secret', async () => {
    const other = await startGateway({
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
      JWT_SECRET,
      SUBGRAPH_AFTER_SALES_URL: `http://127.0.0.1:${afterSalesPort}/graphql`,
    });
    stub = afterSalesStub(received);
    await listen(stub, afterSalesPort);
    try {
      const response = await fetch(`${other.url.replace(/\/graphql$/, '')}/documents/${DOCUMENT_ID}?token=${encodeURIComponent(TOKEN)}`);
      expect(response.status).toBe(503);
      expect(received).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });
});
