import { BadUserInputError } from '@carebridge/domain';
import type { HttpReply, SubgraphRoute } from '@carebridge/service-kit';
import type { ComplaintAttachments } from './complaint-attachments';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `PUT /complaint-attachments/uploads/<id>?token=…` takes the file of an upload link;
 * `GET /complaint-attachments/<id>?token=…` gives it back. Behind the subgraph secret like every
 * route: clients reach them through the gateway, which forwards these paths. The link is the grant.
 */
export function complaintAttachmentRoute(attachments: ComplaintAttachments): SubgraphRoute {
  return {
    prefix: '/complaint-attachments/',
    methods: ['GET', 'PUT'],
    async handle({ rest, url, method, body, identity, logger }): Promise<HttpReply> {
      const token = url.searchParams.get('token') ?? '';
      const upload = /^uploads\/(.+)$/.exec(rest)?.[1];
      if (method === 'PUT') {
        if (!upload || !ID.test(upload) || !body) throw BadUserInputError.field('path', 'upload', 'PUT a file to the upload link you were given');
        const content = await readAtMost(body, attachments.maxBytes);
        const stored = await attachments.receive(upload.toLowerCase(), token, content, identity);
        logger.info({ attachmentId: stored.id, contentType: stored.contentType, size: stored.size }, 'complaint attachment uploaded');
        return { status: 201, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ id: stored.id, contentType: stored.contentType, size: stored.size }) };
      }
      if (!ID.test(rest)) throw BadUserInputError.field('path', 'attachment', 'is not an attachment link');
      const { attachment, content } = await attachments.download(rest.toLowerCase(), token);
      return {
        status: 200,
        headers: {
          'content-type': attachment.contentType ?? 'application/octet-stream',
          'content-length': String(content.length),
          'content-disposition': `attachment; filename="${encodeURIComponent(attachment.name)}"`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
        body: content,
      };
    },
  };
}

/** The body, refused as soon as it passes the limit (the file is never held whole beyond it). */
async function readAtMost(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw BadUserInputError.field('file', 'size', `must be at most ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
