import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { isCustomerCaller, readTrustedDocumentManifest } from '@carebridge/auth';
import { ConfigurationError } from '@carebridge/config';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context';
import type { TrustedDocumentMode } from './gateway.settings';

/** Persisted queries are looked up under this prefix (Apollo's APQ cache prefix). */
const APQ_PREFIX = 'apq:';

/**
 * The documents client apps registered (libs/auth trusted-documents.ts), by id, from every manifest
 * in TRUSTED_DOCUMENTS_MANIFESTS. It is the gateway's persisted-query store: a hash is found only
 * if a manifest holds it, and a client sending a document with its hash registers nothing.
 */
export class TrustedDocuments {
  private constructor(private readonly byId: ReadonlyMap<string, string>) {}

  static fromManifests(files: readonly string[]): TrustedDocuments {
    const byId = new Map<string, string>();
    const problems: string[] = [];
    for (const file of files) {
      try {
        const manifest = readTrustedDocumentManifest(readFileSync(file, 'utf8'), file);
        for (const [id, text] of Object.entries(manifest.documents)) byId.set(id, text);
      } catch (error) {
        problems.push(`TRUSTED_DOCUMENTS_MANIFESTS: ${(error as Error).message}`);
      }
    }
    if (problems.length) throw new ConfigurationError(problems);
    return new TrustedDocuments(byId);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.byId.has(id);
  }

  /** Apollo's persisted-query cache, read-only: `get` answers from the manifests, `set` keeps nothing. */
  asPersistedQueryStore() {
    return {
      get: async (key: string) => (key.startsWith(APQ_PREFIX) ? this.byId.get(key.slice(APQ_PREFIX.length)) : undefined),
      set: async () => undefined,
      delete: async () => false,
    };
  }
}

/**
 * Which documents run, by TRUSTED_DOCUMENTS:
 * - `off`: any document (persisted-query ids still only from the manifests);
 * - `allow-listed-plus-ad-hoc-for-staff`: registered documents for everyone, others for staff tokens
 *   only (staff tools compose their own); callers without a token and customers run registered ones;
 * - `required`: registered documents only.
 * A document refused is HTTP 400 before any subgraph is called.
 */
export function trustedDocumentsPlugin(mode: TrustedDocumentMode, documents: TrustedDocuments): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      if (mode === 'off') return;
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (documents.has(queryHash)) return;
          const staff = contextValue.identity !== undefined && !isCustomerCaller(contextValue.identity);
          if (mode === 'allow-listed-plus-ad-hoc-for-staff' && staff) return;
          throw new GraphQLError(
            mode === 'required'
              ? 'This gateway runs only registered documents: send one from your app’s trusted-documents manifest'
              : 'Without a staff token this gateway runs only registered documents: send one from your app’s trusted-documents manifest',
            // A code the service kit's error formatting knows; the reason says which rule (HTTP 400).
            { extensions: { code: 'BAD_REQUEST', reason: 'UNTRUSTED_DOCUMENT', setting: 'TRUSTED_DOCUMENTS', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
