import type { Identity, SignedLinks } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { FileIntake, FileStorage } from '@carebridge/file-storage';
import { type Clock, groupedBy, whereAnyOf } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { ComplaintHistory } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintAttachment, type ComplaintAttachmentUpload } from './complaint-attachment.entity';
import type { RequestComplaintAttachmentUploadInput } from './complaint-attachment.inputs';

export interface AttachmentLinks {
  upload: SignedLinks;
  download: SignedLinks;
  /** How long an upload or download link lasts. */
  minutes: number;
  /** Where links point: the gateway's `/complaint-attachments`, which forwards them here. */
  baseUrl: string;
}

/**
 * Files on complaints, as real files (not URLs typed in): staff ask for an upload link for one file,
 * the file is PUT to it through the gateway, checked (size, type by content, virus scan) and kept in
 * the file storage; it is read back through short-lived signed download links. The link is the
 * grant, so a browser can upload or show a file without a bearer token.
 */
export class ComplaintAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly history: ComplaintHistory,
    private readonly storage: FileStorage,
    private readonly intake: FileIntake,
    private readonly links: AttachmentLinks,
  ) {}

  get maxBytes(): number {
    return this.intake.maxBytes;
  }

  async requestUpload(input: RequestComplaintAttachmentUploadInput, actor: Identity): Promise<ComplaintAttachmentUpload> {
    const now = this.clock.now();
    const [complaint] = isUuid(input.complaintId) ? await this.dataSource.query(`SELECT id FROM complaint WHERE id = $1`, [input.complaintId]) : [];
    if (!complaint) throw new NotFoundError('Complaint', input.complaintId);
    if (input.messageId) {
      const [message] = await this.dataSource.query(`SELECT id FROM complaint_conversation_message WHERE id = $1 AND complaint_id = $2`, [input.messageId, input.complaintId]);
      if (!message) throw BadUserInputError.field('input.messageId', 'message-of-complaint', 'must be a message of this complaint’s conversation');
    }
    const expiresAt = new Date(now.getTime() + this.links.minutes * 60_000);
    const attachment = await this.dataSource.getRepository(ComplaintAttachment).save({
      complaintId: input.complaintId,
      messageId: input.messageId ?? null,
      name: input.name.trim(),
      contentType: null,
      size: null,
      requestedBy: actor.userId,
      uploadExpiresAt: expiresAt,
      uploadedAt: null,
      erasedAt: null,
    });
    const token = this.links.upload.sign(attachment.id, expiresAt);
    return { attachment, uploadUrl: `${this.links.baseUrl}/uploads/${attachment.id}?token=${encodeURIComponent(token)}`, expiresAt, maxBytes: this.intake.maxBytes };
  }

  /** The file PUT to an upload link: once per link, checked before it is stored; the timeline records it. */
  async receive(attachmentId: string, token: string, content: Buffer, uploader: Identity | undefined): Promise<ComplaintAttachment> {
    const now = this.clock.now();
    this.ensureLink(this.links.upload, attachmentId, token, now);
    const accepted = await this.intake.accept(content, 'file');
    return this.dataSource.transaction(async (manager) => {
      const attachment = await manager.findOne(ComplaintAttachment, { where: { id: attachmentId }, lock: { mode: 'pessimistic_write' } });
      if (!attachment) throw new NotFoundError('ComplaintAttachment', attachmentId);
      if (attachment.uploadedAt) throw new ConflictError(`The file ${attachment.name} was already uploaded; ask for a new link to add another`, {});
      await this.storage.put(attachment.id, accepted.content, accepted.contentType);
      attachment.contentType = accepted.contentType;
      attachment.size = accepted.size;
      attachment.uploadedAt = now;
      const saved = await manager.save(attachment);
      await this.history.record(manager, attachment.complaintId, {
        action: ComplaintAction.ATTACHMENT_ADDED,
        actor: uploader ? { userId: uploader.userId, name: uploader.name ?? null } : { userId: attachment.requestedBy },
        at: now,
        changes: { attachmentId: { to: attachment.id }, contentType: { to: accepted.contentType }, size: { to: accepted.size }, ...(attachment.messageId ? { messageId: { to: attachment.messageId } } : {}) },
      });
      return saved;
    });
  }

  /** The file behind a download link. */
  async download(attachmentId: string, token: string): Promise<{ attachment: ComplaintAttachment; content: Buffer }> {
    this.ensureLink(this.links.download, attachmentId, token, this.clock.now());
    const attachment = await this.dataSource.getRepository(ComplaintAttachment).findOneBy({ id: attachmentId });
    const file = attachment?.uploadedAt && !attachment.erasedAt ? await this.storage.get(attachment.id) : null;
    if (!attachment || !file) throw new NotFoundError('ComplaintAttachment', attachmentId);
    return { attachment, content: file.content };
  }

  /** A fresh short-lived download link; null while the file is awaited or after it was erased. */
  downloadUrl(attachment: ComplaintAttachment): string | null {
    if (!attachment.uploadedAt || attachment.erasedAt) return null;
    const token = this.links.download.sign(attachment.id, new Date(this.clock.now().getTime() + this.links.minutes * 60_000));
    return `${this.links.baseUrl}/${attachment.id}?token=${encodeURIComponent(token)}`;
  }

  /** The uploaded files of several complaints in one query, oldest first. */
  async ofEach(complaintIds: readonly string[]): Promise<Map<string, ComplaintAttachment[]>> {
    const query = this.dataSource.getRepository(ComplaintAttachment).createQueryBuilder('attachment').where('attachment.uploadedAt IS NOT NULL');
    const rows = await whereAnyOf(query, 'complaintId', complaintIds).orderBy('attachment.uploadedAt', 'ASC').addOrderBy('attachment.id', 'ASC').getMany();
    return groupedBy(complaintIds, rows, 'complaintId');
  }

  /** The uploaded files of several conversation messages in one query. */
  async ofEachMessage(messageIds: readonly string[]): Promise<Map<string, ComplaintAttachment[]>> {
    const query = this.dataSource.getRepository(ComplaintAttachment).createQueryBuilder('attachment').where('attachment.uploadedAt IS NOT NULL');
    const rows = await whereAnyOf(query, 'messageId', messageIds).orderBy('attachment.uploadedAt', 'ASC').getMany();
    return groupedBy(messageIds, rows as (ComplaintAttachment & { messageId: string })[], 'messageId');
  }

  /** An erased customer's files leave the storage; the rows stay (type, size, dates) with erasedAt set. */
  async erase(manager: EntityManager, complaintIds: readonly string[], at: Date): Promise<void> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM complaint_attachment WHERE complaint_id = ANY($1) AND erased_at IS NULL FOR UPDATE`, [complaintIds]);
    if (!rows.length) return;
    await manager.query(`UPDATE complaint_attachment SET erased_at = $2 WHERE id = ANY($1)`, [rows.map((row) => row.id), at]);
    for (const row of rows) await this.storage.delete(row.id);
  }

  private ensureLink(links: SignedLinks, attachmentId: string, token: string, now: Date): void {
    const check = links.check(token, now);
    if (!check.valid) throw BadUserInputError.field('token', check.rule, check.rule === 'expired' ? 'the link has expired; ask for a new one' : 'is not a valid link');
    if (check.subject !== attachmentId) throw BadUserInputError.field('token', 'signature', 'is not a link to this file');
  }
}
