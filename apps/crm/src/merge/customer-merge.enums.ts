import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DuplicateReason {
  SAME_EMAIL = 'SAME_EMAIL',
  SAME_PHONE = 'SAME_PHONE',
  SIMILAR_NAME = 'SIMILAR_NAME',
  /** The same mailbox name at another provider (li.wei@… and li.wei@…). */
  SIMILAR_EMAIL = 'SIMILAR_EMAIL',
}
registerEnumType(DuplicateReason, { name: 'DuplicateReason' });

/** Whose value survives a merge. */
export enum MergeSide {
  SURVIVOR = 'SURVIVOR',
  DUPLICATE = 'DUPLICATE',
}
registerEnumType(MergeSide, { name: 'MergeSide', description: "Whose value the merged profile keeps: the surviving profile's or the duplicate's." });

@ObjectType({ description: 'How many records of one part of the profile move to the survivor.' })
export class MergeMove {
  @Field({ description: "The part of crm's data: contacts, documents, interactions, followUps, loyalty, coupons, campaignGrants, keyAccount, dataExports." })
  section: string;

  @Field(() => Int, { description: 'How many records of that part would move (0 when the duplicate has none).' })
  records: number;
}
