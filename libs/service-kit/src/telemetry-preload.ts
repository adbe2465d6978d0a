// Loaded with `--require` before a service's entry (apps/<name>/src/main.ts, or main.js when
// compiled): tracing starts before the service's first import, so http, undici, graphql, pg and
// kafkajs load patched. Any other process (a health check's `node -e`) starts nothing.

const SERVICE_ENTRY = /apps[\\/]([^\\/]+)[\\/]src[\\/]main\.[jt]s$/;
const project = process.argv
  .slice(1)
  .map((arg) => SERVICE_ENTRY.exec(arg)?.[1])
  .find((name) => name !== undefined);
// With OTEL_SDK_DISABLED=true (as the end-to-end harness sets it, but for the tracing test) not even
// OpenTelemetry's modules are loaded: they cost a second or two of CPU at every start.
if (project && process.env.OTEL_SDK_DISABLED !== 'true') {
  (require('./telemetry') as typeof import('./telemetry')).startTelemetry({ serviceName: project });
}

export {};
