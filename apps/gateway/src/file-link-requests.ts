import type { IncomingMessage } from 'node:http';
import { type Identity, InvalidTokenError } from '@carebridge/auth';
import { headerValue, type HttpReply } from '@carebridge/service-kit';

/**
 * What the gateway's file routes (documents, complaint attachments, report and export downloads)
 * check alike before forwarding to the service that holds the file: the signed link, the caller's
 * bearer token when one is sent, and the limit of requests without a token.
 */

/** A link's query is its token; anything longer is not one of ours. */
export const MAX_LINK_QUERY_LENGTH = 2048;
/** The file's headers the gateway passes on; nothing else of the service's answer reaches the client. */
export const PASSED_FILE_HEADERS = ['content-type', 'content-disposition', 'content-length', 'cache-control', 'x-content-type-options'];

export function jsonError(status: number, message: string, extensions: Record<string, unknown>): HttpReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify({ error: { message, extensions } }) };
}

export function unavailable(serviceName: string): HttpReply {
  return jsonError(503, `The ${serviceName} service is unavailable; try again later`, { code: 'SERVICE_UNAVAILABLE', serviceName });
}

/** The link's token, when the query is exactly `token=<signed link>`; otherwise the refusal (`what`: "A document download"). */
export function linkToken(url: URL, what: string): { token: string } | { refusal: HttpReply } {
  const token = url.searchParams.get('token');
  if (url.search.length > MAX_LINK_QUERY_LENGTH || !token || [...url.searchParams.keys()].some((key) => key !== 'token') || url.searchParams.getAll('token').length !== 1) {
    return { refusal: jsonError(400, `${what} takes exactly one query parameter: token, the signed link`, { code: 'BAD_USER_INPUT', field: 'token' }) };
  }
  return { token };
}

/** The caller: none without an Authorization header, the verified identity with one, or the refusal of a bad one. */
export async function fileRequestCaller(
  request: IncomingMessage,
  verifyToken: ((token: string) => Promise<Identity>) | undefined,
): Promise<{ identity?: Identity } | { refusal: HttpReply }> {
  const authorization = (headerValue(request, 'authorization') ?? '').trim();
  if (!authorization || !verifyToken) return {};
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization);
  if (!bearer) return { refusal: jsonError(401, 'Authentication required: send a bearer token, or none with a signed link', { code: 'UNAUTHENTICATED' }) };
  try {
    return { identity: await verifyToken(bearer[1]) };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { refusal: jsonError(401, `The bearer token was refused: ${error.message}`, { code: 'UNAUTHENTICATED' }) };
    throw error;
  }
}

/** Links are not guessable, but nor may they be tried at speed: the same limit as GraphQL without a token. */
export async function anonymousRefusal(request: IncomingMessage, identity: Identity | undefined, admit?: (client: string) => Promise<boolean>): Promise<HttpReply | undefined> {
  if (identity || !admit || (await admit(request.socket.remoteAddress ?? 'unknown'))) return undefined;
  return jsonError(429, 'Too many requests without a token; try again in a minute', { code: 'BAD_REQUEST', reason: 'RATE_LIMITED' });
}
