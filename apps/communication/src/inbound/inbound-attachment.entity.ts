import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to an inbound e-mail, kept in communication's own storage (its database). */
@Entity('inbound_attachment')
export class InboundAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inbound_message_id', type: 'uuid' })
  inboundMessageId: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'bytea', nullable: true })
  content: Buffer | null;
}
