import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

export interface ServiceProcessOptions {
  name: string;
  /** Entry file relative to the repository root, e.g. apps/crm/src/main.ts. */
  entry: string;
  env: Record<string, string | undefined>;
  /** Where `/readyz` answers once the service is up. */
  readyUrl: string;
  onOutput?: (name: string, line: string) => void;
  startTimeoutMs?: number;
}

/** One Carebridge process, started from source, that can be stopped (SIGTERM) and started again. */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(readonly options: ServiceProcessOptions) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.running) return;
    // Tracing is preloaded, before the service's first import, so its modules load instrumented.
    const preload = ['--require', join(REPOSITORY_ROOT, 'tools/register.js'), '--require', join(REPOSITORY_ROOT, 'libs/service-kit/src/telemetry-preload.ts')];
    const child = spawn(process.execPath, [...preload, join(REPOSITORY_ROOT, this.options.entry)], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, OTEL_SERVICE_NAME: this.options.name, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let recent = '';
    const forward = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      recent = (recent + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) this.options.onOutput?.(this.options.name, line);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);

    const deadline = Date.now() + (this.options.startTimeoutMs ?? 150_000);
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.options.name} exited during start:\n${recent}`);
      try {
        const response = await fetch(this.options.readyUrl, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await this.stop();
    throw new Error(`${this.options.name} was not ready within ${this.options.startTimeoutMs ?? 150_000} ms:\n${recent}`);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.child || !this.exited) return;
    if (this.running) {
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(killer);
    }
    this.child = undefined;
  }

  /** Ends the process at once, as a crash would. */
  async kill(): Promise<void> {
    if (this.running) {
      this.child?.kill('SIGKILL');
      await this.exited;
    }
    this.child = undefined;
  }
}
