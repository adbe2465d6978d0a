import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { developmentSubgraphSecret, type Identity, identityFromHeaders, IDENTITY_HEADERS, secretsMatch } from '@carebridge/auth';
import { ConfigurationError, loadConfig, productionSecretProblems, setting, SUBGRAPHS, type Environment } from '@carebridge/config';
import { EVENT_CATALOGUE } from '@carebridge/event-contracts';
import { DomainError } from '@carebridge/domain';
import {
  CreateMessagingTables1763700000000,
  createTransport,
  EventConsumer,
  type EventHandler,
  type EventTransport,
  messagingSettings,
  Outbox,
  OutboxRelay,
  consumerGroup,
  readableHandlers,
  sealedFieldScrubbing,
} from '@carebridge/messaging';
import type { DataSource, EntityManager, EntitySchema, MixedList } from 'typeorm';
import { z } from 'zod';
import { AdjustableClock, type Clock, systemClock } from './clock';
import { answeredByKit, finishAnswer, type RequestContext, requestContext } from './context';
import { openCustomerKeys } from './customer-keys';
import { countStatements, ensureDatabase, openDatabase } from './database';
import { formatGraphQLError, withInputFields } from './errors';
import { CreateIdempotencyKeys1763700000100, IdempotentMutations } from './idempotency';
import { type HttpHost, type HttpReply, headerValue, hostApollo } from './http';
import { JobScheduler, type ScheduledJob } from './jobs';
import { createLogger, type LogDestination, type Logger } from './logger';
import { buildFederatedSchema, type ReferenceResolvers } from './schema';
import { ServiceMetrics } from './service-metrics';
import { stopTelemetry } from './telemetry';

/** What a service's composition root gets to build its domain services and resolvers from. */
export interface SubgraphRuntime {
  name: string;
  dataSource: DataSource;
  /** Records events in the caller's transaction (transactional outbox). */
  outbox: Outbox;
  logger: Logger;
  clock: Clock;
  env: Environment;
}

/** What a service contributes: resolvers, entity reference resolvers, extra types, event handlers. */
export interface SubgraphParts {
  resolvers: object[];
  references?: ReferenceResolvers;
  orphanedTypes?: Function[];
  eventHandlers?: EventHandler<any>[];
  /** Work on a schedule (deadline monitors and the like); one instance at a time runs each. */
  jobs?: ScheduledJob[];
  /**
   * GET routes of its own beside /graphql, e.g. a file download by signed link. They sit behind the
   * subgraph secret like GraphQL, so clients reach them through the gateway, which forwards them.
   */
  httpRoutes?: SubgraphRoute[];
  /**
   * The key subjects (`contact:<id>`) under which the service sealed a customer's personal data in
   * events before it knew who the customer was (an inquiry from an unknown address, linked later):
   * destroyed with the customer's own key when crm erases them.
   */
  sealedContactsOf?(manager: EntityManager, customerId: string): Promise<string[]>;
}

/** One GET route under a path prefix (`/documents/`); the part after the prefix is `rest`. */
export interface SubgraphRoute {
  prefix: string;
  /** The methods it answers: GET by default; a PUT route takes an upload from `body`. */
  methods?: readonly ('GET' | 'PUT')[];
  handle(request: SubgraphRouteRequest): Promise<HttpReply>;
}

export interface SubgraphRouteRequest {
  url: URL;
  rest: string;
  /** The caller as the gateway verified it, if any: a route may serve requests without one (a signed link is its own grant). */
  identity?: Identity;
  requestId: string;
  logger: Logger;
  /** GET when not given; HEAD is served as GET. */
  method?: string;
  /** The request body as it arrives (a PUT's upload); the route bounds what it reads. */
  body?: AsyncIterable<Uint8Array>;
}

/** Domain errors of a route as JSON with their HTTP status; anything else is logged and answered 500 without details. */
async function answerRoute(route: SubgraphRoute, request: SubgraphRouteRequest): Promise<HttpReply> {
  try {
    return await route.handle(request);
  } catch (error) {
    if (error instanceof DomainError) {
      const status = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409 }[error.code as string] ?? 400;
      return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: { message: error.message, extensions: error.extensions } }) };
    }
    request.logger.error({ err: error, route: route.prefix }, 'route failed');
    return { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } } }) };
  }
}

export interface SubgraphDefinition {
  name: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  build(runtime: SubgraphRuntime): SubgraphParts | Promise<SubgraphParts>;
  /**
   * `withheld`: the service never opens the sealed personal-data fields of the events it consumes;
   * they read as placeholders (docs/security.md). Default `opened`.
   */
  sealedFields?: 'opened' | 'withheld';
}

