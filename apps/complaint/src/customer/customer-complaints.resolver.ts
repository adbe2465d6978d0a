import { type Connection, PageArgs } from '@carebridge/service-kit';
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintConnection } from '../complaint/complaint.resolver';
import type { ComplaintService } from '../complaint/complaint.service';
import { CustomerReference } from './customer.reference';

@Resolver(() => CustomerReference)
export class CustomerComplaintsResolver {
  constructor(private readonly complaintService: ComplaintService) {}

  @Authorized()
  @FieldResolver(() => ComplaintConnection, { description: "The customer's complaints, newest first." })
  complaints(@Root() customer: CustomerReference, @Args() page: PageArgs): Promise<Connection<Complaint>> {
    return this.complaintService.list({ ...page, filter: { customerId: customer.id } });
  }
}
