import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import { DuplicateReason } from './customer-merge.enums';

/** Another active profile that may be the same person, and why. */
@ObjectType({ description: 'A profile that may describe the same customer, with the reasons.' })
export class DuplicateCandidate {
  @Field(() => Customer)
  customer: Customer;

  @Field(() => [DuplicateReason])
  reasons: DuplicateReason[];

  @Field({ description: 'Trigram similarity of the two names, 0 to 1.' })
  nameSimilarity: number;
}

/** The record of a merge: the duplicate's history now lives on the survivor (A-4 traceability). */
@ObjectType({ description: 'A duplicate profile merged into this one.' })
@Entity('customer_merge')
export class CustomerMerge {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId: string;

  @Field(() => ID)
  @Column({ name: 'merged_id', type: 'uuid' })
  mergedId: string;

  @Field()
  @Column({ name: 'merged_by', type: 'text' })
  mergedBy: string;

  @Field()
  @Column({ name: 'merged_at', type: 'timestamptz', precision: 3 })
  mergedAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'How many records of each kind moved, e.g. { "followUps": 2 }.' })
  @Column({ type: 'jsonb' })
  moved: Record<string, number>;
}
