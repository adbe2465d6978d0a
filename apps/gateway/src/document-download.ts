import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { acceptedRequestId, type Identity, IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { headerValue, type HttpReply, type Logger } from '@carebridge/service-kit';
import type { Dispatcher } from 'undici';
import { anonymousRefusal, fileRequestCaller, linkToken, PASSED_FILE_HEADERS, unavailable } from './file-link-requests';
import type { SubgraphDataSource } from './subgraph-data-source';

/** `GET /documents/<document id>?token=<signed link>`: nothing else of the path is forwarded. */
const DOCUMENT_PATH = /^\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** after-sales' answer to `head=1`: the size of the file a GET would send (see document-download.route.ts there). */
const FILE_SIZE_HEADER = 'x-carebridge-file-size';

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
  /** after-sales' data source: its pool of connections, its secret and its time limit. */
  afterSales: SubgraphDataSource,
  options: {
    serviceName: string;
    logger: Logger;
    /** Counts one request without a token against its client's limit; false when over it. */
    admit?: (client: string) => Promise<boolean>;
    /** Verifies a bearer token as the gateway does for GraphQL (throws InvalidTokenError). */
    verifyToken?: (token: string) => Promise<Identity>;
  },
) {
  const { logger, admit, verifyToken, serviceName } = options;

  return async function forwardDocumentDownload(url: URL, request: IncomingMessage): Promise<HttpReply | undefined> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const documentId = DOCUMENT_PATH.exec(url.pathname)?.[1];
    if (!documentId) return undefined;
    const requestId = acceptedRequestId(headerValue(request, IDENTITY_HEADERS.requestId), randomUUID);
    const link = linkToken(url, 'A document download');
    if ('refusal' in link) return link.refusal;
    const { token } = link;
    const caller = await fileRequestCaller(request, verifyToken);
    if ('refusal' in caller) return caller.refusal;
    const { identity } = caller;
    const limited = await anonymousRefusal(request, identity, admit);
    if (limited) return limited;
    const head = request.method === 'HEAD';

    let response: Dispatcher.ResponseData;
    try {
      // Subgraph routes answer GET only: a HEAD asks after-sales with `head=1` for the headers without the file.
      // The pool's time limits hold until the subgraph answers and between chunks, so a large file may stream for longer.
      response = await afterSales.get(`/documents/${documentId.toLowerCase()}?token=${encodeURIComponent(token)}${head ? '&head=1' : ''}`, {
        ...(identity ? identityToHeaders(identity) : {}),
        [IDENTITY_HEADERS.requestId]: requestId,
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      logger.warn({ requestId, documentId, service: serviceName, cause: /TIMEOUT/.test(code) ? 'timeout' : 'unreachable' }, 'document download: after-sales unreachable');
      return unavailable(serviceName);
    }

    const status = response.statusCode;
    // A failure, a refusal of the gateway's secret or anything unexpected: the client learns only that the service is unavailable.
    if (status >= 500 || status === 401 || (status >= 300 && status < 400)) {
      await response.body.dump().catch(() => undefined);
      if (status === 401) {
        logger.error({ requestId, documentId, service: serviceName, cause: 'secret-refused', configurationError: true }, 'configuration error: after-sales refused the gateway\'s secret (SUBGRAPH_AFTER_SALES_SECRET)');
      } else {
        logger.warn({ requestId, documentId, service: serviceName, cause: 'status', status }, 'document download: after-sales failed');
      }
      return unavailable(serviceName);
    }
    logger.info({ requestId, documentId, status }, 'document download forwarded');
    const headerOf = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const headers: Record<string, string> = {};
    for (const name of PASSED_FILE_HEADERS) {
      const value = headerOf(name);
      if (value !== undefined) headers[name] = value;
    }
    if (status !== 200) headers['cache-control'] = 'no-store';
    if (head) {
      await response.body.dump().catch(() => undefined);
      const size = headerOf(FILE_SIZE_HEADER);
      if (status === 200 && size && /^\d+$/.test(size)) headers['content-length'] = size;
      return { status, headers, body: '' };
    }
    return { status, headers, body: response.body };
  };
}
