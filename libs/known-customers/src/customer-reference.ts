import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** crm's `Customer` entity as another subgraph refers to it: only its key. */
export interface CustomerReference {
  id: string;
}

/**
 * The `Customer` stub (`@key(fields: "id")`) a subgraph adds fields to (`Customer.complaints`, …).
 * Each subgraph makes its own class once, at module level:
 *
 *   export const CustomerReference = customerReferenceType();
 *   export type CustomerReference = InstanceType<typeof CustomerReference>;
 *   @Resolver(() => CustomerReference) class CustomerComplaintsResolver { … }
 *
 * One class per subgraph, because type-graphql adds a resolver's fields to the class it resolves:
 * one shared class would carry one subgraph's fields into another's schema where both are built in
 * one process (supergraph composition).
 */
export function customerReferenceType(): new () => CustomerReference {
  @Directive('@key(fields: "id")')
  @ObjectType('Customer')
  class CustomerStub implements CustomerReference {
    @Field(() => ID)
    id: string;
  }
  return CustomerStub;
}
