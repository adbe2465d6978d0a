import { type Connection, ConnectionLoader, ConnectionType, PageArgs, type RequestContext } from '@carebridge/service-kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { Interaction } from './interaction.entity';
import type { InteractionHistory } from './interaction-history';

const InteractionConnection = ConnectionType(Interaction);

@Resolver(() => Customer)
export class CustomerInteractionsResolver {
  private readonly interactionsOf: ConnectionLoader<Interaction>;

  constructor(history: InteractionHistory) {
    this.interactionsOf = new ConnectionLoader(
      (customerIds, page, counted) => history.firstPagesForCustomers(customerIds, page, counted),
      (customerId, page) => history.forCustomer(customerId, page),
    );
  }

  @Authorized()
  @FieldResolver(() => InteractionConnection, { description: 'Everything that happened with the customer across services, newest first.' })
  interactions(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<Interaction>> {
    return this.interactionsOf.load(context, customer.id, page);
  }
}
