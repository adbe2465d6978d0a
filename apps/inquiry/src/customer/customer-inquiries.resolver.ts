import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import type { Inquiry } from '../inquiry/inquiry.entity';
import { InquiryConnection } from '../inquiry/inquiry.resolver';
import type { OrderChangeQueries } from '../order-change/order-change-queries';
import type { OrderChange } from '../order-change/order-change.entity';
import { OrderChangeConnection } from '../order-change/order-change.resolver';

/** What the inquiry service adds to crm's Customer: `Customer.inquiries` and `Customer.orderChanges`. */
@Resolver(() => CustomerReference)
export class CustomerInquiriesResolver {
  constructor(
    private readonly inquiryQueries: InquiryQueries,
    private readonly orderChangeQueries: OrderChangeQueries,
  ) {}

  @Authorized()
  @FieldResolver(() => InquiryConnection, { nullable: true, description: "The customer's inquiries, newest first." })
  inquiries(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Inquiry>> {
    return this.inquiryQueries.forCustomer(customer.id, page);
  }

  @Authorized()
  @FieldResolver(() => OrderChangeConnection, { nullable: true, description: "The customer's order change requests, newest first." })
  orderChanges(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<OrderChange>> {
    return this.orderChangeQueries.list({ ...page, filter: { customerId: customer.id } });
  }
}
