import { createHash } from 'node:crypto';

/**
 * Trusted documents: the GraphQL operations a client app registers at build time. The manifest maps
 * each document's id — the SHA-256 of its exact text, in hex, the id Apollo's persisted queries use
 * (`extensions.persistedQuery.sha256Hash`) — to the text. `npm run trusted-documents` writes it from
 * the app's `.graphql` files; the gateway (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_MANIFESTS) runs only
 * those, depending on its mode, and accepts persisted-query ids from the manifests alone.
 */
export interface TrustedDocumentManifest {
  format: typeof TRUSTED_DOCUMENT_MANIFEST_FORMAT;
  /** The client app that registered the documents. */
  client: string;
  /** Document id (sha256 hex of the text) → the document's text, sent as it is. */
  documents: Record<string, string>;
  /** Operation name → document id, for the client to send the id. */
  operations: Record<string, string>;
}

export const TRUSTED_DOCUMENT_MANIFEST_FORMAT = 'carebridge-trusted-documents/1';

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a manifest, refusing one whose ids do not match their texts (an edited or corrupted file). */
export function readTrustedDocumentManifest(json: string, source: string): TrustedDocumentManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`${source}: is not JSON`);
  }
  const manifest = parsed as Partial<TrustedDocumentManifest> | null;
  if (!manifest || manifest.format !== TRUSTED_DOCUMENT_MANIFEST_FORMAT) throw new Error(`${source}: is not a manifest of format ${TRUSTED_DOCUMENT_MANIFEST_FORMAT}`);
  if (typeof manifest.client !== 'string' || !manifest.client) throw new Error(`${source}: names no client`);
  if (typeof manifest.documents !== 'object' || manifest.documents === null) throw new Error(`${source}: has no documents`);
  for (const [id, text] of Object.entries(manifest.documents)) {
    if (typeof text !== 'string' || documentId(text) !== id) throw new Error(`${source}: document ${id} does not match its text`);
  }
  return { format: TRUSTED_DOCUMENT_MANIFEST_FORMAT, client: manifest.client, documents: manifest.documents, operations: manifest.operations ?? {} };
}
