// Hive Gateway on the bench's supergraph, as the reference the graph benchmark compares our gateway
// with. Same token check (HS256, the same secret), and the same headers to each subgraph: its
// secret, the verified caller and the request id.
//   HIVE_PORT=… SUPERGRAPH_FILE=… JWT_SECRET=… SUBGRAPH_SECRETS='{"crm":"…"}' node tools/run.js tools/bench/src/graph/hive-gateway.ts
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime, createInlineSigningKeyProvider, extractFromHeader, useJWT } from '@graphql-hive/gateway';
import { identityToHeaders, IDENTITY_HEADERS, isRole, type Role } from '@carebridge/auth';

const port = Number(process.env.HIVE_PORT);
const secrets = JSON.parse(process.env.SUBGRAPH_SECRETS ?? '{}') as Record<string, string>;

const gateway = createGatewayRuntime({
  supergraph: readFileSync(process.env.SUPERGRAPH_FILE ?? '', 'utf8'),
  logging: false,
  // The plugin's context type is narrower than the runtime's plugin list says; it is the same plugin.
  plugins: () => [
    useJWT({
      signingKeyProviders: [createInlineSigningKeyProvider(process.env.JWT_SECRET ?? '')],
      tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
      tokenVerification: { algorithms: ['HS256'] },
      reject: { missingToken: true, invalidToken: true },
    }) as never,
  ],
  propagateHeaders: {
    fromClientToSubgraphs({ context, request, subgraphName }) {
      const payload = (context as { jwt?: { payload?: { sub?: string; roles?: unknown[]; name?: string } } }).jwt?.payload;
      const headers: Record<string, string> = { [IDENTITY_HEADERS.secret]: secrets[subgraphName] ?? '' };
      const requestId = request.headers.get(IDENTITY_HEADERS.requestId);
      if (requestId) headers[IDENTITY_HEADERS.requestId] = requestId;
      if (payload?.sub) {
        const roles = (payload.roles ?? []).filter((r): r is Role => typeof r === 'string' && isRole(r));
        Object.assign(headers, identityToHeaders({ userId: payload.sub, roles, name: payload.name }));
      }
      return headers;
    },
  },
});

const server = createServer(gateway);
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
});
