import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import type { GatewayContext } from './gateway-context';

export interface SubgraphConnection {
  /** The longest a call may wait for the subgraph: to connect, for the response's headers, between chunks of its body. */
  timeoutMs: number;
  /** Open connections kept to this subgraph at most. */
  connections?: number;
}

/**
 * How the gateway calls one subgraph: with the verified caller and this subgraph's own secret in
 * headers (nothing the client sent is forwarded), within a time limit, and with failures turned
 * into an error that names the service but never its address or raw response.
 *
 * All calls to a subgraph share one pool of keep-alive connections whose timeouts are its own, so
 * a call costs neither a new connection nor a new abort signal and timer. It implements the
 * gateway's data source interface directly: RemoteGraphQLDataSource builds node-fetch Headers and a
 * Request per call that nothing here reads. No subgraph gives cache hints (@cacheControl), so their
 * Cache-Control headers are not read either.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    connection: SubgraphConnection,
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

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!request.query) throw new Error('Missing query');
    const { http: _http, ...operation } = request;
    let parsed: unknown;
    try {
      const response = await this.pool.request({
        path: this.path,
        method: 'POST',
        headers: this.headersFor(context as Partial<GatewayContext>),
        body: JSON.stringify(operation),
      });
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw unavailable(this.serviceName);
      }
      parsed = await response.body.json();
    } catch {
      throw unavailable(this.serviceName);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unavailable(this.serviceName);
    return parsed as { data?: Record<string, unknown> | null; errors?: GraphQLError[]; extensions?: Record<string, unknown> };
  }

  /** Closes the connections once the calls in flight are answered. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

function unavailable(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is unavailable; data from it is missing from this response`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName },
  });
}
