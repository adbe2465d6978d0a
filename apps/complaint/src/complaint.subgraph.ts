import { customerCreated, customerErased } from '@carebridge/event-contracts';
import { onEvent } from '@carebridge/messaging';
import { defineSubgraph } from '@carebridge/service-kit';
import { Complaint, ComplaintNumberCounter } from './complaint/complaint.entity';
import { ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintService } from './complaint/complaint.service';
import { CustomerComplaintsResolver } from './customer/customer-complaints.resolver';
import { CustomerDirectory } from './customer/customer-directory';
import { KnownCustomer } from './customer/known-customer.entity';
import { CreateComplaint1763800000000 } from './migrations/1763800000000-CreateComplaint';

/** complaint: the complaint procedure (A-3.2, T-3, T-1.5). */
export const complaintSubgraph = defineSubgraph({
  name: 'complaint',
  entities: [Complaint, ComplaintNumberCounter, KnownCustomer],
  migrations: [CreateComplaint1763800000000],
  build({ dataSource, outbox, clock }) {
    const customers = new CustomerDirectory();
    const complaints = new ComplaintService(dataSource, customers, outbox, clock);
    return {
      resolvers: [new ComplaintResolver(complaints), new CustomerComplaintsResolver(complaints)],
      references: { Complaint: { __resolveReference: (reference: { id: string }) => complaints.findById(reference.id) } },
      eventHandlers: [
        onEvent(customerCreated, (event, manager) => customers.recordCreated(event, manager)),
        onEvent(customerErased, (event, manager) => customers.recordErased(event, manager)),
      ],
    };
  },
});
