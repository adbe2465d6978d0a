import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The inquiry service's Inquiry, to which training adds `suggestedArticles`. */
@Directive('@key(fields: "id")')
@ObjectType('Inquiry')
export class InquiryReference {
  @Field(() => ID)
  id: string;
}
