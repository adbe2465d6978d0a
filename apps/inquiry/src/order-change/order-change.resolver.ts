import { byId, caller, type Connection, ConnectionType, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import { Inquiry } from '../inquiry/inquiry.entity';
import type { OrderChangeHandling } from './order-change-handling';
import type { OrderChangeQueries } from './order-change-queries';
import type { OrderChangeRequests } from './order-change-requests';
import { OrderChange } from './order-change.entity';
import { CompleteOrderChangeInput, OrderChangesArgs, RequestOrderChangeInput, StartOrderChangeInput } from './order-change.inputs';

export const OrderChangeConnection = ConnectionType(OrderChange);

/** The order change use cases, as the resolvers call them. */
export interface OrderChangeUseCases {
  orderChangeRequests: OrderChangeRequests;
  orderChangeHandling: OrderChangeHandling;
  orderChanges: OrderChangeQueries;
  inquiries: InquiryQueries;
}

@Resolver(() => OrderChange)
export class OrderChangeResolver {
  private readonly inquiryLoader = new RequestLoader(async (ids: readonly string[]) => byId(await this.useCases.inquiries.findManyById(ids)));

  constructor(private readonly useCases: OrderChangeUseCases) {}

  @Authorized()
  @Query(() => OrderChange, { nullable: true })
  orderChange(@Arg('id', () => ID) id: string): Promise<OrderChange | null> {
    return this.useCases.orderChanges.findById(id);
  }

  @Authorized()
  @Query(() => OrderChangeConnection, { description: 'Order changes, newest first.' })
  orderChanges(@Args() args: OrderChangesArgs): Promise<Connection<OrderChange>> {
    return this.useCases.orderChanges.list(args);
  }

  @Authorized('agent')
  @Mutation(() => OrderChange, { description: 'Requests a change, cancellation or confirmation of a booking on an inquiry (T-1.2).' })
  requestOrderChange(@Arg('input') input: RequestOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.useCases.orderChangeRequests.request(input, caller(context));
  }

  @Authorized('agent', 'after_sales')
  @Mutation(() => OrderChange, { description: 'Starts working on an order change.' })
  startOrderChange(@Arg('input') input: StartOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.useCases.orderChangeHandling.start(input, caller(context));
  }

  @Authorized('agent', 'after_sales')
  @Mutation(() => OrderChange, { description: 'Records an order change as done, or rejected with the reason.' })
  completeOrderChange(@Arg('input') input: CompleteOrderChangeInput, @Ctx() context: RequestContext): Promise<OrderChange> {
    return this.useCases.orderChangeHandling.complete(input, caller(context));
  }

  @FieldResolver(() => Inquiry, { nullable: true })
  async inquiry(@Root() change: OrderChange, @Ctx() context: RequestContext): Promise<Inquiry | null> {
    return (await this.inquiryLoader.load(context, change.inquiryId)) ?? null;
  }

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm), once known.' })
  customer(@Root() change: OrderChange): CustomerReference | null {
    return change.customerId ? { id: change.customerId } : null;
  }
}

/** `Inquiry.orderChanges`: the order changes raised on an inquiry. */
@Resolver(() => Inquiry)
export class InquiryOrderChangesResolver {
  private readonly orderChangeLoader = new RequestLoader((ids: readonly string[]) => this.orderChangeQueries.forEachInquiry(ids));

  constructor(private readonly orderChangeQueries: OrderChangeQueries) {}

  @FieldResolver(() => [OrderChange], { description: 'Order changes requested on this inquiry.' })
  orderChanges(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): Promise<OrderChange[]> {
    return this.orderChangeLoader.load(context, inquiry.id);
  }
}
