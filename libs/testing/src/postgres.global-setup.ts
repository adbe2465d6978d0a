import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest runs global setup outside its module map, where the @carebridge/* aliases do not resolve.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres, type LocalPostgres } from '../../local-platform/src/embedded-postgres';

/**
 * Jest global setup for suites on real Postgres: a throw-away embedded server for this run, or
 * the server in TEST_DATABASE_URL. Test files create their own databases on it.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.CAREBRIDGE_TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'carebridge-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false });
  (globalThis as { __carebridgePostgres?: LocalPostgres }).__carebridgePostgres = postgres;
  process.env.CAREBRIDGE_TEST_POSTGRES_URL = postgres.url;
}
