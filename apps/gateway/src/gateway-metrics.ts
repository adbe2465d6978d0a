import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@carebridge/service-kit';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayContext } from './gateway-context';
import type { QueryPlanCacheCounters } from './query-plan-cache';

/** What one request learns on its way through Apollo, for its series and its access log line. */
interface RequestRecord {
  operation?: string;
  userId?: string;
  requestId?: string;
  errorCodes: string[];
}

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;
/** Operation names get a series of their own up to this many; later ones count as "other". */
export const MAX_OPERATION_NAMES = 200;

/**
 * The gateway's /metrics (prom-client): process defaults, requests by operation name and HTTP
 * status with their duration and error codes, each subgraph fetch, and the query plan cache.
 * Operation names are chosen by clients, so they are bounded: only names of requests from
 * verified callers join the set, at most MAX_OPERATION_NAMES of them, the rest is "other".
 * It also writes the access log: one line per request, without variables or personal data.
 */
/** Seconds, from a cached plan's few milliseconds to the gateway's time limits. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'status'>;
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly duration: Histogram<'operation'>;
  private readonly fetches: Counter<'subgraph' | 'outcome'>;
  private readonly fetchDuration: Histogram<'subgraph'>;
  private readonly supergraphUpdates: Counter<'outcome'>;
  private readonly supergraphLoaded: Gauge;
  private readonly operations = new Set<string>();
  private readonly current = new AsyncLocalStorage<RequestRecord>();

  constructor(
    private readonly logger: Logger,
    queryPlans: () => QueryPlanCacheCounters,
    private readonly maxOperationNames = MAX_OPERATION_NAMES,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'carebridge_gateway_requests_total', help: 'GraphQL requests answered, by operation name and HTTP status.', labelNames: ['operation', 'status'], registers });
    this.errors = new Counter({
      name: 'carebridge_gateway_request_errors_total',
      help: 'Errors in GraphQL answers, by operation name and error code (extensions.code).',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'carebridge_gateway_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its answer, by operation name.',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.fetches = new Counter({
      name: 'carebridge_gateway_subgraph_fetches_total',
      help: 'Calls of the query plans to a subgraph, by outcome (ok, error: the answer holds errors, unavailable).',
      labelNames: ['subgraph', 'outcome'],
      registers,
    });
    this.fetchDuration = new Histogram({
      name: 'carebridge_gateway_subgraph_fetch_duration_seconds',
      help: 'Time of a call to a subgraph.',
      labelNames: ['subgraph'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.supergraphUpdates = new Counter({
      name: 'carebridge_gateway_supergraph_updates_total',
      help: 'Supergraphs read again from SUPERGRAPH_FILE or SUPERGRAPH_URL, by outcome (loaded; refused: not valid, the served one stays; unreachable: the source could not be read).',
      labelNames: ['outcome'],
      registers,
    });
    this.supergraphLoaded = new Gauge({ name: 'carebridge_gateway_supergraph_loaded_timestamp_seconds', help: 'When the supergraph served now was loaded (Unix time).', registers });
    const cacheCounter = (name: string, help: string, read: (c: QueryPlanCacheCounters) => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read(queryPlans()));
        },
      });
    cacheCounter('carebridge_gateway_query_plan_cache_hits_total', 'Operations whose query plan was found in the cache.', (c) => c.hits);
    cacheCounter('carebridge_gateway_query_plan_cache_misses_total', 'Operations that had to be planned.', (c) => c.misses);
    cacheCounter('carebridge_gateway_query_plan_cache_evictions_total', 'Plans dropped to stay within the cache size.', (c) => c.evictions);
    new Gauge({
      name: 'carebridge_gateway_query_plan_cache_plans',
      help: 'Plans held in the cache.',
      registers,
      collect() {
        this.set(queryPlans().size);
      },
    });
  }

  /** hostApollo's `scope`: times the request, then counts it and writes its access log line. */
  async observe<T>(_request: IncomingMessage, run: () => Promise<T>): Promise<T> {
    const record: RequestRecord = { errorCodes: [] };
    const started = process.hrtime.bigint();
    let status = 500;
    try {
      const result = await this.current.run(record, run);
      // What hostApollo runs here is Apollo's HTTP answer, with its status.
      status = (result as { status?: number }).status ?? 200;
      return result;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const operation = this.label(record.operation);
      this.requests.inc({ operation, status: String(status) });
      this.duration.observe({ operation }, seconds);
      for (const code of record.errorCodes) this.errors.inc({ operation, code: ERROR_CODE.test(code) ? code : 'OTHER' });
      this.logger.info(
        {
          access: true,
          operation: record.operation && OPERATION_NAME.test(record.operation) ? record.operation : null,
          status,
          durationMs: Math.round(seconds * 1e6) / 1e3,
          userId: record.userId ?? null,
          requestId: record.requestId,
          ...(record.errorCodes.length ? { errors: [...new Set(record.errorCodes)] } : {}),
        },
        'request',
      );
    }
  }

  /** The operation name, the user and the error codes of each request, for `observe`. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    const { current, operations, maxOperationNames } = this;
    return {
      async requestDidStart({ contextValue }) {
        const record = current.getStore();
        if (record) record.requestId = contextValue.requestId;
        return {
          async didResolveOperation({ operationName }) {
            if (!record) return;
            record.operation = operationName ?? 'anonymous';
            // Only verified callers add names to the bounded set.
            if (contextValue.identity && operations.size < maxOperationNames && OPERATION_NAME.test(record.operation)) operations.add(record.operation);
          },
          async willSendResponse({ response }) {
            if (!record) return;
            record.userId = contextValue.identity?.userId;
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            for (const error of errors ?? []) record.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          },
        };
      },
    };
  }

  /** A subgraph's data source, each call counted and timed. */
  measured(subgraph: string, source: GraphQLDataSource<GatewayContext>): GraphQLDataSource<GatewayContext> {
    return {
      process: async (options) => {
        const end = this.fetchDuration.startTimer({ subgraph });
        let outcome = 'unavailable';
        try {
          const response = await source.process(options);
          outcome = response.errors?.length ? 'error' : 'ok';
          return response;
        } finally {
          end();
          this.fetches.inc({ subgraph, outcome });
        }
      },
    };
  }

  /** A supergraph the source offered again: loaded, refused, or not readable (supergraph-reload.ts). */
  supergraphUpdate(outcome: 'loaded' | 'refused' | 'unreachable'): void {
    this.supergraphUpdates.inc({ outcome });
  }

  /** The gateway serves a supergraph from now on (at start, or swapped). */
  supergraphServed(): void {
    this.supergraphLoaded.setToCurrentTime();
  }

  private label(operation: string | undefined): string {
    if (!operation) return 'none';
    return this.operations.has(operation) || operation === 'anonymous' ? operation : 'other';
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
