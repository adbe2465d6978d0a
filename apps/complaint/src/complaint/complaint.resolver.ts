import { type Connection, ConnectionType, caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../customer/customer.reference';
import { Complaint } from './complaint.entity';
import { ComplaintsArgs, RegisterComplaintInput } from './complaint.inputs';
import type { ComplaintService } from './complaint.service';

export const ComplaintConnection = ConnectionType(Complaint);

@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(private readonly complaintService: ComplaintService) {}

  @Authorized()
  @Query(() => Complaint, { nullable: true })
  complaint(@Arg('id', () => ID) id: string): Promise<Complaint | null> {
    return this.complaintService.findById(id);
  }

  @Authorized()
  @Query(() => ComplaintConnection, { description: 'Complaints, newest first.' })
  complaints(@Args() args: ComplaintsArgs): Promise<Connection<Complaint>> {
    return this.complaintService.list(args);
  }

  @Authorized('agent', 'complaint_specialist')
  @Mutation(() => Complaint, { description: 'Registers a complaint as the customer told it (A-3.2.1).' })
  registerComplaint(@Arg('input') input: RegisterComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.complaintService.register(input, caller(context));
  }

  // Nullable: when crm cannot be reached, the complaint is still returned without the customer's details.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm).' })
  customer(@Root() complaint: Complaint): CustomerReference {
    return { id: complaint.customerId };
  }
}
