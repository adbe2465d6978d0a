import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Inquiry } from '../inquiry/inquiry.entity';
import { InquiryConnection } from '../inquiry/inquiry.resolver';
import type { InquiryService } from '../inquiry/inquiry.service';
import type { OrderChange } from '../order-change/order-change.entity';
import { OrderChangeConnection } from '../order-change/order-change.resolver';
import type { OrderChangeService } from '../order-change/order-change.service';
import { CustomerReference } from './customer.reference';

@Resolver(() => CustomerReference)
export class CustomerInquiriesResolver {
  constructor(
    private readonly inquiryService: InquiryService,
    private readonly orderChangeService: OrderChangeService,
  ) {}

  @Authorized()
  @FieldResolver(() => InquiryConnection, { description: "The customer's inquiries, newest first." })
  inquiries(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Inquiry>> {
    return this.inquiryService.forCustomer(customer.id, page);
  }

  @Authorized()
  @FieldResolver(() => OrderChangeConnection, { description: "The customer's order change requests, newest first." })
  orderChanges(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<OrderChange>> {
    return this.orderChangeService.list({ ...page, filter: { customerId: customer.id } });
  }
}
