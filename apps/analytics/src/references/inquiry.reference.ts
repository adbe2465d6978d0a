import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The inquiry service's Inquiry, referred to by id from a figure's drill-down. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Inquiry')
export class InquiryReference {
  @Field(() => ID)
  id: string;
}
