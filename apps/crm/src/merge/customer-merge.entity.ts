import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import { DuplicateReason, MergeMove } from './customer-merge.enums';

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
  @Field(() => ID, { description: 'The merge.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The profile that stayed.' })
  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId: string;

  @Field(() => ID, { description: 'The duplicate profile merged into it, now MERGED.' })
  @Column({ name: 'merged_id', type: 'uuid' })
  mergedId: string;

  @Field({ description: 'User id of who merged them.' })
  @Column({ name: 'merged_by', type: 'text' })
  mergedBy: string;

  @Field({ description: 'When they were merged.' })
  @Column({ name: 'merged_at', type: 'timestamptz', precision: 3 })
  mergedAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'How many records of each kind moved, e.g. { "followUps": 2 }.' })
  @Column({ type: 'jsonb' })
  moved: Record<string, number>;
}

/** What a merge would do, before it is done: the two profiles and the records that would move. */
@ObjectType({ description: 'A preview of merging a duplicate into a surviving profile: nothing is changed.' })
export class CustomerMergePreview {
  @Field(() => Customer, { description: 'The profile that would stay, as it is now (before the merge).' })
  survivor: Customer;

  @Field(() => Customer, { description: 'The duplicate profile that would be merged into the survivor and become MERGED.' })
  duplicate: Customer;

  @Field(() => [MergeMove], { description: "crm's records of the duplicate that would move to the survivor, by part; other services re-point theirs on customer.merged." })
  moves: MergeMove[];

  @Field(() => [String], { description: 'Profile fields the survivor would take from the duplicate where it has none (preferences, tags, notes, consents, tier…).' })
  filledFields: string[];
}
