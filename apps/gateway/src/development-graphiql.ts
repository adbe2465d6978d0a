import type { ApolloServerPlugin } from '@apollo/server';
import { signDevelopmentToken, type TokenVerification } from '@carebridge/auth';

const DEFAULT_QUERY = `# Carebridge's graph, signed in as a development supervisor (the token is in Headers below).
query OpenComplaints {
  complaints(first: 5) {
    totalCount
    edges { node { id registrationNumber status } }
  }
}
`;

/**
 * In development a browser opening /graphql gets GraphiQL, bundled from npm
 * (@graphql-yoga/render-graphiql inlines its scripts and styles, so it works offline; Apollo's
 * Sandbox loads from a CDN), with a fresh development token in its headers when the gateway verifies
 * HS256 tokens (with JWKS, paste a token of your identity provider). Production serves no IDE at
 * all; the package is a development dependency, loaded only here.
 */
export function developmentGraphiQL(options: { verification: TokenVerification; endpoint?: string }): ApolloServerPlugin {
  const { verification } = options;
  return {
    async serverWillStart() {
      const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
      return {
        async renderLandingPage() {
          // Signed per page load, so a tab opened tomorrow still works (tokens live at most 12 hours).
          const token =
            verification.kind === 'hs256'
              ? signDevelopmentToken(
                  { sub: 'development-graphiql', roles: ['supervisor'], name: 'Development supervisor' },
                  { secret: verification.secret, issuer: verification.issuer, audience: verification.audience, expiresInSeconds: 12 * 3600 },
                )
              : undefined;
          return {
            html: renderGraphiQL({
              title: 'Carebridge GraphiQL (development)',
              endpoint: options.endpoint ?? '/graphql',
              headers: token ? JSON.stringify({ authorization: `Bearer ${token}` }, null, 2) : undefined,
              defaultQuery: DEFAULT_QUERY,
              credentials: 'omit',
            }),
          };
        },
      };
    },
  };
}
