import type { SubgraphRoute } from '@carebridge/service-kit';
import type { DocumentDownloads } from './document-downloads';

/**
 * `GET /documents/<document id>?token=<signed link>`: the file itself, for a browser, behind the
 * subgraph secret like every route (the gateway forwards the path). The link is the grant, as with
 * `documentFile`; refusals come back as JSON naming the field and the rule.
 */
export function documentDownloadRoute(downloads: DocumentDownloads): SubgraphRoute {
  return {
    prefix: '/documents/',
    async handle({ rest, url, identity, requestId, logger }) {
      const { document, bytes } = await downloads.download(decodeURIComponent(rest), url.searchParams.get('token') ?? '', identity, requestId);
      logger.info({ documentId: document.id, type: document.type, byteSize: bytes.length }, 'document downloaded');
      return {
        status: 200,
        headers: {
          'content-type': document.contentType as string,
          'content-length': String(bytes.length),
          'content-disposition': `attachment; filename="${document.fileName}"`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
        body: bytes,
      };
    },
  };
}
