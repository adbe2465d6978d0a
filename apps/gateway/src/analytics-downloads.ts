import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { acceptedRequestId, type Identity, IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { headerValue, type HttpReply, type Logger } from '@carebridge/service-kit';
import type { Dispatcher } from 'undici';
import { anonymousRefusal, fileRequestCaller, jsonError, linkToken, MAX_LINK_QUERY_LENGTH, PASSED_FILE_HEADERS, unavailable } from './file-link-requests';
import type { SubgraphEndpoint } from './gateway.settings';
import type { SubgraphDataSource } from './subgraph-data-source';

type Route = (url: URL, request: IncomingMessage) => Promise<HttpReply | undefined>;

/** A monthly report's file by signed link: `GET /reports/<report id>/<file>?token=…`. */
const REPORT_PATH = /^\/reports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(report-en\.pdf|report-zh-CN\.pdf|report\.csv)$/i;
/** The per-case export, for a signed-in analyst or supervisor: `GET /exports/cases.csv?kind=…&date=…`. */
const EXPORT_PATH = '/exports/cases.csv';
const EXPORT_PARAMETERS = new Set(['kind', 'date', 'from', 'to', 'caseKind', 'filter']);

/**
 * analytics' two downloads, forwarded like after-sales' documents (document-download.ts): the
 * monthly report's PDF and CSV by their signed link (a bearer token, when sent, is verified and the
 * identity passed on; without one, the limit of requests without a token applies), and the per-case
 * CSV export, which needs a bearer token (analytics checks the role and audits the export). Only
 * these path shapes and their parameters pass; the subgraph is called with its secret. Anything else
 * goes on to `next`. The file streams back; a subgraph that is down or failing is 503.
 */
export function analyticsDownloadForwarder(
  endpoint: SubgraphEndpoint | undefined,
  /** The gateway's data source of a subgraph: its pool of connections, its secret and its time limits. */
  sourceFor: (name: string, url: string) => SubgraphDataSource,
  options: { logger: Logger; admit?: (client: string) => Promise<boolean>; verifyToken?: (token: string) => Promise<Identity> },
  next?: Route,
): Route | undefined {
  if (!endpoint) return next;
  const analytics = sourceFor(endpoint.name, endpoint.url);
  const serviceName = endpoint.name;
  const { logger, admit, verifyToken } = options;

  return async function forwardAnalyticsDownload(url, request) {
    const report = request.method === 'GET' ? REPORT_PATH.exec(url.pathname) : null;
    const isExport = request.method === 'GET' && url.pathname === EXPORT_PATH;
    if (!report && !isExport) return next?.(url, request);
    const requestId = acceptedRequestId(headerValue(request, IDENTITY_HEADERS.requestId), randomUUID);
    if (url.search.length > MAX_LINK_QUERY_LENGTH) return jsonError(400, 'The query is too long', { code: 'BAD_USER_INPUT' });
    const caller = await fileRequestCaller(request, verifyToken);
    if ('refusal' in caller) return caller.refusal;
    const { identity } = caller;

    let path: string;
    if (report) {
      const link = linkToken(url, 'A report download');
      if ('refusal' in link) return link.refusal;
      const { token } = link;
      const limited = await anonymousRefusal(request, identity, admit);
      if (limited) return limited;
      path = `/reports/${report[1].toLowerCase()}/${report[2]}?token=${encodeURIComponent(token)}`;
    } else {
      if (!identity) return jsonError(401, 'Authentication required: exports need a bearer token', { code: 'UNAUTHENTICATED' });
      const unknown = [...url.searchParams.keys()].find((key) => !EXPORT_PARAMETERS.has(key));
      if (unknown) return jsonError(400, `An export takes only ${[...EXPORT_PARAMETERS].join(', ')}`, { code: 'BAD_USER_INPUT', field: unknown });
      path = `${EXPORT_PATH}${url.search}`;
    }

    let response: Dispatcher.ResponseData;
    try {
      response = await analytics.get(path, { ...(identity ? identityToHeaders(identity) : {}), [IDENTITY_HEADERS.requestId]: requestId });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      logger.warn({ requestId, service: serviceName, cause: /TIMEOUT/.test(code) ? 'timeout' : 'unreachable' }, 'analytics download: analytics unreachable');
      return unavailable(serviceName);
    }
    const status = response.statusCode;
    if (status >= 500 || status === 401 || (status >= 300 && status < 400)) {
      await response.body.dump().catch(() => undefined);
      logger.warn({ requestId, service: serviceName, status }, 'analytics download: analytics failed');
      return unavailable(serviceName);
    }
    logger.info({ requestId, status, download: report ? 'report' : 'export' }, 'analytics download forwarded');
    const headers: Record<string, string> = {};
    for (const name of PASSED_FILE_HEADERS) {
      const value = response.headers[name];
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    if (status !== 200) headers['cache-control'] = 'no-store';
    return { status, headers, body: response.body };
  };
}
