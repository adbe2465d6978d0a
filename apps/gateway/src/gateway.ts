import { randomUUID } from 'node:crypto';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { acceptedRequestId, IDENTITY_HEADERS, InvalidTokenError } from '@carebridge/auth';
import type { Environment } from '@carebridge/config';
import { createLogger, formatGraphQLError, headerValue, hostApollo, type Logger } from '@carebridge/service-kit';
import { GraphQLError } from 'graphql';
import { anonymousRateLimit, isAllowedWithoutToken } from './anonymous-operations';
import { crossOriginPolicy } from './cross-origin';
import { callerVerifier, customerRefusal } from './customer-callers';
import { limitCustomerCaller } from './customer-rate-limit';
import { analyticsDownloadForwarder } from './analytics-downloads';
import { complaintAttachmentForwarder } from './complaint-attachment-forwarding';
import { documentDownloadForwarder } from './document-download';
import type { GatewayContext } from './gateway-context';
import { gatewaySettings } from './gateway.settings';
import { inputFieldsPlugin } from './input-errors';
import { operationLimits, withoutSuggestions, withTokenLimitNamed } from './operation-limits';
import { developmentGraphiQL } from './development-graphiql';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayReadiness } from './gateway-readiness';
import { CountingQueryPlanCache, type QueryPlanCacheCounters } from './query-plan-cache';
import { SubgraphDataSource } from './subgraph-data-source';
import { reloadingSupergraph, type SupergraphReloadState, type SupergraphSource } from './supergraph-reload';
import { TrustedDocuments, trustedDocumentsPlugin } from './trusted-documents';

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
  const admitAnonymous = anonymousRateLimit(settings.ANONYMOUS_RATE_LIMIT_PER_MINUTE);
  const trustedDocuments = TrustedDocuments.fromManifests(settings.TRUSTED_DOCUMENTS_MANIFESTS);
  const limits = operationLimits(settings);

  const queryPlans = new CountingQueryPlanCache();
  // /metrics, the access log (gateway-metrics.ts) and /readyz (gateway-readiness.ts).
  const metrics = new GatewayMetrics(logger, () => queryPlans.counters);
  const readiness = new GatewayReadiness({ timeoutMs: settings.SUBGRAPH_TIMEOUT_MS });
  // Subgraphs whose running schema is not the composed one, since when: reported on /readyz.
  const schemaMismatches = new Map<string, string>();
  // One data source, and so one pool of keep-alive connections, per subgraph and address.
  const dataSources = new Map<string, SubgraphDataSource>();
  const sourceFor = (name: string, target: string): SubgraphDataSource => {
    const key = `${name} ${target}`;
    let source = dataSources.get(key);
    if (!source) {
      source = new SubgraphDataSource(name, target, endpoints.get(name)?.secret ?? '', {
        timeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
        logger,
        onSchemaMismatch: (service) => {
          if (!schemaMismatches.has(service)) schemaMismatches.set(service, new Date().toISOString());
        },
      });
      dataSources.set(key, source);
    }
    return source;
  };

  const afterSales = endpoints.get('after-sales');
  // GET /documents/<id>?token=…: a document's file from its signed link, within the limit of requests without a token.
  const forwardDocumentDownload =
    afterSales && documentDownloadForwarder(sourceFor(afterSales.name, afterSales.url), { serviceName: afterSales.name, logger, admit: admitAnonymous, verifyToken });
  // GET /reports/<id>/<file>?token=… and /exports/cases.csv: analytics' downloads (analytics-downloads.ts), then the documents.
  // …and first PUT/GET /complaint-attachments/…?token=…: complaint attachments by signed link (complaint-attachment-forwarding.ts).
  const forwardDownloads = complaintAttachmentForwarder(endpoints.get('complaint'), { logger, timeoutMs: settings.SUBGRAPH_TIMEOUT_MS, admit: admitAnonymous, verifyToken }, analyticsDownloadForwarder(endpoints.get('analytics'), sourceFor, { logger, admit: admitAnonymous, verifyToken }, forwardDocumentDownload || undefined));

  // SUPERGRAPH_FILE or SUPERGRAPH_URL: a composed supergraph, read again every SUPERGRAPH_POLL_INTERVAL_MS (supergraph-reload.ts).
  const supergraphSource: SupergraphSource | undefined = settings.SUPERGRAPH_FILE
    ? { kind: 'file', path: settings.SUPERGRAPH_FILE }
    : settings.SUPERGRAPH_URL
      ? { kind: 'url', url: settings.SUPERGRAPH_URL }
      : undefined;
  const reload =
    supergraphSource &&
    reloadingSupergraph({
      source: supergraphSource,
      pollIntervalMs: settings.SUPERGRAPH_POLL_INTERVAL_MS,
      timeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
      logger,
      onOutcome: (outcome) => metrics.supergraphUpdate(outcome),
    });
  const gateway = new ApolloGateway({
    queryPlannerConfig: { cache: queryPlans },
    ...(reload
      ? { supergraphSdl: reload.hook }
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
      readiness.reaches(name, target);
      return metrics.measured(name, sourceFor(name, target));
    },
    logger,
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    readiness.supergraphServed(coreSupergraphSdl);
    metrics.supergraphServed();
    // Mismatches were against the supergraph served before; the new one is checked afresh.
    schemaMismatches.clear();
  });
  // A supergraph refused, or a source unreadable, since the one served: named on /readyz, still ready.
  if (reload) readiness.add({ name: 'supergraphReload', check: async () => ({ ok: true, detail: reloadDetail(reload.state()) }) });
  readiness.add({ name: 'schemaMismatch', check: async () => ({ ok: true, detail: schemaMismatches.size ? Object.fromEntries(schemaMismatches) : undefined }) });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The process owns SIGTERM: it drains requests in flight, then stops Apollo.
    stopOnTerminationSignals: false,
    // Production shows nothing of the schema: no introspection, and no "Did you mean …" (formatError below).
    introspection: development,
    includeStacktraceInErrorResponses: development,
    // Depth, aliases, cost, directives, tokens (operation-limits.ts): refused with 400 before anything is planned.
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Persisted-query ids are looked up in the trusted-documents manifests only; nothing a client sends is kept.
    persistedQueries: { cache: trustedDocuments.asPersistedQueryStore(), ttl: null },
    plugins: [
      ...limits.plugins,
      trustedDocumentsPlugin(settings.TRUSTED_DOCUMENTS, trustedDocuments),
      inputFieldsPlugin(),
      // Development: GraphiQL served whole from npm, offline, with a development token; production: no IDE.
      development ? developmentGraphiQL({ verification: settings.verification }) : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      metrics.plugin(),
      {
        // Without a token only the survey answer passes (anonymous-operations.ts), at its own rate.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, document }) {
              if (contextValue.identity) {
                // A customer token runs only the customer-facing operations (customer-callers.ts).
                const refusal = customerRefusal(contextValue.identity, document);
                if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
                // Customer tokens at a rate of their own, per customer (customer-rate-limit.ts).
                await limitCustomerCaller(env, contextValue.identity);
                return;
              }
              if (!isAllowedWithoutToken(document)) throw unauthenticated(AUTHENTICATION_REQUIRED);
              if (!(await admitAnonymous(contextValue.anonymousClient ?? 'unknown'))) {
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
    formatError: (formatted, error) => {
      const typed = withTokenLimitNamed(formatGraphQLError(formatted, error, { development, onUnexpected: (err) => logger.error({ err }, 'unexpected error at the gateway') }));
      // Subgraphs' errors pass here too, so none of theirs suggests a name either.
      return development ? typed : withoutSuggestions(typed);
    },
  });
  await apollo.start();

  const host = await hostApollo({
    port: settings.PORT,
    host: settings.HOST,
    apollo,
    logger,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    // CORS_ALLOWED_ORIGINS (cross-origin.ts): preflights answered, other origins get no CORS header.
    intercept: crossOriginPolicy(settings.CORS_ALLOWED_ORIGINS),
    // GET /documents/<id>?token=… only: a document's file from its signed link (document-download.ts).
    ...(forwardDownloads ? { routes: forwardDownloads, routesAnswerHead: true } : {}),
    context: async (request): Promise<GatewayContext> => {
      const requestId = acceptedRequestId(headerValue(request, IDENTITY_HEADERS.requestId), randomUUID);
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
    // Serving still, but a subgraph whose schema is not the composed one is named until a new supergraph is served.
    readiness: () => readiness.report(),
    metrics: () => metrics.text(),
    scope: (request, run) => metrics.observe(request, run),
  });
  logger.info(
    { url: host.url, subgraphs: settings.subgraphs.map((s) => `${s.name}=${s.url}`), trustedDocuments: { mode: settings.TRUSTED_DOCUMENTS, documents: trustedDocuments.size } },
    'gateway ready',
  );

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

function reloadDetail({ refused, unreachable }: SupergraphReloadState): unknown {
  return refused || unreachable ? { ...(refused ? { refused } : {}), ...(unreachable ? { unreachable } : {}) } : undefined;
}

const AUTHENTICATION_REQUIRED = 'Authentication is required: send an Authorization: Bearer <token> header';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
