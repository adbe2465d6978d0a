import type { DataSource } from 'typeorm';
import type { Clock } from './clock';
import type { Logger } from './logger';

/** Work a service does on a schedule, e.g. finding complaints past their deadline. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

/**
 * Runs a service's scheduled jobs. With several instances of a service, each run takes an advisory
 * lock first, so one instance at a time does the job; the job itself must still be idempotent.
 */
export class JobScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const tick = () => {
        if (this.stopped) return;
        const run = this.runNow(job.name).catch((error) => this.logger.error({ err: error, job: job.name }, 'scheduled job failed'));
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      };
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  has(name: string): boolean {
    return this.jobs.some((j) => j.name === name);
  }

  /** Runs a job once now, unless another instance is running it; resolves with its result. */
  async runNow(name: string): Promise<{ ran: boolean; result?: unknown }> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No scheduled job "${name}"`);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`carebridge.job.${name}`]);
      if (!locked) return { ran: false };
      try {
        return { ran: true, result: await job.run(this.clock.now()) };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`carebridge.job.${name}`]);
      }
    } finally {
      await runner.release();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
