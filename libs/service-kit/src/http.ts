import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Logger } from './logger';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

/** What a route answers: a status, headers and a body (bytes, text, or chunks streamed as they come). */
export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body: Uint8Array | string | AsyncIterable<Uint8Array>;
}

export interface HttpHostOptions<TContext extends BaseContext> {
  port: number;
  host: string;
  apollo: ApolloServer<TContext>;
  context: (request: IncomingMessage) => Promise<TContext>;
  /** Runs before GraphQL; returns a reason to refuse the request with 401. */
  refuse?: (request: IncomingMessage) => string | undefined;
  readiness: () => Promise<Readiness>;
  /** Prometheus text for `GET /metrics`. */
  metrics?: () => Promise<string>;
  /** Operator endpoints behind the same refusal check as GraphQL; undefined when not handled. */
  operatorRoutes?: (url: URL, request: IncomingMessage, body: () => Promise<string | undefined>) => Promise<{ status: number; body: unknown } | undefined>;
  /** A service's own GET routes (file downloads and the like) behind the same refusal check as GraphQL; undefined when not handled. */
  routes?: (url: URL, request: IncomingMessage) => Promise<HttpReply | undefined>;
  /** Whether `routes` also answer HEAD (the reply's body is then not sent); GET only by default. */
  routesAnswerHead?: boolean;
  /** Runs each GraphQL request inside a scope (e.g. its trace context). */
  scope?: <T>(request: IncomingMessage, run: () => Promise<T>) => Promise<T>;
  logger: Logger;
  maxBodyBytes?: number;
  /** Runs first on every request: may set headers (CORS) and answer it itself (a preflight); true when it answered. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface HttpHost {
  url: string;
  port: number;
  /** Stops taking requests, waits for those in flight (up to `timeoutMs`), then closes. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * The one HTTP front every Carebridge process uses: `/graphql` for Apollo, `/healthz` (alive) and
 * `/readyz` (dependencies reachable) for orchestrators, and a drain on shutdown.
 */
export async function hostApollo<TContext extends BaseContext>(options: HttpHostOptions<TContext>): Promise<HttpHost> {
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;
  const maxBody = options.maxBodyBytes ?? 1_000_000;

  const server: Server = createServer((request, response) => {
    inFlight += 1;
    response.on('close', () => {
      inFlight -= 1;
      if (draining && inFlight === 0) drained?.();
    });
    handle(request, response).catch((error) => {
      options.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.intercept?.(request, response)) return;
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(response, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
    if (url.pathname === '/readyz') {
      const readiness = draining ? { ready: false, details: { draining: true } } : await options.readiness();
      return sendJson(response, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', ...readiness.details });
    }
    if (url.pathname === '/metrics' && options.metrics) {
      response.setHeader('content-type', 'text/plain; version=0.0.4');
      response.end(await options.metrics());
      return;
    }
    // PUT reaches only routes that declare it (an upload); the routes callback refuses it for the others.
    const routeMethod = request.method === 'GET' || request.method === 'PUT' || (options.routesAnswerHead === true && request.method === 'HEAD');
    if (options.routes && routeMethod && url.pathname !== '/graphql' && url.pathname !== '/') {
      if (options.refuse?.(request)) return sendJson(response, 401, { error: 'unauthenticated' });
      const reply = await options.routes(url, request);
      if (reply) {
        response.statusCode = reply.status;
        for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
        if (typeof reply.body === 'string' || reply.body instanceof Uint8Array) {
          response.end(reply.body);
          return;
        }
        for await (const chunk of reply.body) {
          if (response.destroyed) break;
          if (!response.write(chunk)) await new Promise<void>((resolve) => { response.once('drain', resolve); response.once('close', resolve); });
        }
        response.end();
        return;
      }
    }
    if (options.operatorRoutes && url.pathname !== '/graphql' && url.pathname !== '/') {
      if (options.refuse?.(request)) return sendJson(response, 401, { error: 'unauthenticated' });
      const handled = await options.operatorRoutes(url, request, () => readBody(request, maxBody));
      if (handled) return sendJson(response, handled.status, handled.body);
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(response, 404, { error: 'not found' });
    if (draining) {
      response.setHeader('connection', 'close');
      return sendJson(response, 503, { errors: [{ message: 'Server is shutting down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    const refusal = options.refuse?.(request);
    if (refusal) return sendJson(response, 401, { errors: [{ message: refusal, extensions: { code: 'UNAUTHENTICATED' } }] });

    const raw = await readBody(request, maxBody);
    if (raw === undefined) return sendJson(response, 413, { errors: [{ message: `Request body exceeds ${maxBody} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if (raw.length > 0 && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(response, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const execute = () =>
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: () => options.context(request),
      });
    const result = options.scope ? await options.scope(request, execute) : await execute();
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/graphql`,
    async close(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), delay(timeoutMs)]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
