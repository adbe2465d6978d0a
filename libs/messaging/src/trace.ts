import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * W3C trace context carried from the client request through the outbox and across services, so
 * one trace id follows a complaint from the gateway into every consumer's effects.
 */
const storage = new AsyncLocalStorage<string>();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** The same trace, a new span: what a step caused by `parent` carries. */
export function childTraceparent(parent: string | undefined): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (!match) return newTraceparent();
  return `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
}

export function currentTraceparent(): string | undefined {
  return storage.getStore();
}

export function withTrace<T>(traceparent: string | undefined, work: () => T): T {
  return storage.run(childTraceparent(traceparent), work);
}
