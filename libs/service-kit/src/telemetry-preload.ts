// Loaded with `--require` before a service's entry (apps/<name>/src/main.ts, or main.js when
// compiled): tracing starts before the service's first import, so http, undici, graphql, pg and
// kafkajs load patched. Any other process (a health check's `node -e`) starts nothing.
import { startTelemetry } from './telemetry';

const SERVICE_ENTRY = /apps[\\/]([^\\/]+)[\\/]src[\\/]main\.[jt]s$/;
const project = process.argv
  .slice(1)
  .map((arg) => SERVICE_ENTRY.exec(arg)?.[1])
  .find((name) => name !== undefined);
if (project) startTelemetry({ serviceName: project });
