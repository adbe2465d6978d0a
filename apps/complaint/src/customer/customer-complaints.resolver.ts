import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ComplaintQueries } from '../complaint/complaint-queries';
import { type Complaint, ComplaintConnection } from '../complaint/complaint.entity';
import { CustomerReference } from '../references/customer.reference';

@Resolver(() => CustomerReference)
export class CustomerComplaintsResolver {
  constructor(private readonly queries: ComplaintQueries) {}

  @Authorized()
  @FieldResolver(() => ComplaintConnection, { nullable: true, description: "The customer's complaints, newest first." })
  complaints(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Complaint>> {
    return this.queries.list({ ...page, filter: { customerId: customer.id } });
  }
}
