import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TravelDocumentKind } from './customer.enums';

/** A travel document on file (sensitive): its number is masked for roles without need, and every unmasked read is logged. */
@ObjectType({ description: 'A passport or other travel document on file.' })
@Entity('travel_document')
export class TravelDocument {
  @Field(() => ID, { description: 'The travel document.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => TravelDocumentKind, { description: 'Which kind of document it is.' })
  @Column({ type: 'enum', enum: TravelDocumentKind, enumName: 'travel_document_kind' })
  kind: TravelDocumentKind;

  @Field({ description: 'Document number; masked for roles without need.' })
  @Column({ type: 'text' })
  number: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the issuing country.' })
  @Column({ name: 'issuing_country', type: 'text' })
  issuingCountry: string;

  @Field(() => String, { nullable: true, description: 'Expiry date, YYYY-MM-DD.' })
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When it was added to the profile.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
