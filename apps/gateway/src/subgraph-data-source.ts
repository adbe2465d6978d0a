import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { envName } from '@carebridge/config';
import type { Logger } from '@carebridge/service-kit';
import { GraphQLError } from 'graphql';
import { Pool, type Dispatcher } from 'undici';
import type { GatewayContext } from './gateway-context';

export interface SubgraphConnection {
  /** The longest a call may wait for the subgraph: to connect, for the response's headers, between chunks of its body. */
  timeoutMs: number;
  /** Open connections kept to this subgraph at most. */
  connections?: number;
  /** Where each SERVICE_UNAVAILABLE is logged, once, with its cause. */
  logger?: Logger;
  /** Told when the subgraph does not know what the supergraph plans on it (its schema is not the composed one). */
  onSchemaMismatch?: (serviceName: string) => void;
}

/**
 * Why a subgraph's data is missing: it could not be reached or was too slow, it refused the
 * gateway's secret (a configuration error: SUBGRAPH_<NAME>_SECRET is not the subgraph's
 * SUBGRAPH_SECRET), its schema is not the one the supergraph was composed from, or it answered
 * with something that is not GraphQL.
 */
export type UnavailableCause = 'unreachable' | 'timeout' | 'secret-refused' | 'schema-mismatch' | 'not-graphql';

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: GraphQLError[]; extensions?: Record<string, unknown> };

/** Mutation fetches made so far per client operation and service, for the key each one is sent with. */
const mutationFetches = new WeakMap<object, Map<string, number>>();

/**
 * The client's `Idempotency-Key`, forwarded with each mutation fetch of its operation (entity
 * fetches are queries and need none). A later mutation fetch of the same operation to the same
 * service (a document whose mutations alternate between services) gets `<key>#<n>`: the plan is
 * the same on a retry, so each fetch keeps its own key and none conflicts with another.
 */
function idempotencyKeyFor(serviceName: string, options: GraphQLDataSourceProcessOptions<GatewayContext>): Record<string, string> {
  if (!('incomingRequestContext' in options) || options.incomingRequestContext.operation?.operation !== 'mutation') return {};
  const key = options.incomingRequestContext.request.http?.headers.get('idempotency-key');
  if (!key || !/^\s*mutation\b/.test(options.request.query ?? '')) return {};
  const counts = mutationFetches.get(options.incomingRequestContext) ?? new Map<string, number>();
  mutationFetches.set(options.incomingRequestContext, counts);
  const n = (counts.get(serviceName) ?? 0) + 1;
  counts.set(serviceName, n);
  return { 'idempotency-key': n === 1 ? key : `${key}#${n}` };
}

const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * How the gateway calls one subgraph: with the verified caller and this subgraph's own secret in
 * headers (nothing the client sent is forwarded), within a time limit, and with failures turned
 * into an error that names the service but never its address or raw response.
 *
 * A subgraph that answers 4xx or 5xx with a GraphQL body has its errors passed on as they are
 * (an invalid date stays BAD_USER_INPUT); only an answer that is not GraphQL, a refused secret, a
 * schema mismatch or no answer at all make SERVICE_UNAVAILABLE.
 *
 * All calls to a subgraph share one pool of keep-alive connections whose timeouts are its own, so
 * a call costs neither a new connection nor a new abort signal and timer; the document download
 * (document-download.ts) uses the same pool. It implements the gateway's data source interface
 * directly: RemoteGraphQLDataSource builds node-fetch Headers and a Request per call that nothing
 * here reads. No subgraph gives cache hints (@cacheControl), so their Cache-Control headers are not
 * read either.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    private readonly connection: SubgraphConnection,
  ) {
    const target = new URL(url);
    this.path = `${target.pathname}${target.search}`;
    this.pool = new Pool(target.origin, {
      connections: connection.connections ?? 128,
      connectTimeout: connection.timeoutMs,
      headersTimeout: connection.timeoutMs,
      bodyTimeout: connection.timeoutMs,
      keepAliveTimeout: 30_000,
    });
  }

  /** The headers of a call made for `context`: the secret, the request id and the verified identity. */
  headersFor(context: Partial<GatewayContext>): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', [IDENTITY_HEADERS.secret]: this.secret };
    if (context.requestId) headers[IDENTITY_HEADERS.requestId] = context.requestId;
    if (context.identity) Object.assign(headers, identityToHeaders(context.identity));
    return headers;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GraphQLBody> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const { http: _http, ...operation } = request;
    const requestId = (context as Partial<GatewayContext>).requestId;
    let status: number;
    let parsed: unknown;
    try {
      const response = await this.pool.request({
        path: this.path,
        method: 'POST',
        headers: { ...this.headersFor(context as Partial<GatewayContext>), ...idempotencyKeyFor(this.serviceName, options) },
        body: JSON.stringify(operation),
      });
      status = response.statusCode;
      if (status === 401) {
        await response.body.dump();
        throw this.unavailable('secret-refused', requestId, status);
      }
      const text = await response.body.text();
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw this.unavailable(TIMEOUTS.has((error as { code?: string }).code ?? '') ? 'timeout' : 'unreachable', requestId);
    }
    if (!isGraphQLBody(parsed)) throw this.unavailable('not-graphql', requestId, status);
    // The gateway validated the operation against the supergraph: a subgraph that cannot validate its part has another schema.
    if (parsed.errors?.some((error) => (error as { extensions?: { code?: unknown } }).extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) {
      this.connection.onSchemaMismatch?.(this.serviceName);
      throw this.unavailable('schema-mismatch', requestId, status);
    }
    if (status !== 200 && !parsed.errors?.length) throw this.unavailable('not-graphql', requestId, status);
    return parsed;
  }

  /** A GET of one of the subgraph's own routes (a document's file) over the same connections. */
  get(path: string, headers: Record<string, string>): Promise<Dispatcher.ResponseData> {
    return this.pool.request({ path, method: 'GET', headers: { ...headers, [IDENTITY_HEADERS.secret]: this.secret } });
  }

  /** Closes the connections once the calls in flight are answered. */
  close(): Promise<void> {
    return this.pool.close();
  }

  /** The client's error, after the one log line that says why. */
  unavailable(cause: UnavailableCause, requestId: string | undefined, status?: number): GraphQLError {
    const details = { service: this.serviceName, cause, ...(status === undefined ? {} : { status }), requestId };
    if (cause === 'secret-refused') {
      this.connection.logger?.error(
        { ...details, configurationError: true },
        `configuration error: the ${this.serviceName} subgraph refused the gateway's secret; SUBGRAPH_${envName(this.serviceName)}_SECRET must be that subgraph's SUBGRAPH_SECRET`,
      );
    } else if (cause === 'schema-mismatch') {
      this.connection.logger?.error(details, `the ${this.serviceName} subgraph's schema is not the one the supergraph was composed from; compose again or deploy the matching version`);
    } else {
      this.connection.logger?.warn(details, `the ${this.serviceName} service is unavailable`);
    }
    return new GraphQLError(`The ${this.serviceName} service is unavailable; data from it is missing from this response`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.serviceName },
    });
  }
}

function isGraphQLBody(body: unknown): body is GraphQLBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { data, errors } = body as Record<string, unknown>;
  return (errors === undefined || Array.isArray(errors)) && (data !== undefined || Array.isArray(errors));
}
