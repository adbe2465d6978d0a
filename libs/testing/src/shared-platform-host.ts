// Holds the shared platform of an end-to-end run (shared-platform.ts): starts it, describes it in
// the file named by its argument, and stops it on SIGTERM (the run's global teardown) or when the
// test process that started it goes away (its stdin closes).
//   node --require tools/register.js libs/testing/src/shared-platform-host.ts <description file>
import { renameSync, writeFileSync } from 'node:fs';
import { startPlatformUnderTest } from './platform-under-test';
import type { SharedPlatformDescription } from './shared-platform';

async function hold(file: string): Promise<void> {
  // Listening from the start: a run that ends while the platform starts still gets it stopped.
  let stopRequested = false;
  let stop = () => {
    stopRequested = true;
  };
  const requestStop = () => stop();
  process.once('SIGTERM', requestStop);
  process.once('SIGINT', requestStop);
  process.stdin.once('end', requestStop);
  process.stdin.once('close', requestStop);
  process.stdin.resume();
  const platform = await startPlatformUnderTest();
  let stopping: Promise<void> | undefined;
  stop = () => {
    stopping ??= platform.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shared platform: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  if (stopRequested) return stop();
  const { options: gateway } = platform.gateway;
  const description: SharedPlatformDescription = {
    pid: process.pid,
    jwtSecret: String(platform.gateway.options.env.JWT_SECRET),
    gatewayUrl: platform.gatewayUrl,
    gateway: { ...gateway, onOutput: undefined },
    subgraphs: [...platform.subgraphs].map(([name, subgraph]) => [name, { ...subgraph.options, onOutput: undefined }]),
  };
  // Written whole, then renamed: a reader never sees half a description.
  writeFileSync(`${file}.part`, JSON.stringify(description), { mode: 0o600 });
  renameSync(`${file}.part`, file);
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: shared-platform-host.ts <description file>\n');
  process.exit(2);
}
hold(file).catch((error: unknown) => {
  process.stderr.write(`shared platform did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
