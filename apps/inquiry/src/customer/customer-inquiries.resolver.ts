import { type Connection, ConnectionLoader, PageArgs, type RequestContext } from '@carebridge/service-kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import type { Inquiry } from '../inquiry/inquiry.entity';
import { InquiryConnection } from '../inquiry/inquiry.resolver';
import type { OrderChangeQueries } from '../order-change/order-change-queries';
import type { OrderChange } from '../order-change/order-change.entity';
import { OrderChangeConnection } from '../order-change/order-change.resolver';

/** What the inquiry service adds to crm's Customer: `Customer.inquiries` and `Customer.orderChanges`, each loaded for a whole list of customers at once. */
@Resolver(() => CustomerReference)
export class CustomerInquiriesResolver {
  private readonly inquiriesOf: ConnectionLoader<Inquiry>;
  private readonly orderChangesOf: ConnectionLoader<OrderChange>;

  constructor(inquiryQueries: InquiryQueries, orderChangeQueries: OrderChangeQueries) {
    this.inquiriesOf = new ConnectionLoader(
      (customerIds, page, counted) => inquiryQueries.firstPagesForCustomers(customerIds, page, counted),
      (customerId, page) => inquiryQueries.forCustomer(customerId, page),
    );
    this.orderChangesOf = new ConnectionLoader(
      (customerIds, page, counted) => orderChangeQueries.firstPagesForCustomers(customerIds, page, counted),
      (customerId, page) => orderChangeQueries.list({ ...page, filter: { customerId } }),
    );
  }

  @Authorized()
  @FieldResolver(() => InquiryConnection, { nullable: true, description: "The customer's inquiries, newest first." })
  inquiries(@Root() customer: CustomerReference, @Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<Inquiry>> {
    return this.inquiriesOf.load(context, customer.id, page);
  }

  @Authorized()
  @FieldResolver(() => OrderChangeConnection, { nullable: true, description: "The customer's order change requests, newest first." })
  orderChanges(@Root() customer: CustomerReference, @Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<OrderChange>> {
    return this.orderChangesOf.load(context, customer.id, page);
  }
}
