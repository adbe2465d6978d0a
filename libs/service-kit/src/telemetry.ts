import type { IncomingMessage } from 'node:http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { TraceFileExporter } from './trace-file-exporter';

// This module is loaded before anything else of a process (telemetry-preload.ts), so it imports
// only OpenTelemetry: the instrumentations patch http, undici, graphql, pg and kafkajs as they load.

export interface TelemetryOptions {
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Exports to these instead of what the environment configures (tests: an in-memory exporter). */
  spanProcessors?: tracing.SpanProcessor[];
}

let running: NodeSDK | undefined;

/** Paths orchestrators and Prometheus poll: never traced. */
const UNTRACED_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

/**
 * Starts OpenTelemetry tracing for a Carebridge process: W3C trace context in and out, spans of
 * HTTP (server and client), undici (the gateway's subgraph calls), GraphQL, SQL (only inside a
 * traced operation: no spans for the relay's and consumers' polling) and Kafka.
 *
 * Where spans go follows the standard variables: `OTEL_TRACES_EXPORTER` (otlp, console, zipkin,
 * none), `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_TRACES_SAMPLER(_ARG)`, `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_SDK_DISABLED`. `CAREBRIDGE_TRACES_FILE` writes them as JSON lines
 * to a file instead (`npm start`). With none of these, spans are made (log lines carry their ids,
 * subgraph calls their traceparent) and not exported.
 */
export function startTelemetry(options: TelemetryOptions): NodeSDK | undefined {
  const env = options.env ?? process.env;
  if (running || env.OTEL_SDK_DISABLED === 'true') return running;
  const exportConfigured = Boolean(env.OTEL_TRACES_EXPORTER || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const spanProcessors =
    options.spanProcessors ??
    (env.CAREBRIDGE_TRACES_FILE
      ? // Each span written as it ends: a development file, read while the platform runs.
        [new tracing.SimpleSpanProcessor(new TraceFileExporter(env.CAREBRIDGE_TRACES_FILE))]
      : exportConfigured
        ? undefined // NodeSDK builds the exporters the OTEL_* variables name, behind a batch processor.
        : [new tracing.NoopSpanProcessor()]);
  running = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    ...(spanProcessors ? { spanProcessors } : {}),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
        // Undici's own instrumentation traces the gateway's calls; node:http clients are the rest.
        requireParentforOutgoingSpans: true,
      }),
      // The gateway's readiness probes of its subgraphs are not traced.
      new UndiciInstrumentation({ ignoreRequestHook: (request) => UNTRACED_PATHS.test(request.path) }),
      // No argument values (personal data); one span per field path of a list, not per item.
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      // Statement text without parameter values.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new KafkaJsInstrumentation(),
    ],
  });
  running.start();
  return running;
}

/** Sends the spans still buffered and stops; a process calls it before it exits. */
export async function stopTelemetry(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown().catch(() => undefined);
}
