import { type Connection, ConnectionType, caller, PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Args, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { APPROVER_ROLES } from './compensation-approval';
import type { ApprovalCounts, CompensationApprovalQueue } from './compensation-approval-queue';
import { CompensationItem } from './compensation-item.entity';

const CompensationItemConnection = ConnectionType(CompensationItem);

@ObjectType('CompensationApprovalCounts', { description: 'How much compensation awaits a decision.' })
class CompensationApprovalCounts implements ApprovalCounts {
  @Field(() => Int, { description: 'Items you may decide now (not proposed by you).' })
  awaitingMe: number;

  @Field(() => Int, { description: 'Every item awaiting a decision.' })
  awaitingAnyone: number;

  @Field(() => Int, { description: 'Items you proposed, awaiting another supervisor.' })
  proposedByMe: number;

  @Field(() => Date, { nullable: true, description: 'When the longest-waiting item awaiting a decision was proposed; null when none awaits.' })
  oldestProposedAt: Date | null;
}

@Resolver(() => CompensationItem)
export class ApprovalQueueResolver {
  private readonly complaints = new RequestLoader(async (ids: readonly string[]) => new Map((await this.findComplaints(ids)).map((c) => [c.id, c])));

  constructor(
    private readonly queue: CompensationApprovalQueue,
    private readonly findComplaints: (ids: readonly string[]) => Promise<Complaint[]>,
  ) {}

  @Authorized(...APPROVER_ROLES)
  @Query(() => CompensationItemConnection, { description: 'Compensation awaiting your approval, oldest first (supervisors).' })
  compensationAwaitingMyApproval(@Args() page: PageArgs, @Ctx() context: RequestContext): Promise<Connection<CompensationItem>> {
    return this.queue.awaiting(caller(context), page);
  }

  @Authorized(...APPROVER_ROLES)
  @Query(() => CompensationApprovalCounts, { description: 'The counts of the approval queue (supervisors).' })
  compensationApprovalCounts(@Ctx() context: RequestContext): Promise<ApprovalCounts> {
    return this.queue.counts(caller(context));
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'The complaint the item is offered on.' })
  complaint(@Root() item: CompensationItem, @Ctx() context: RequestContext): Promise<Complaint | undefined> {
    return this.complaints.load(context, item.complaintId);
  }
}
