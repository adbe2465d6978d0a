import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../customer/customer.reference';
import { Inquiry } from '../inquiry/inquiry.entity';
import type { InquiryService } from '../inquiry/inquiry.service';
import { OrderChange } from './order-change.entity';
import { CompleteOrderChangeInput, OrderChangesArgs, RequestOrderChangeInput, StartOrderChangeInput } from './order-change.inputs';
import type { OrderChangeService } from './order-change.service';

export const OrderChangeConnection = ConnectionType(OrderChange);

@Resolver(() => OrderChange)
export class OrderChangeResolver {
  constructor(
    private readonly orderChangeService: OrderChangeService,
    private readonly inquiryService: InquiryService,
  ) {}

  @Authorized()
  @Query(() => OrderChange, { nullable: true })
  orderChange(@Arg('id', () => ID) id: string): Promise<OrderChange | null> {
    return this.orderChangeService.findById(id);
  }

  @Authorized()
  @Query(() => OrderChangeConnection, { description: 'Order changes, newest first.' })
  orderChanges(@Args() args: OrderChangesArgs): Promise<Connection<OrderChange>> {
    return this.orderChangeService.list(args);
  }

  @Authorized('agent')
  @Mutation(() => OrderChange, { description: 'Requests a change, cancellation or confirmation of a booking on an inquiry (T-1.2).' })
  requestOrderChange(@Arg('input') input: RequestOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.orderChangeService.request(input, caller(context));
  }

  @Authorized('agent', 'after_sales')
  @Mutation(() => OrderChange, { description: 'Starts working on an order change.' })
  startOrderChange(@Arg('input') input: StartOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.orderChangeService.start(input, caller(context));
  }

  @Authorized('agent', 'after_sales')
  @Mutation(() => OrderChange, { description: 'Records an order change as done, or rejected with the reason.' })
  completeOrderChange(@Arg('input') input: CompleteOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.orderChangeService.complete(input, caller(context));
  }

  @FieldResolver(() => Inquiry, { nullable: true })
  inquiry(@Root() change: OrderChange): Promise<Inquiry | null> {
    return this.inquiryService.findById(change.inquiryId);
  }

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm), once known.' })
  customer(@Root() change: OrderChange): CustomerReference | null {
    return change.customerId ? { id: change.customerId } : null;
  }
}
