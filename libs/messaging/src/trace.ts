import { type Context, type Link, ROOT_CONTEXT, context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';

/**
 * Trace context across the event hop, through the OpenTelemetry API (a no-op until a process
 * registers the SDK). An event carries two W3C trace contexts:
 * - `ce_traceparent` (the CloudEvents distributed-tracing extension in Kafka binary mode): the
 *   outbox write that recorded it, inside the request or reaction that caused it; it never changes;
 * - `traceparent`: the hop itself, the relay's publish (Kafka's instrumentation replaces it with its
 *   send span).
 * A consumer continues the first (one trace from the client's request to every service's effect)
 * and links to the second.
 */
export const EVENT_TRACE_HEADER = 'ce_traceparent';
export const TRANSPORT_TRACE_HEADER = 'traceparent';

export const messagingTracer = () => trace.getTracer('@carebridge/messaging');

/** The W3C traceparent of `ctx` (the active context by default); undefined when nothing is traced. */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/** The context a traceparent names, as the parent of what follows from it; the root context without one. */
export function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** A span link to the span a traceparent names, if it names a valid one. */
export function linkTo(traceparent: string | undefined): Link | undefined {
  const spanContext = trace.getSpanContext(contextOf(traceparent));
  return spanContext && isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}
