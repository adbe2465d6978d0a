import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentAuditAction } from './document.enums';

/**
 * Who did what with a document and when: requested, issued, refused, sent, a download link made, a
 * download (or a refused one), the file deleted. `detail` holds ids, channels and times, never
 * personal data. Rows are only ever added.
 */
@ObjectType('DocumentAuditEntry')
@Entity('document_audit_entry')
export class DocumentAuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order entries were written in (the database numbers them). */
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sequence: number;

  @Field(() => ID)
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Field(() => DocumentAuditAction)
  @Column({ type: 'enum', enum: DocumentAuditAction, enumName: 'document_audit_action' })
  action: DocumentAuditAction;

  @Field({ description: 'User id of who did it; `system` for the retention job, `link` for a download by signed link without a signed-in user.' })
  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, string | number | boolean | null>;

  @Field(() => String, { nullable: true, description: 'The request it came with, to find it in the logs.' })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
