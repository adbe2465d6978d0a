import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADERS, identityToHeaders } from '@carebridge/auth';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context';

/**
 * How the gateway calls one subgraph: with the verified caller and this subgraph's own secret in
 * headers (nothing the client sent is forwarded), within a time limit, and with failures turned
 * into an error that names the service but never its address or raw response.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }).catch(() => {
          throw unavailable(serviceName);
        })) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(IDENTITY_HEADERS.secret, this.secret);
    const gatewayContext = context as Partial<GatewayContext>;
    if (gatewayContext.requestId) headers.set(IDENTITY_HEADERS.requestId, gatewayContext.requestId);
    if (gatewayContext.identity) {
      for (const [name, value] of Object.entries(identityToHeaders(gatewayContext.identity))) headers.set(name, value);
    }
  }

  override async errorFromResponse(): Promise<GraphQLError> {
    return unavailable(this.serviceName);
  }
}

function unavailable(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is unavailable; data from it is missing from this response`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName },
  });
}
