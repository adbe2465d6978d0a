import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import startTestPostgres from './postgres.global-setup';
import { runningSharedPlatform, SHARED_PLATFORM_DIR_ENV } from './shared-platform-folder';

interface RunConfig {
  testPathPatterns?: { patterns?: string[] };
}
interface ProjectConfig {
  rootDir: string;
}

/**
 * Jest global setup of the end-to-end suite: the run's Postgres, and the platform the files calling
 * sharedPlatformUnderTest() share (shared-platform.ts). It starts here, before any file, when a file
 * of this run asks for it: here its start counts against no test's timeout.
 */
export default async function setup(run: RunConfig, project: ProjectConfig): Promise<void> {
  await startTestPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'carebridge-e2e-shared-'));
  process.env[SHARED_PLATFORM_DIR_ENV] = dir;
  if (!filesOfRun(run, project).some((file) => readFileSync(file, 'utf8').includes('sharedPlatformUnderTest('))) return;
  try {
    await runningSharedPlatform(dir);
  } catch (error) {
    // Not the end of the run: the files that do not share still run, and the first file that asks
    // tries again (and fails its own test if the platform cannot start).
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** The spec files the command line selects (all without patterns). */
function filesOfRun(run: RunConfig, project: ProjectConfig): string[] {
  const folder = join(project.rootDir, 'src');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => join(folder, name));
  const patterns = (run.testPathPatterns?.patterns ?? []).map((pattern) => new RegExp(pattern, 'i'));
  return patterns.length ? files.filter((file) => patterns.some((pattern) => pattern.test(file))) : files;
}
