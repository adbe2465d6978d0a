import type { IncomingMessage } from 'node:http';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Identity, InvalidTokenError } from '@carebridge/auth';
import { createLogger, type HttpReply } from '@carebridge/service-kit';
import { analyticsDownloadForwarder } from './analytics-downloads';
import { SubgraphDataSource } from './subgraph-data-source';

const SECRET = 'analytics-secret-'.padEnd(40, 'a');
const REPORT_ID = '3f2a1b0c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const STAFF: Identity = { userId: 'sup-sue', roles: ['supervisor'], name: 'Sue' };

/** A stand-in analytics front behind its secret: the report files and the export, or a failure. */
function analyticsStub(received: { url: string; headers: IncomingHttpHeaders }[]): Server {
  return createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    if (request.headers['x-carebridge-subgraph-secret'] !== SECRET) return void response.writeHead(401).end();
    if ((request.url ?? '').includes('token=panic')) return void response.writeHead(500, { 'content-type': 'text/plain' }).end('stack trace at 10.0.0.7');
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="x.csv"', 'set-cookie': 'internal=1' }).end('a,b\n1,2\n');
  });
}

const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers, socket: { remoteAddress: '10.1.1.1' } }) as unknown as IncomingMessage;
const text = async (reply: HttpReply | undefined) => {
  if (!reply || typeof reply.body === 'string') return reply?.body;
  let out = '';
  for await (const chunk of reply.body as AsyncIterable<Uint8Array>) out += Buffer.from(chunk).toString('utf8');
  return out;
};

describe('the gateway forwards analytics downloads: report files by signed link, the case export for signed-in readers', () => {
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];
  let stub: Server;
  let forward: NonNullable<ReturnType<typeof analyticsDownloadForwarder>>;
  const next = jest.fn(async () => undefined);
  const admit = jest.fn(async () => true);

  beforeAll(async () => {
    stub = analyticsStub(received);
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
    const logger = createLogger({ service: 'gateway', level: 'silent' });
    forward = analyticsDownloadForwarder({ name: 'analytics', url, secret: SECRET, urlFromEnvironment: true }, (name, at) => new SubgraphDataSource(name, at, SECRET, { timeoutMs: 2000, logger }), {
      logger,
      admit,
      verifyToken: async (token) => {
        if (token !== 'good') throw new InvalidTokenError('bad signature');
        return STAFF;
      },
    }, next) as typeof forward;
  });
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    next.mockClear();
  });

  it('forwards a report file with its one token and no identity, within the limit without a token, passing back only the file headers', async () => {
    const reply = await forward(new URL(`http://gw/reports/${REPORT_ID.toUpperCase()}/report-zh-CN.pdf?token=v1.a%2Bb.1.sig`), request('GET'));
    expect(reply?.status).toBe(200);
    expect(reply?.headers).toEqual({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="x.csv"' });
    expect(await text(reply)).toBe('a,b\n1,2\n');
    expect(received.map((r) => r.url)).toEqual([`/reports/${REPORT_ID}/report-zh-CN.pdf?token=v1.a%2Bb.1.sig`]);
    expect(received[0].headers['x-carebridge-user-id']).toBeUndefined();
    expect(admit).toHaveBeenCalled();
  });

  it('forwards the export with its parameters and the verified identity; refuses it without a bearer token or with other parameters', async () => {
    const reply = await forward(new URL('http://gw/exports/cases.csv?kind=MONTH&date=2026-11-10&filter=CHANNEL:PHONE'), request('GET', { authorization: 'Bearer good' }));
    expect(reply?.status).toBe(200);
    expect(received.map((r) => r.url)).toEqual(['/exports/cases.csv?kind=MONTH&date=2026-11-10&filter=CHANNEL:PHONE']);
    expect(Object.values(received[0].headers).join(' ')).toContain('sup-sue');
    expect((await forward(new URL('http://gw/exports/cases.csv?kind=MONTH&date=2026-11-10'), request('GET')))?.status).toBe(401);
    expect((await forward(new URL('http://gw/exports/cases.csv?kind=MONTH&date=2026-11-10'), request('GET', { authorization: 'Bearer bad' })))?.status).toBe(401);
    expect((await forward(new URL('http://gw/exports/cases.csv?kind=MONTH&debug=1'), request('GET', { authorization: 'Bearer good' })))?.status).toBe(400);
    expect(received).toHaveLength(1);
  });

  it('passes any other path on, refuses a report path with other parameters, and hides a failing subgraph behind 503', async () => {
    for (const path of [`/reports/${REPORT_ID}/other.pdf?token=t`, `/reports/not-a-uuid/report.csv?token=t`, '/exports/other.csv', '/documents/x?token=t']) {
      await forward(new URL(`http://gw${path}`), request('GET'));
    }
    expect(next).toHaveBeenCalledTimes(4);
    expect((await forward(new URL(`http://gw/reports/${REPORT_ID}/report.csv?token=t&x=1`), request('GET')))?.status).toBe(400);
    const failed = await forward(new URL(`http://gw/reports/${REPORT_ID}/report.csv?token=panic`), request('GET'));
    expect(failed?.status).toBe(503);
    expect(await text(failed)).not.toContain('10.0.0.7');
  });
});
