import { appendFileSync } from 'node:fs';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { tracing } from '@opentelemetry/sdk-node';

type ReadableSpan = tracing.ReadableSpan;
type SpanExporter = tracing.SpanExporter;

/** One finished span as a line of the development trace file (read by `npm run traces`). */
export interface TraceFileSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  startTime: string;
  durationMs: number;
  status: number;
  statusMessage?: string;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
}

/**
 * Writes finished spans as JSON lines to one file that every local process appends to, so that
 * `npm start` shows traces without a collector. OpenTelemetry ships console and OTLP exporters but
 * none for a file; this is the development counterpart of OTLP, not a production exporter.
 */
export class TraceFileExporter implements SpanExporter {
  constructor(private readonly file: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      // Synchronous: a process that exits right after a span still leaves it in the file.
      appendFileSync(this.file, spans.map((span) => `${JSON.stringify(toLine(span))}\n`).join(''));
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  /** Nothing is buffered: each export is on disk when it returns. */
  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

function toLine(span: ReadableSpan): TraceFileSpan {
  const [seconds, nanos] = span.startTime;
  const [durationSeconds, durationNanos] = span.duration;
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: span.kind,
    service: String(span.resource.attributes['service.name'] ?? 'unknown'),
    startTime: new Date(seconds * 1000 + nanos / 1e6).toISOString(),
    durationMs: Math.round((durationSeconds * 1000 + durationNanos / 1e6) * 1000) / 1000,
    status: span.status.code,
    ...(span.status.message ? { statusMessage: span.status.message } : {}),
    attributes: span.attributes,
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
  };
}
