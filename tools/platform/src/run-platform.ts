import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, setting } from '@carebridge/config';
import { REPOSITORY_ROOT, startEmbeddedPostgres, startPlatform, type LocalPostgres, type RunningPlatform } from '@carebridge/local-platform';
import { z } from 'zod';
import { formatLogLine } from './log-format';
import { seedDemoData } from './seed';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The platform as `npm start` runs it (start.ts starts this in a process group of its own). Without
 * DATABASE_URL an embedded PostgreSQL keeps its data under .data/postgres (git-ignored), so a
 * restart keeps what was entered. SIGTERM, SIGINT or the end of stdin (start.ts gone) stop it in
 * order: the gateway, then the subgraphs, each draining its requests and stopping its relay and
 * consumer, then PostgreSQL, which nothing needs any more by then.
 *   --demo   loads demo customers and complaints once the platform is up, and 400 days of analytics history
 */
async function main(): Promise<void> {
  const settings = loadConfig({
    DATABASE_URL: setting.url(['postgres', 'postgresql']).optional(),
    EMBEDDED_POSTGRES_PORT: setting.port(5433),
    EMBEDDED_POSTGRES_DATA_DIR: z.string().min(1).default(join(REPOSITORY_ROOT, '.data', 'postgres')),
    SERVICE_START_TIMEOUT_MS: setting.milliseconds(150_000),
  });
  const demo = process.argv.includes('--demo');
  const color = process.stdout.isTTY;
  const print = (service: string, line: string) => process.stdout.write(`${formatLogLine(service, line, color)}\n`);

  let postgres: LocalPostgres | undefined;
  let platform: RunningPlatform | undefined;
  let starting = true;
  let stopping = false;
  const stopInOrder = async () => {
    await platform?.stop();
    if (postgres) print('postgres', 'stopping PostgreSQL');
    await postgres?.stop();
  };
  const exitAfter = (stop: Promise<void>) =>
    stop.then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`Carebridge did not stop cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(starting ? '\nStopping Carebridge once what is starting has started…\n' : '\nStopping Carebridge…\n');
    if (!starting) void exitAfter(stopInOrder());
  };
  for (const signal of SIGNALS) process.on(signal, shutdown);
  process.stdin.on('end', shutdown).resume();

  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    print('postgres', `starting embedded PostgreSQL on port ${settings.EMBEDDED_POSTGRES_PORT} (data in ${settings.EMBEDDED_POSTGRES_DATA_DIR})`);
    const ours = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
    postgres = await startEmbeddedPostgres({ dataDir: settings.EMBEDDED_POSTGRES_DATA_DIR, port: settings.EMBEDDED_POSTGRES_PORT, persistent: true });
    // embedded-postgres (through async-exit-hook) stops its servers at the first signal, whatever
    // still uses them: here PostgreSQL stops last, in stopInOrder.
    for (const signal of SIGNALS) for (const listener of process.listeners(signal)) if (!ours.get(signal)?.includes(listener)) process.off(signal, listener);
    databaseUrl = postgres.url;
  }
  // Traces go to a file that `npm run traces` reads, unless OTEL_* variables send them elsewhere (docs/operations.md).
  const tracesFile = process.env.OTEL_TRACES_EXPORTER || process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? undefined : (process.env.CAREBRIDGE_TRACES_FILE ?? join(REPOSITORY_ROOT, '.data', 'traces.jsonl'));
  if (tracesFile) {
    mkdirSync(dirname(tracesFile), { recursive: true });
    writeFileSync(tracesFile, '');
  }
  if (!stopping) {
    platform = await startPlatform({ databaseUrl, ports: 'default', onOutput: print, startTimeoutMs: settings.SERVICE_START_TIMEOUT_MS, env: { ...(tracesFile ? { CAREBRIDGE_TRACES_FILE: tracesFile } : {}), ...(demo ? { ANALYTICS_DEMO_HISTORY_DAYS: '400' } : {}) } }).catch(async (error) => {
        await postgres?.stop();
        throw error;
      });
  }
  starting = false;
  if (stopping || !platform) return void (await exitAfter(stopInOrder()));

  if (demo) await seedDemoData(platform.gatewayUrl, (line) => print('seed', line));
  process.stdout.write(
    `\nCarebridge is running: ${platform.gatewayUrl.replace('127.0.0.1', 'localhost')}\n` +
      `  get a token:  npm run token -- --role agent\n` +
      (tracesFile ? `  traces:       npm run traces (written to ${tracesFile})\n` : '') +
      `  mail:         every mail goes to the local SMTP catcher on 127.0.0.1:2525; read it with { developmentMailbox { subject text } }\n` +
      `  stop:         Ctrl-C\n\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.name === 'ConfigurationError' ? error.message : (error.stack ?? error.message)}\n`);
  process.exit(1);
});
