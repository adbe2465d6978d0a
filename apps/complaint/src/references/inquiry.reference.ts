import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The inquiry service's Inquiry, referenced by id only: the complaint service resolves none of its fields. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Inquiry')
export class InquiryReference {
  @Field(() => ID)
  id: string;
}
