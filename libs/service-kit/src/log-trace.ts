import { isSpanContextValid, trace } from '@opentelemetry/api';

/** pino's mixin: every log line written inside a span carries its trace and span ids (OpenTelemetry's log field names). */
export function traceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId, trace_flags: `0${spanContext.traceFlags.toString(16)}` };
}
