import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ContactKind } from './customer.enums';

/**
 * One of a customer's e-mail addresses or phone numbers. One of each kind is primary; the primary
 * ones are also kept on the profile (`Customer.email`, `Customer.phone`).
 */
@ObjectType('CustomerContact', { description: 'An e-mail address or phone number of a customer; the value is masked for roles without need.' })
@Entity('customer_contact')
@Index('customer_contact_lookup_idx', ['kind', 'value'])
export class CustomerContact {
  @Field(() => ID, { description: 'The contact detail.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ContactKind, { description: 'E-mail address or phone number.' })
  @Column({ type: 'enum', enum: ContactKind, enumName: 'contact_kind' })
  kind: ContactKind;

  @Field({ description: 'E-mail address, or phone number in E.164 form.' })
  @Column({ type: 'text' })
  value: string;

  @Field(() => String, { nullable: true, description: 'e.g. "work", "mobile", "assistant".' })
  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Field({ description: 'The one to use first for its kind.' })
  @Column({ name: 'is_primary', default: false })
  isPrimary: boolean;

  @Field({ description: 'When it was added.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
