import type { SubgraphRoute } from '@carebridge/service-kit';
import type { DocumentDownloads } from './document-downloads';
import type { CustomerDocument } from './document.entity';

/** The file's size in the answer to `head=1`, which the gateway gives its HEAD as content-length. */
export const FILE_SIZE_HEADER = 'x-carebridge-file-size';

/**
 * `GET /documents/<document id>?token=<signed link>`: the file itself, for a browser, behind the
 * subgraph secret like every route (the gateway forwards the path). The link is the grant, as with
 * `documentFile`; refusals come back as JSON naming the field and the rule. The download is audited
 * as the signed-in user the gateway names, else as `link`. With `head=1` (the gateway's HEAD: the
 * kit's routes answer GET only) it answers the same status and headers without the file.
 */
export function documentDownloadRoute(downloads: DocumentDownloads): SubgraphRoute {
  return {
    prefix: '/documents/',
    async handle({ rest, url, identity, requestId, logger }) {
      const documentId = decodeURIComponent(rest);
      const token = url.searchParams.get('token') ?? '';
      if (url.searchParams.get('head') === '1') {
        const document = await downloads.describe(documentId, token, identity, requestId);
        // The answer to the gateway is a GET's, so it carries no body and says the file's size apart.
        const { 'content-length': _length, ...headers } = fileHeaders(document, document.byteSize ?? 0);
        return { status: 200, headers: { ...headers, [FILE_SIZE_HEADER]: String(document.byteSize ?? 0) }, body: '' };
      }
      const { document, bytes } = await downloads.download(documentId, token, identity, requestId);
      logger.info({ documentId: document.id, type: document.type, byteSize: bytes.length }, 'document downloaded');
      return { status: 200, headers: fileHeaders(document, bytes.length), body: bytes };
    },
  };
}

function fileHeaders(document: CustomerDocument, byteSize: number): Record<string, string> {
  return {
    'content-type': document.contentType as string,
    'content-length': String(byteSize),
    'content-disposition': `attachment; filename="${document.fileName}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}
