import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, setting } from '@carebridge/config';
import { REPOSITORY_ROOT, startEmbeddedPostgres, startPlatform, type LocalPostgres } from '@carebridge/local-platform';
import { formatLogLine } from './log-format';
import { seedDemoData } from './seed';

/**
 * `npm start`: the whole platform on this machine. Without DATABASE_URL an embedded PostgreSQL
 * keeps its data under .data/postgres (git-ignored), so a restart keeps what was entered.
 *   npm start [-- --demo]    (--demo loads demo customers and complaints once the platform is up, and 400 days of analytics history)
 */
async function main(): Promise<void> {
  const settings = loadConfig({
    DATABASE_URL: setting.url(['postgres', 'postgresql']).optional(),
    EMBEDDED_POSTGRES_PORT: setting.port(5433),
  });
  const demo = process.argv.includes('--demo');
  const color = process.stdout.isTTY;
  const print = (service: string, line: string) => process.stdout.write(`${formatLogLine(service, line, color)}\n`);

  let postgres: LocalPostgres | undefined;
  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    print('postgres', `starting embedded PostgreSQL on port ${settings.EMBEDDED_POSTGRES_PORT} (data in .data/postgres)`);
    postgres = await startEmbeddedPostgres({ dataDir: join(REPOSITORY_ROOT, '.data', 'postgres'), port: settings.EMBEDDED_POSTGRES_PORT, persistent: true });
    databaseUrl = postgres.url;
  }
  // Traces go to a file that `npm run traces` reads, unless OTEL_* variables send them elsewhere (docs/operations.md).
  const tracesFile = process.env.OTEL_TRACES_EXPORTER || process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? undefined : (process.env.CAREBRIDGE_TRACES_FILE ?? join(REPOSITORY_ROOT, '.data', 'traces.jsonl'));
  if (tracesFile) {
    mkdirSync(dirname(tracesFile), { recursive: true });
    writeFileSync(tracesFile, '');
  }
  const platform = await startPlatform({ databaseUrl, ports: 'default', onOutput: print, env: { ...(tracesFile ? { CAREBRIDGE_TRACES_FILE: tracesFile } : {}), ...(demo ? { ANALYTICS_DEMO_HISTORY_DAYS: '400' } : {}) } }).catch(async (error) => {
    await postgres?.stop();
    throw error;
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Carebridge…\n');
    await platform.stop();
    await postgres?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

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
