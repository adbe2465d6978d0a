import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { MessagingMetrics } from '@carebridge/messaging';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ScheduledJob } from './jobs';

/**
 * A subgraph's Prometheus series, served on `/metrics`: the process defaults, GraphQL requests and
 * their SQL, root resolver durations, the database pool, jobs, and messaging (outbox, consumer).
 * Every label comes from a bounded set: the schema's root fields, the service's job names, the
 * event catalogue.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly messaging: MessagingMetrics;
  readonly requests: Counter;
  readonly statements: Counter;
  private readonly resolverDuration: Histogram<'parent_type' | 'field'>;
  private readonly jobRuns: Counter<'scheduled_job' | 'outcome'>;
  private readonly jobDuration: Histogram<'scheduled_job'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.messaging = new MessagingMetrics(this.registry);
    this.requests = new Counter({ name: 'carebridge_graphql_requests_total', help: 'GraphQL requests this instance answered.', registers });
    this.statements = new Counter({ name: 'carebridge_graphql_sql_statements_total', help: 'SQL statements (transaction control included) run to answer GraphQL requests.', registers });
    this.resolverDuration = new Histogram({
      name: 'carebridge_graphql_resolver_duration_seconds',
      help: 'Time of the root resolvers (Query, Mutation and the _entities references) until their value is ready.',
      labelNames: ['parent_type', 'field'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // `scheduled_job`, not `job`: Prometheus gives `job` to the scrape target.
    this.jobRuns = new Counter({ name: 'carebridge_job_runs_total', help: 'Runs of a scheduled job by this instance, by outcome (done, failed).', labelNames: ['scheduled_job', 'outcome'], registers });
    this.jobDuration = new Histogram({
      name: 'carebridge_job_duration_seconds',
      help: 'Time of a scheduled job run.',
      labelNames: ['scheduled_job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    });
  }

  /** Times the root fields only: nested fields are the spans' business, and per-field series would be unbounded in number of samples. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const duration = this.resolverDuration;
    return {
      async requestDidStart() {
        return {
          async executionDidStart() {
            return {
              willResolveField({ info }) {
                if (info.path.prev !== undefined) return;
                const end = duration.startTimer({ parent_type: info.parentType.name, field: info.fieldName });
                return () => end();
              },
            };
          },
        };
      },
    };
  }

  /** Connections of the service's pool: in use, idle, and callers waiting for one. */
  watchPool(dataSource: DataSource): void {
    const pool = () => (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    new Gauge({
      name: 'carebridge_db_pool_connections',
      help: 'Connections of the database pool by state (total, idle, waiting: callers queued for a connection).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: 'total' }, current.totalCount);
        this.set({ state: 'idle' }, current.idleCount);
        this.set({ state: 'waiting' }, current.waitingCount);
      },
    });
  }

  /** The jobs, each run counted and timed. */
  measuredJobs(jobs: ScheduledJob[]): ScheduledJob[] {
    return jobs.map((job) => ({
      ...job,
      run: async (now: Date) => {
        const end = this.jobDuration.startTimer({ scheduled_job: job.name });
        try {
          const result = await job.run(now);
          this.jobRuns.inc({ scheduled_job: job.name, outcome: 'done' });
          return result;
        } catch (error) {
          this.jobRuns.inc({ scheduled_job: job.name, outcome: 'failed' });
          throw error;
        } finally {
          end();
        }
      },
    }));
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
