import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Identity, IDENTITY_HEADERS, identityToHeaders, InvalidTokenError } from '@carebridge/auth';
import { headerValue, type HttpReply, type Logger } from '@carebridge/service-kit';
import type { SubgraphEndpoint } from './gateway.settings';

/** `GET /documents/<document id>?token=<signed link>`: nothing else of the path is forwarded. */
const DOCUMENT_PATH = /^\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** after-sales' answer to `head=1`: the size of the file a GET would send (see document-download.route.ts there). */
const FILE_SIZE_HEADER = 'x-carebridge-file-size';
/** A link's token is a few hundred characters; anything much longer is not one. */
export const MAX_DOCUMENT_QUERY_LENGTH = 2048;
/** The response headers passed back to the client; every other one the subgraph sends stays behind. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control', 'x-content-type-options'];

/**
 * The one path the gateway forwards besides GraphQL: a browser or customer app downloading a
 * document from its signed link (after-sales' `GET /documents/<id>?token=…`). Only that path shape,
 * GET or HEAD, one `token` of bounded length; the subgraph is called with its secret and a request id
 * and nothing the client sent but the token — and, when the client sends a bearer token, the
 * identity the gateway verified from it, so the download is audited as that user (a refused bearer
 * token is 401, as on /graphql). Requests without one count against the limit of requests without a
 * token. The file streams back with its status, type, name and length; a HEAD gets the same status
 * and headers and no body. A refused link comes back as after-sales' JSON error with its status; a
 * subgraph that is down, slow, failing or refusing the gateway is 503 `SERVICE_UNAVAILABLE`. Neither
 * token is ever logged.
 */
export function documentDownloadForwarder(
  endpoint: SubgraphEndpoint,
  options: {
    timeoutMs: number;
    logger: Logger;
    /** Counts one request without a token against its client's limit; false when over it. */
    admit?: (client: string) => boolean;
    /** Verifies a bearer token as the gateway does for GraphQL (throws InvalidTokenError). */
    verifyToken?: (token: string) => Promise<Identity>;
  },
) {
  const origin = new URL(endpoint.url).origin;
  const { logger, timeoutMs, admit, verifyToken } = options;

  return async function forwardDocumentDownload(url: URL, request: IncomingMessage): Promise<HttpReply | undefined> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const documentId = DOCUMENT_PATH.exec(url.pathname)?.[1];
    if (!documentId) return undefined;
    const requestId = safeRequestId(headerValue(request, IDENTITY_HEADERS.requestId));
    const token = url.searchParams.get('token');
    if (url.search.length > MAX_DOCUMENT_QUERY_LENGTH || !token || [...url.searchParams.keys()].some((key) => key !== 'token') || url.searchParams.getAll('token').length !== 1) {
      return jsonError(400, 'A document download takes exactly one query parameter: token, the signed link', { code: 'BAD_USER_INPUT', field: 'token' });
    }
    let identity: Identity | undefined;
    const authorization = (headerValue(request, 'authorization') ?? '').trim();
    if (authorization && verifyToken) {
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization);
      if (!bearer) return jsonError(401, 'Authentication required: send a bearer token, or none with a signed link', { code: 'UNAUTHENTICATED' });
      try {
        identity = await verifyToken(bearer[1]);
      } catch (error) {
        if (error instanceof InvalidTokenError) return jsonError(401, `The bearer token was refused: ${error.message}`, { code: 'UNAUTHENTICATED' });
        throw error;
      }
    }
    // Links are not guessable, but nor may they be tried at speed: the same limit as GraphQL without a token.
    if (!identity && admit && !admit(request.socket.remoteAddress ?? 'unknown')) {
      return jsonError(429, 'Too many requests without a token; try again in a minute', { code: 'BAD_REQUEST', reason: 'RATE_LIMITED' });
    }
    const head = request.method === 'HEAD';

    const controller = new AbortController();
    // The limit holds until the subgraph answers; a large file may then take longer to stream.
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      // Subgraph routes answer GET only: a HEAD asks after-sales with `head=1` for the headers without the file.
      response = await fetch(`${origin}/documents/${documentId.toLowerCase()}?token=${encodeURIComponent(token)}${head ? '&head=1' : ''}`, {
        method: 'GET',
        headers: { ...(identity ? identityToHeaders(identity) : {}), [IDENTITY_HEADERS.secret]: endpoint.secret, [IDENTITY_HEADERS.requestId]: requestId },
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      logger.warn({ requestId, documentId, reason: controller.signal.aborted ? 'timeout' : ((error as Error).name ?? 'error') }, 'document download: after-sales unreachable');
      return unavailable(endpoint.name);
    } finally {
      clearTimeout(timer);
    }

    // A failure, a refusal of the gateway's secret or anything unexpected: the client learns only that the service is unavailable.
    if (response.status >= 500 || response.status === 401 || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      logger.warn({ requestId, documentId, status: response.status }, 'document download: after-sales failed');
      return unavailable(endpoint.name);
    }
    logger.info({ requestId, documentId, status: response.status }, 'document download forwarded');
    const headers: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (response.status !== 200) headers['cache-control'] = 'no-store';
    if (head) {
      await response.body?.cancel().catch(() => undefined);
      const size = response.headers.get(FILE_SIZE_HEADER);
      if (response.status === 200 && size && /^\d+$/.test(size)) headers['content-length'] = size;
      return { status: response.status, headers, body: '' };
    }
    return {
      status: response.status,
      headers,
      body: response.body ? (Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>) as AsyncIterable<Uint8Array>) : '',
    };
  };
}

function safeRequestId(given: string | undefined): string {
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

function unavailable(serviceName: string): HttpReply {
  return jsonError(503, `The ${serviceName} service is unavailable; try the download again later`, { code: 'SERVICE_UNAVAILABLE', serviceName });
}

function jsonError(status: number, message: string, extensions: Record<string, unknown>): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ error: { message, extensions } }),
  };
}
