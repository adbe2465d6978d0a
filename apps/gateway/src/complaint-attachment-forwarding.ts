import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { acceptedRequestId, type Identity, IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { headerValue, type HttpReply, type Logger } from '@carebridge/service-kit';
import { anonymousRefusal, fileRequestCaller, linkToken, PASSED_FILE_HEADERS, unavailable } from './file-link-requests';
import type { SubgraphEndpoint } from './gateway.settings';

type Route = (url: URL, request: IncomingMessage) => Promise<HttpReply | undefined>;

/** `PUT /complaint-attachments/uploads/<id>?token=…` and `GET /complaint-attachments/<id>?token=…`: nothing else is forwarded. */
const ATTACHMENT_PATH = /^\/complaint-attachments\/(uploads\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Complaint attachments by signed link, the way documents are forwarded (document-download.ts): an
 * upload is the file PUT to its upload link, a download a GET of its download link. Only those path
 * shapes, one bounded `token`; the complaint service gets its secret, a request id, the verified
 * identity if a bearer token came, the body of a PUT as it streams (the service bounds its size and
 * checks its content) and nothing else the client sent. Requests without a token count against the
 * anonymous limit. A service that is down or failing is 503 SERVICE_UNAVAILABLE; tokens are never logged.
 */
export function complaintAttachmentForwarder(
  endpoint: SubgraphEndpoint | undefined,
  options: { logger: Logger; timeoutMs: number; admit?: (client: string) => Promise<boolean>; verifyToken?: (token: string) => Promise<Identity> },
  next?: Route,
): Route | undefined {
  if (!endpoint) return next;
  const origin = new URL(endpoint.url).origin;
  const { secret } = endpoint;
  const { logger, timeoutMs, admit, verifyToken } = options;

  return async function forwardComplaintAttachment(url, request) {
    const match = ATTACHMENT_PATH.exec(url.pathname);
    const upload = !!match?.[1];
    if (!match || (upload ? request.method !== 'PUT' : request.method !== 'GET')) return next?.(url, request);
    const attachmentId = match[2].toLowerCase();
    const requestId = acceptedRequestId(headerValue(request, IDENTITY_HEADERS.requestId), randomUUID);
    const link = linkToken(url, 'An attachment link');
    if ('refusal' in link) return link.refusal;
    const { token } = link;
    const caller = await fileRequestCaller(request, verifyToken);
    if ('refusal' in caller) return caller.refusal;
    const { identity } = caller;
    const limited = await anonymousRefusal(request, identity, admit);
    if (limited) return limited;
    let response: Response;
    try {
      response = await fetch(`${origin}/complaint-attachments/${upload ? 'uploads/' : ''}${attachmentId}?token=${encodeURIComponent(token)}`, {
        method: upload ? 'PUT' : 'GET',
        headers: { ...(identity ? identityToHeaders(identity) : {}), [IDENTITY_HEADERS.secret]: secret, [IDENTITY_HEADERS.requestId]: requestId },
        ...(upload ? { body: Readable.toWeb(request) as unknown as BodyInit, duplex: 'half' } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      } as RequestInit);
    } catch {
      logger.warn({ requestId, attachmentId, service: endpoint.name }, 'complaint attachment: complaint unreachable');
      return unavailable(endpoint.name);
    }
    if (response.status >= 500 || response.status === 401 || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      logger.warn({ requestId, attachmentId, service: endpoint.name, status: response.status }, 'complaint attachment: complaint failed');
      return unavailable(endpoint.name);
    }
    logger.info({ requestId, attachmentId, status: response.status, upload }, 'complaint attachment forwarded');
    const headers: Record<string, string> = {};
    for (const name of PASSED_FILE_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { status: response.status, headers, body: response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : '' };
  };
}
