import { rm } from 'node:fs/promises';
import stopTestPostgres from './postgres.global-teardown';
import { SHARED_PLATFORM_DIR_ENV, stopSharedPlatform } from './shared-platform-folder';

/** Stops the shared platform, if it was started, then the run's Postgres under it. */
export default async function teardown(): Promise<void> {
  const dir = process.env[SHARED_PLATFORM_DIR_ENV];
  try {
    if (dir) await stopSharedPlatform(dir);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    await stopTestPostgres();
  }
}
