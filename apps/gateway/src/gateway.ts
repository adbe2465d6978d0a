import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { IDENTITY_HEADERS, InvalidTokenError } from '@carebridge/auth';
import type { Environment } from '@carebridge/config';
import { createLogger, formatGraphQLError, headerValue, hostApollo, type Logger } from '@carebridge/service-kit';
import { GraphQLError } from 'graphql';
import { AnonymousRateLimit, isAllowedWithoutToken } from './anonymous-operations';
import { callerVerifier, customerRefusal } from './customer-callers';
import { documentDownloadForwarder } from './document-download';
import type { GatewayContext } from './gateway-context';
import { gatewaySettings } from './gateway.settings';
import { CountingQueryPlanCache, queryPlanCacheMetrics, type QueryPlanCacheCounters } from './query-plan-cache';
import { maxDepthRule } from './query-depth';
import { SubgraphDataSource } from './subgraph-data-source';

export interface RunningGateway {
  url: string;
  port: number;
  logger: Logger;
  /** Hits and misses of the query plan cache so far. */
  readonly queryPlanCache: QueryPlanCacheCounters;
  stop(): Promise<void>;
}

/**
 * The single endpoint for client apps. It verifies the bearer token, plans each operation across
 * the subgraphs, and calls them with the verified identity and their shared secret.
 */
export async function startGateway(env: Environment = process.env): Promise<RunningGateway> {
  const settings = gatewaySettings(env);
  const logger = createLogger({ service: 'gateway', level: settings.LOG_LEVEL });
  const development = settings.NODE_ENV === 'development';
  const endpoints = new Map(settings.subgraphs.map((s) => [s.name, s]));
  // Staff tokens and customer tokens (customer-callers.ts).
  const verifyToken = callerVerifier(settings.verification, env);
  const anonymousLimit = new AnonymousRateLimit(settings.ANONYMOUS_RATE_LIMIT_PER_MINUTE);
  const afterSales = endpoints.get('after-sales');
  // GET /documents/<id>?token=…: a document's file from its signed link, within the limit of requests without a token.
  const forwardDocumentDownload =
    afterSales && documentDownloadForwarder(afterSales, { timeoutMs: settings.SUBGRAPH_TIMEOUT_MS, logger, admit: (client) => anonymousLimit.take(client), verifyToken });

  const queryPlans = new CountingQueryPlanCache();
  // One data source, and so one pool of keep-alive connections, per subgraph and address.
  const dataSources = new Map<string, SubgraphDataSource>();

  const gateway = new ApolloGateway({
    queryPlannerConfig: { cache: queryPlans },
    ...(settings.SUPERGRAPH_FILE
      ? { supergraphSdl: readFileSync(settings.SUPERGRAPH_FILE, 'utf8') }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: settings.subgraphs.map(({ name, url }) => ({ name, url })),
            ...(settings.SUPERGRAPH_POLL_INTERVAL_MS > 0 ? { pollIntervalInMs: settings.SUPERGRAPH_POLL_INTERVAL_MS } : {}),
            logger,
          }),
        }),
    buildService: ({ name, url }) => {
      const endpoint = endpoints.get(name);
      // A supergraph file may name a subgraph's URL; the environment's URL wins when set.
      const target = endpoint && (endpoint.urlFromEnvironment || !url) ? endpoint.url : (url ?? '');
      const key = `${name} ${target}`;
      let source = dataSources.get(key);
      if (!source) dataSources.set(key, (source = new SubgraphDataSource(name, target, endpoint?.secret ?? '', { timeoutMs: settings.SUBGRAPH_TIMEOUT_MS })));
      return source;
    },
    logger,
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The process owns SIGTERM: it drains requests in flight, then stops Apollo.
    stopOnTerminationSignals: false,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    validationRules: [maxDepthRule(settings.MAX_QUERY_DEPTH)],
    plugins: [
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      {
        // Without a token only the survey answer passes (anonymous-operations.ts), at its own rate.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, document }) {
              if (contextValue.identity) {
                // A customer token runs only the customer-facing operations (customer-callers.ts).
                const refusal = customerRefusal(contextValue.identity, document);
                if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
                return;
              }
              if (!isAllowedWithoutToken(document)) throw unauthenticated(AUTHENTICATION_REQUIRED);
              if (!anonymousLimit.take(contextValue.anonymousClient ?? 'unknown')) {
                throw new GraphQLError('Too many requests without a token; try again in a minute', {
                  // A code the service kit's error formatting knows; the reason says which limit (HTTP 429).
                  extensions: { code: 'BAD_REQUEST', reason: 'RATE_LIMITED', http: { status: 429 } },
                });
              }
            },
          };
        },
      },
    ],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, { development, onUnexpected: (err) => logger.error({ err }, 'unexpected error at the gateway') }),
  });
  await apollo.start();

  const host = await hostApollo({
    port: settings.PORT,
    host: settings.HOST,
    apollo,
    logger,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    // GET /documents/<id>?token=… only: a document's file from its signed link (document-download.ts).
    ...(forwardDocumentDownload ? { routes: forwardDocumentDownload, routesAnswerHead: true } : {}),
    context: async (request): Promise<GatewayContext> => {
      const requestId = headerValue(request, IDENTITY_HEADERS.requestId) || randomUUID();
      const authorization = headerValue(request, 'authorization') ?? '';
      // No credential at all: only the operation allowed without a token may pass (checked once it is parsed).
      if (!authorization.trim()) return { requestId, anonymousClient: request.socket.remoteAddress ?? 'unknown' };
      const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
      if (!match) throw unauthenticated(AUTHENTICATION_REQUIRED);
      try {
        return { identity: await verifyToken(match[1]), requestId };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw unauthenticated(`The bearer token was refused: ${error.message}`);
        throw error;
      }
    },
    readiness: async () => ({ ready: true, details: { subgraphs: settings.subgraphs.map((s) => s.name) } }),
    metrics: async () => queryPlanCacheMetrics(queryPlans.counters),
  });
  logger.info({ url: host.url, subgraphs: settings.subgraphs.map((s) => `${s.name}=${s.url}`) }, 'gateway ready');

  let stopping: Promise<void> | undefined;
  return {
    url: host.url,
    port: host.port,
    logger,
    get queryPlanCache() {
      return queryPlans.counters;
    },
    stop() {
      stopping ??= (async () => {
        await host.close(settings.SHUTDOWN_TIMEOUT_MS);
        await apollo.stop();
        await Promise.all([...dataSources.values()].map((source) => source.close()));
        logger.info({ queryPlanCache: queryPlans.counters }, 'stopped');
      })();
      return stopping;
    },
  };
}

const AUTHENTICATION_REQUIRED = 'Authentication is required: send an Authorization: Bearer <token> header';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
