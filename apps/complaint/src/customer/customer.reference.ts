import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** crm's Customer, as far as the complaint service contributes to it (`Customer.complaints`). */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerReference {
  @Field(() => ID)
  id: string;
}
