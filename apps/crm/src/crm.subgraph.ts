import { complaintRegistered } from '@carebridge/event-contracts';
import { onEvent } from '@carebridge/messaging';
import { defineSubgraph } from '@carebridge/service-kit';
import { Customer } from './customer/customer.entity';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerService } from './customer/customer.service';
import { Interaction } from './interaction/interaction.entity';
import { CustomerInteractionsResolver } from './interaction/interaction.resolver';
import { InteractionService } from './interaction/interaction.service';
import { CreateCustomer1763800000000 } from './migrations/1763800000000-CreateCustomer';
import { CreateInteraction1763800000001 } from './migrations/1763800000001-CreateInteraction';

/** crm: customer profiles, key accounts, follow-ups and loyalty (T-1.6, T-2, A-3.4). */
export const crmSubgraph = defineSubgraph({
  name: 'crm',
  entities: [Customer, Interaction],
  migrations: [CreateCustomer1763800000000, CreateInteraction1763800000001],
  build({ dataSource, outbox }) {
    const customers = new CustomerService(dataSource, outbox);
    const interactions = new InteractionService(dataSource);
    return {
      resolvers: [new CustomerResolver(customers), new CustomerInteractionsResolver(interactions)],
      references: { Customer: { __resolveReference: (reference: { id: string }) => customers.findById(reference.id) } },
      eventHandlers: [onEvent(complaintRegistered, (event, manager) => interactions.recordComplaintRegistered(event, manager))],
    };
  },
});