/** A service's definition: its name, tables, migrations and composition root. */
export function defineSubgraph(definition: SubgraphDefinition): SubgraphDefinition {
  return definition;
}

/** Every service's migrations start with the kit's tables: outbox, processed events, idempotency keys. */
export function migrationsOf(definition: SubgraphDefinition): Function[] {
  return [CreateMessagingTables1763700000000, CreateIdempotencyKeys1763700000100, ...definition.migrations];
}

export function subgraphSettings(name: string, env: Environment) {
  const defaultPort = SUBGRAPHS.find((s) => s.name === name)?.defaultPort ?? 4100;
  const problems: string[] = [];
  const settings = collectProblems(problems, () =>
    loadConfig(
      {
        NODE_ENV: setting.nodeEnv(),
        LOG_LEVEL: setting.logLevel(),
        HOST: z.string().default('127.0.0.1'),
        PORT: setting.port(defaultPort),
        DATABASE_URL: setting.url(['postgres', 'postgresql']),
        DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case Postgres identifier').default(`carebridge_${name.replace(/-/g, '_')}`),
        DATABASE_POOL_SIZE: setting.positiveInt(10),
        SUBGRAPH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
        SHUTDOWN_TIMEOUT_MS: setting.milliseconds(10_000),
        IDEMPOTENCY_KEY_RETENTION_HOURS: setting.positiveInt(24),
        IDEMPOTENCY_WAIT_MS: setting.milliseconds(10_000),
      },
      env,
    ),
  );
  // Checked on the raw variables too, so that it is reported together with any other problem.
  const production = (settings?.NODE_ENV ?? env.NODE_ENV) === 'production';
  if (!env.SUBGRAPH_SECRET && production) {
    problems.push('SUBGRAPH_SECRET: must be set in production (the secret the gateway sends to this subgraph)');
  }
  // The gateway's rule for its secrets: no development secret, at least 32 bytes (once, not on top of the rule above).
  if (env.SUBGRAPH_SECRET && production && !problems.some((problem) => problem.startsWith('SUBGRAPH_SECRET:'))) problems.push(...productionSecretProblems('SUBGRAPH_SECRET', env.SUBGRAPH_SECRET));
  if (!settings || problems.length) throw new ConfigurationError(problems);
  return { ...settings, SUBGRAPH_SECRET: settings.SUBGRAPH_SECRET ?? developmentSubgraphSecret(name) };
}

/** Runs `load`, moving the problems of a ConfigurationError into `problems`, so that one error names them all. */
function collectProblems<T>(problems: string[], load: () => T): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  dataSource: DataSource;
  transport: EventTransport;
  relay: OutboxRelay;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph: settings from the environment, its own database with migrations applied,
 * the event transport with its outbox relay and consumer, the federated schema, and the HTTP
 * front that only the gateway (holding the secret) may call.
 */
