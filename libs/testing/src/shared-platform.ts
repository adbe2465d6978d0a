import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type RunningPlatform, ServiceProcess, type ServiceProcessOptions } from '@carebridge/local-platform';
import { type PlatformUnderTest, startPlatformUnderTest, underTest } from './platform-under-test';
import { alive, inUseFile, runningSharedPlatform, SHARED_PLATFORM_DIR_ENV } from './shared-platform-folder';

/** What a test file needs to reach the shared platform, written by shared-platform-host.ts. */
export interface SharedPlatformDescription {
  /** The process that holds the platform: stopping it (SIGTERM) stops the platform. */
  pid: number;
  jwtSecret: string;
  gatewayUrl: string;
  gateway: ServiceProcessOptions;
  subgraphs: [string, ServiceProcessOptions][];
}

/**
 * The default-configured platform of this Jest run, started by the global setup (or the first test
 * file that asks) and stopped by the run's global teardown; `stop()` hands it back instead of
 * stopping it. It saves the 15–20 s a platform of its own costs, for files that
 * - need the default configuration only (no env), and do not stop, kill or restart a process;
 * - scope every assertion to the data they create themselves (their own customers, booking
 *   references, tags): other files have used the databases before, so no "the first page", no
 *   global counts, no job results that count other files' rows;
 * - may move the clock: it is set back to now when a file takes the platform and when it hands it back.
 * Files take it one at a time (a lock in the run's folder). Without the global setup (another Jest
 * project) this starts a platform of its own, as `startPlatformUnderTest()` does.
 */
export async function sharedPlatformUnderTest(): Promise<PlatformUnderTest> {
  const dir = process.env[SHARED_PLATFORM_DIR_ENV];
  if (!dir) return startPlatformUnderTest();
  await takeTurn(dir);
  try {
    const description = await describedPlatform(dir);
    const platform: RunningPlatform = {
      gatewayUrl: description.gatewayUrl,
      // Descriptions of the host's processes (options only): this file neither starts nor stops them.
      gateway: new ServiceProcess(description.gateway),
      subgraphs: new Map(description.subgraphs.map(([name, options]) => [name, new ServiceProcess(options)])),
      stop: async () => undefined,
    };
    const shared = underTest(platform, description.jwtSecret);
    // The clock as a fresh platform has it, whatever the file before moved it to.
    await shared.setTime(new Date());
    let handedBack = false;
    return {
      ...shared,
      async stop() {
        if (handedBack) return;
        handedBack = true;
        try {
          await shared.setTime(new Date());
        } finally {
          rmSync(inUseFile(dir), { force: true });
        }
      },
    };
  } catch (error) {
    rmSync(inUseFile(dir), { force: true });
    throw error;
  }
}

/** One file at a time on the shared platform: the clock and the jobs are the platform's, not a file's. */
async function takeTurn(dir: string): Promise<void> {
  for (;;) {
    try {
      writeFileSync(inUseFile(dir), String(process.pid), { flag: 'wx' });
      return;
    } catch {
      const holder = heldBy(dir);
      // A file runs its tests after the one before has finished in the same process, so a turn held
      // by this process (or a dead one) was never handed back (its beforeAll timed out).
      if (holder === process.pid || (!Number.isNaN(holder) && !alive(holder))) rmSync(inUseFile(dir), { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function heldBy(dir: string): number {
  try {
    return Number(readFileSync(inUseFile(dir), 'utf8'));
  } catch {
    return Number.NaN; // handed back just now
  }
}

/** The running shared platform; started now if the global setup did not (no file it saw asked for it). */
async function describedPlatform(dir: string): Promise<SharedPlatformDescription> {
  const description = JSON.parse(await runningSharedPlatform(dir)) as SharedPlatformDescription;
  if (!alive(description.pid)) throw new Error(`The shared platform (process ${description.pid}) has exited; see its output above`);
  return description;
}
