import { type Connection, ConnectionType, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { Interaction } from './interaction.entity';
import type { InteractionHistory } from './interaction-history';

const InteractionConnection = ConnectionType(Interaction);

@Resolver(() => Customer)
export class CustomerInteractionsResolver {
  constructor(private readonly history: InteractionHistory) {}

  @Authorized()
  @FieldResolver(() => InteractionConnection, { description: 'Everything that happened with the customer across services, newest first.' })
  interactions(@Root() customer: Customer, @Args() page: PageArgs): Promise<Connection<Interaction>> {
    return this.history.forCustomer(customer.id, page);
  }
}
