import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file on a complaint — a photo of the damaged bag, a receipt — or on one of the customer's
 * messages in its conversation. Its bytes are in the file storage under its id; the row is created
 * when an upload is granted and holds the file once it arrived and passed the intake checks.
 */
@ObjectType('ComplaintAttachment', { description: 'A file on a complaint or on a message of its conversation.' })
@Entity('complaint_attachment')
export class ComplaintAttachment {
  @Field(() => ID, { description: 'The file’s id, the one its upload and download links name.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field(() => ID, { nullable: true, description: 'The conversation message it came with, if any.' })
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Field({ description: 'The file name as sent.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The media type its content was recognised as (null until uploaded).' })
  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType: string | null;

  @Field(() => Int, { nullable: true, description: 'Size in bytes (null until uploaded).' })
  @Column({ type: 'integer', nullable: true })
  size: number | null;

  @Field({ description: 'User id of the staff member who asked for the upload link.' })
  @Column({ name: 'requested_by' })
  requestedBy: string;

  @Column({ name: 'upload_expires_at', type: 'timestamptz', precision: 3 })
  uploadExpiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the file arrived and passed the checks; null while the upload is awaited.' })
  @Column({ name: 'uploaded_at', type: 'timestamptz', precision: 3, nullable: true })
  uploadedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the file was removed with the customer's personal data." })
  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;
}

@ObjectType('ComplaintAttachmentUpload', { description: 'Where to PUT the file: a short-lived signed link, through the gateway.' })
export class ComplaintAttachmentUpload {
  @Field(() => ComplaintAttachment, { description: 'The file the link is for, awaiting its upload (uploadedAt null until it arrives and passes the checks).' })
  attachment: ComplaintAttachment;

  @Field({ description: 'PUT the file’s bytes here (relative to the gateway unless a base URL is configured).' })
  uploadUrl: string;

  @Field({ description: 'When the upload link stops working (COMPLAINT_ATTACHMENT_LINK_MINUTES after it was given, 10 by default); ask for a new one after.' })
  expiresAt: Date;

  @Field(() => Int, { description: 'The largest file accepted, in bytes.' })
  maxBytes: number;
}
