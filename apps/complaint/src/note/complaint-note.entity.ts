import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An internal note on a complaint: what the staff working on it tell each other. Apart from the
 * conversation with the customer, never sent to them, never on an event or the customer's timeline.
 * Notes are never edited or deleted (a trigger refuses it); an erasure blanks their text.
 */
@ObjectType('ComplaintNote', { description: 'An internal note on a complaint, for staff only.' })
@Entity('complaint_note')
export class ComplaintNote {
  @Field(() => ID, { description: 'The note’s id; a note is never edited or deleted.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field({ description: 'What the staff member wrote, for staff only; blanked when the customer’s personal data is erased.' })
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'User id of who wrote it.' })
  @Column({ name: 'author_id' })
  authorId: string;

  @Field(() => String, { nullable: true, description: 'The name of who wrote it, as signed in; null when their sign-in carried no name.' })
  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName: string | null;

  @Field({ description: 'When the note was written.' })
  @Column({ name: 'written_at', type: 'timestamptz', precision: 3 })
  writtenAt: Date;
}
