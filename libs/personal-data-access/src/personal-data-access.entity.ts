import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who saw a customer's unmasked personal data, which fields, and when. One row per
 * customer per request (and purpose); masked reads are never logged because nothing was disclosed.
 * Each service that shows personal data keeps its own log in its own database; the GraphQL type is
 * shareable so that every service's log query returns the same type.
 */
@Directive('@shareable')
@ObjectType({ description: "A read of a customer's unmasked personal data (A-5.3)." })
@Entity('personal_data_access')
@Index('personal_data_access_read_key', ['readId', 'customerId', 'purpose'], { unique: true })
export class PersonalDataAccess {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field({ description: 'User id of who read it.' })
  @Column({ name: 'accessed_by', type: 'text' })
  accessedBy: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'accessed_by_name', type: 'text', nullable: true })
  accessedByName: string | null;

  @Field(() => [String], { description: 'Their roles at the time.' })
  @Column({ name: 'accessor_roles', type: 'text', array: true })
  accessorRoles: string[];

  @Field(() => [String], { description: 'Which fields were disclosed unmasked, e.g. email, contacts.value, documents.number.' })
  @Column({ type: 'text', array: true })
  fields: string[];

  @Field({ description: 'READ (a query showed it) or EXPORT (a data export).' })
  @Column({ type: 'text' })
  purpose: string;

  /** One GraphQL request to the service; the client's request id is kept separately because a client chooses it. */
  @Column({ name: 'read_id', type: 'uuid' })
  readId: string;

  @Field(() => String, { nullable: true, description: 'The request id the gateway passed on, to correlate with its logs.' })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Field()
  @Column({ name: 'accessed_at', type: 'timestamptz', precision: 3 })
  accessedAt: Date;
}
