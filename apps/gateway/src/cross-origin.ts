import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import { IDENTITY_HEADERS } from '@carebridge/auth';

/**
 * CORS for the origins in CORS_ALLOWED_ORIGINS: a browser app on one of them may call the gateway
 * (its preflight is answered with 204), and a request from any other origin gets no CORS header at
 * all, so the browser keeps the answer from that page. No cookies are read, so no credentials mode.
 * Returns the hostApollo `intercept` hook: true when it answered the request (a preflight).
 */
export function crossOriginPolicy(allowedOrigins: readonly string[]): ((request: IncomingMessage, response: ServerResponse) => boolean) | undefined {
  if (allowedOrigins.length === 0) return undefined;
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  const handle = cors((request, callback) => {
    const origin = request.headers.origin;
    callback(
      null,
      origin && allowed.has(origin)
        ? {
            origin,
            methods: ['GET', 'HEAD', 'POST'],
            allowedHeaders: ['authorization', 'content-type', IDENTITY_HEADERS.requestId, 'idempotency-key', 'apollo-require-preflight', 'traceparent'],
            maxAge: 600,
          }
        : { origin: false },
    );
  });
  return (request, response) => {
    let passedOn = false;
    // With a delegate that answers at once, cors either calls `next` or ends the preflight before it returns.
    handle(request as never, response as never, () => {
      passedOn = true;
    });
    return !passedOn;
  };
}
