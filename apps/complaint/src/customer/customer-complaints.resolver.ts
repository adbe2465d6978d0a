import { type Connection, ConnectionLoader, PageArgs, type RequestContext } from '@carebridge/service-kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ComplaintQueries } from '../complaint/complaint-queries';
import { type Complaint, ComplaintConnection } from '../complaint/complaint.entity';
import { CustomerReference } from '../references/customer.reference';

@Resolver(() => CustomerReference)
export class CustomerComplaintsResolver {
  private readonly complaintsOf: ConnectionLoader<Complaint>;

  constructor(queries: ComplaintQueries) {
    this.complaintsOf = new ConnectionLoader(
      (customerIds, page, counted) => queries.firstPagesForCustomers(customerIds, page, counted),
      (customerId, page) => queries.list({ ...page, filter: { customerId } }),
    );
  }

  @Authorized()
  @FieldResolver(() => ComplaintConnection, { nullable: true, description: "The customer's complaints, newest first." })
  complaints(@Root() customer: CustomerReference, @Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<Complaint>> {
    return this.complaintsOf.load(context, customer.id, page);
  }
}
