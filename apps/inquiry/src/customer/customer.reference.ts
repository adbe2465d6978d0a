import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** crm's Customer, as far as the inquiry service contributes to it (`Customer.inquiries`, `Customer.orderChanges`). */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerReference {
  @Field(() => ID)
  id: string;
}
