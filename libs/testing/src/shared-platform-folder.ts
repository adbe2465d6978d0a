import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The folder of a run's shared platform (shared-platform.ts) and the process that holds it
// (shared-platform-host.ts). No @carebridge/* imports here: Jest's global setup and teardown load
// this module outside the module map.

/** Names the folder; set by shared-platform.global-setup.ts, inherited by the test processes. */
export const SHARED_PLATFORM_DIR_ENV = 'CAREBRIDGE_E2E_SHARED_PLATFORM_DIR';

/** The running platform's description (SharedPlatformDescription), once it has started. */
export const descriptionFile = (dir: string) => join(dir, 'platform.json');

/** Held (with the holder's pid) by the test file using the platform now. */
export const inUseFile = (dir: string) => join(dir, 'in-use');

/** The pid of the host while it starts the platform, so that nobody starts a second one. */
const startingFile = (dir: string) => join(dir, 'starting');

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the host unless it runs already, and waits until the platform is up; returns its
 * description's text. The host's stdin is a pipe from this process, so it also stops the platform
 * if the run ends without the global teardown.
 */
export async function runningSharedPlatform(dir: string): Promise<string> {
  const file = descriptionFile(dir);
  let host = existsSync(startingFile(dir)) ? Number(readFileSync(startingFile(dir), 'utf8')) : Number.NaN;
  if (!existsSync(file) && !alive(host)) {
    const child = spawn(process.execPath, ['--require', join(REPOSITORY_ROOT, 'tools/register.js'), join(__dirname, 'shared-platform-host.ts'), file], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, [SHARED_PLATFORM_DIR_ENV]: dir },
      stdio: ['pipe', 'inherit', 'inherit'],
      // A process group of its own (the services join it), so that the teardown can end all of it if it hangs.
      detached: true,
    });
    if (!child.pid) throw new Error('The shared platform did not start: no process');
    host = child.pid;
    writeFileSync(startingFile(dir), String(host));
    // Jest need not wait for it: the global teardown stops it.
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  while (!existsSync(file)) {
    if (!alive(host)) {
      rmSync(startingFile(dir), { force: true });
      throw new Error(`The shared platform did not start (its host, process ${host}, exited); see its output above`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(file, 'utf8');
}

/** SIGTERM: the host stops the gateway and the subgraphs, then exits (its whole group is killed after a minute). */
export async function stopSharedPlatform(dir: string): Promise<void> {
  const pids = [existsSync(startingFile(dir)) ? Number(readFileSync(startingFile(dir), 'utf8')) : Number.NaN];
  if (existsSync(descriptionFile(dir))) pids.push((JSON.parse(readFileSync(descriptionFile(dir), 'utf8')) as { pid: number }).pid);
  await Promise.all(
    [...new Set(pids)].filter(alive).map(async (pid) => {
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 60_000;
      while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (alive(pid)) process.kill(-pid, 'SIGKILL');
    }),
  );
}