export async function startSubgraph(
  definition: SubgraphDefinition,
  options: { env?: Environment; clock?: Clock; logDestination?: LogDestination } = {},
): Promise<RunningSubgraph> {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const settings = collectProblems(problems, () => subgraphSettings(definition.name, env));
  const messaging = collectProblems(problems, () => messagingSettings(env));
  if (!settings || !messaging) throw new ConfigurationError(problems);
  const development = settings.NODE_ENV === 'development';
  const logger = createLogger({ service: definition.name, level: settings.LOG_LEVEL, destination: options.logDestination });
  // Under NODE_ENV=test, end-to-end tests move this service's time through PUT /test/clock.
  const testClock = settings.NODE_ENV === 'test' && !options.clock ? new AdjustableClock() : undefined;
  const clock = options.clock ?? testClock ?? systemClock;

  const dataSource = await openDatabase(
    {
      serverUrl: settings.DATABASE_URL,
      database: settings.DATABASE_NAME,
      entities: definition.entities,
      migrations: migrationsOf(definition),
      poolSize: settings.DATABASE_POOL_SIZE,
      applicationName: `carebridge-${definition.name}`,
    },
    logger,
  );
  const transport = createTransport(messaging, { service: definition.name, databaseServerUrl: settings.DATABASE_URL, logger });
  if (transport.kind === 'embedded') await ensureDatabase(messaging.EVENTS_DATABASE_URL ?? settings.DATABASE_URL, messaging.EVENTS_DATABASE_NAME, logger);
  const customerKeys = await openCustomerKeys(env, settings.DATABASE_URL, logger);
  const outbox = new Outbox(definition.name, () => clock.now(), customerKeys.personalFields);
  // /metrics: prom-client series of this process (service-metrics.ts).
  const metrics = new ServiceMetrics(definition.name);
  metrics.watchPool(dataSource);
  const relay = new OutboxRelay({
    dataSource,
    transport,
    logger,
    batchSize: messaging.OUTBOX_BATCH_SIZE,
    pollIntervalMs: messaging.OUTBOX_POLL_INTERVAL_MS,
    retentionMs: messaging.OUTBOX_RETENTION_HOURS * 3600_000,
    metrics: metrics.messaging,
  });
  metrics.messaging.watchOutbox(relay);
  const keyed = new IdempotentMutations(
    dataSource,
    { retentionMs: settings.IDEMPOTENCY_KEY_RETENTION_HOURS * 3600_000, waitMs: settings.IDEMPOTENCY_WAIT_MS },
    clock,
    logger,
  );
  let consumer: EventConsumer | undefined;
  /** Whether the consumer has joined its group and applied what its topics hold (for /readyz). */
  let consumption: () => Promise<{ caughtUp: boolean; consumer?: 'joining' | 'consuming'; lag?: number | 'unknown' }> = async () => ({ caughtUp: false });
  let scheduler: JobScheduler | undefined;
  let host: HttpHost | undefined;
  let apollo: ApolloServer<RequestContext> | undefined;
  const cleanUp = async () => {
    await scheduler?.stop().catch(() => undefined);
    await consumer?.stop().catch(() => undefined);
    await relay.stop().catch(() => undefined);
    await transport.close().catch(() => undefined);
    await customerKeys.close().catch(() => undefined);
    await apollo?.stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  };
  try {
    const parts = await definition.build({ name: definition.name, dataSource, outbox, logger, clock, env });
    await transport.ensureTopics([...new Set(EVENT_CATALOGUE.filter((c) => c.producer === definition.name).map((c) => c.topic))]);
    await relay.start();
    consumer = new EventConsumer({
      service: definition.name,
      dataSource,
      transport,
      // Sealed personal-data fields opened for the handlers; on an erasure, the kit scrubs what it published.
      handlers: readableHandlers(
        [...(parts.eventHandlers ?? []), sealedFieldScrubbing({ transport, topics: producedTopics(definition.name), personalFields: customerKeys.personalFields, contactsOf: parts.sealedContactsOf })],
        definition.sealedFields === 'withheld' ? undefined : customerKeys.personalFields,
      ),
      logger,
      maxAttempts: messaging.CONSUMER_MAX_ATTEMPTS,
      metrics: metrics.messaging,
      retryBackoffMs: messaging.CONSUMER_RETRY_BACKOFF_MS,
    });
    await consumer.start();
    metrics.messaging.watchConsumerLag(transport, consumerGroup(definition.name), parts.eventHandlers?.length ? consumer.topics : []);
    const group = consumerGroup(definition.name);
    const topics = parts.eventHandlers?.length ? consumer.topics : [];
    consumption = async () => {
      if (!topics.length) return { caughtUp: true };
      if (transport.joiningGroups?.().includes(group)) return { caughtUp: false, consumer: 'joining' };
      // Bounded: with the brokers unreachable the lag is unknown, and the probe still answers.
      const lags = await Promise.race([transport.consumerLag?.(group, topics).catch(() => undefined), delay(1000)]);
      if (!lags) return { caughtUp: false, consumer: 'consuming', lag: 'unknown' };
      const lag = lags.reduce((sum, p) => sum + p.lag, 0);
      return { caughtUp: lag === 0, consumer: 'consuming', lag };
    };
    scheduler = new JobScheduler(metrics.measuredJobs([...(parts.jobs ?? []), keyed.purgeJob()]), dataSource, clock, logger);
    scheduler.start();
    const jobs = scheduler;

    const schema = await buildFederatedSchema(parts.resolvers, parts.references, parts.orphanedTypes);
    apollo = new ApolloServer<RequestContext>({
      schema,
      // The process owns SIGTERM: it drains requests, then stops Apollo, consumers and pools in order.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: development,
      // Subgraphs are reached only through the gateway; the Sandbox lives there.
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        metrics.plugin<RequestContext>(),
        {
          // What resolvers left for the end of the request (`beforeAnswer`) is done before the answer leaves;
          // a keyed mutation then commits its unit of work with its answer (idempotency.ts).
          async requestDidStart() {
            return {
              responseForOperation: async (request) => (await keyed.begin(request)) ?? null,
              async willSendResponse({ contextValue, response, request }) {
                try {
                  await finishAnswer(contextValue);
                } catch (error) {
                  logger.error({ err: error }, 'work before the answer failed; the answer is withheld');
                  if (response.http) response.http.status = 500;
                  response.body = { kind: 'single', singleResult: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
                }
                if (response.body.kind !== 'single') return;
                const { errors } = response.body.singleResult;
                if (errors) response.body.singleResult = { ...response.body.singleResult, errors: withInputFields(errors, request.query) };
                response.body.singleResult = await keyed.finish(response.body.singleResult);
              },
            };
          },
        },
      ],
      formatError: (formatted, error) =>
        formatGraphQLError(formatted, error, { development, onUnexpected: (err) => logger.error({ err }, 'unexpected error in resolver') }),
    });
    await apollo.start();
    host = await hostApollo({
      port: settings.PORT,
      host: settings.HOST,
      apollo,
      logger,
      refuse: (request) =>
        secretsMatch(settings.SUBGRAPH_SECRET, headerValue(request, IDENTITY_HEADERS.secret)) ? undefined : 'This service is reached through the Carebridge gateway only',
      context: async (request) =>
        answeredByKit(requestContext(identityFromHeaders((name) => headerValue(request, name)), logger, headerValue(request, IDENTITY_HEADERS.requestId))),
      // The request's trace context is the HTTP server span, continuing the gateway's traceparent (telemetry.ts).
      scope: async (_request, run) => {
        const { result, statements } = await keyed.scope(() => countStatements(run));
        metrics.requests.inc();
        metrics.statements.inc(statements);
        return result;
      },
      routes: async (url, request) => {
        const route = (parts.httpRoutes ?? []).find((r) => url.pathname.startsWith(r.prefix));
        if (!route || !(route.methods ?? ['GET']).includes(request.method === 'PUT' ? 'PUT' : 'GET')) return undefined;
        const context = requestContext(identityFromHeaders((name) => headerValue(request, name)), logger, headerValue(request, IDENTITY_HEADERS.requestId));
        return answerRoute(route, { url, rest: url.pathname.slice(route.prefix.length), identity: context.identity, requestId: context.requestId, logger: context.logger, method: request.method ?? 'GET', body: request });
      },
      operatorRoutes: async (url, request, body) => {
        // Test-only controls; they do not exist outside NODE_ENV=test.
        if (!testClock || request.method !== 'POST') return undefined;
        if (url.pathname === '/test/clock') {
          const now = new Date(JSON.parse((await body()) || '{}').now);
          if (Number.isNaN(now.getTime())) return { status: 400, body: { error: 'now must be an ISO-8601 time' } };
          testClock.set(now);
          return { status: 200, body: { now: clock.now().toISOString() } };
        }
        const job = /^\/test\/jobs\/([\w.-]+)$/.exec(url.pathname)?.[1];
        if (job && jobs.has(job)) return { status: 200, body: await jobs.runNow(job) };
        return undefined;
      },
      // 200 = serving (the gateway routes to it, k8s keeps it in rotation); `caughtUp` says whether its
      // consumer has also applied everything on its topics, which it does in the background.
      readiness: async () => {
        const [outboxLag, events] = await Promise.all([relay.lag().catch(() => undefined), consumption()]);
        const stoppedConsumers = transport.stoppedGroups();
        try {
          await dataSource.query('SELECT 1');
          return {
            ready: stoppedConsumers.length === 0,
            details: { database: 'reachable', transport: transport.kind, outbox: outboxLag, ...events, ...(stoppedConsumers.length ? { stoppedConsumers } : {}) },
          };
        } catch {
          return { ready: false, details: { database: 'unreachable', transport: transport.kind, ...events } };
        }
      },
      metrics: () => metrics.text(),
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  logger.info({ url: host.url, transport: transport.kind }, `${definition.name} subgraph ready`);

  const httpHost = host;
  let stopping: Promise<void> | undefined;
  return {
    name: definition.name,
    url: httpHost.url,
    port: httpHost.port,
    dataSource,
    transport,
    relay,
    logger,
    stop() {
      stopping ??= (async () => {
        await httpHost.close(settings.SHUTDOWN_TIMEOUT_MS);
        await cleanUp();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

function producedTopics(service: string): string[] {
  return [...new Set(EVENT_CATALOGUE.filter((c) => c.producer === service && !c.inbound).map((c) => c.topic))];
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}

/** A service's `main`: start, stop cleanly on SIGTERM/SIGINT, exit non-zero on a start failure. */
export function runProcess(start: () => Promise<{ stop(): Promise<void>; logger?: Logger }>): void {
  start()
    .then((running) => {
      const shutdown = (signal: string) => {
        running.logger?.info({ signal }, 'shutting down');
        running.stop().then(
          // Spans still buffered leave before the process does.
          () => stopTelemetry().finally(() => process.exit(0)),
          (error) => {
            running.logger?.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((error: Error) => {
      process.stderr.write(`${error.name === 'ConfigurationError' ? error.message : (error.stack ?? error.message)}\n`);
      process.exit(1);
    });
}

export function runSubgraph(definition: SubgraphDefinition): void {
  runProcess(() => startSubgraph(definition));
}
