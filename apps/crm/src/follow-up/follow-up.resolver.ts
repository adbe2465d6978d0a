import { caller, type Connection, ConnectionType, PageArgs, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { FollowUp, FollowUpPlan, OverdueFollowUps } from './follow-up.entity';
import { CancelFollowUpInput, CompleteFollowUpInput, CreateFollowUpPlanInput, FollowUpsArgs, ScheduleFollowUpInput, StopFollowUpPlanInput } from './follow-up.inputs';
import type { FollowUpService } from './follow-up.service';

const FollowUpConnection = ConnectionType(FollowUp);
const FOLLOWING_UP = ['agent', 'crm_manager', 'complaint_specialist', 'after_sales'] as const;

@Resolver(() => FollowUp)
export class FollowUpResolver {
  constructor(private readonly followUpService: FollowUpService) {}

  @Authorized(...FOLLOWING_UP)
  @Query(() => FollowUpConnection, { description: 'Follow-ups, soonest due first; filter by owner, customer, status or overdue.' })
  followUps(@Args() args: FollowUpsArgs): Promise<Connection<FollowUp>> {
    return this.followUpService.list(args.filter ?? {}, args);
  }

  @Authorized(...FOLLOWING_UP)
  @Query(() => [OverdueFollowUps], { description: 'Overdue follow-ups per owner (A-3.4.2).' })
  overdueFollowUpsByOwner(): Promise<OverdueFollowUps[]> {
    return this.followUpService.overdueByOwner();
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp, { description: 'Schedules a follow-up call, visit or e-mail by hand.' })
  scheduleFollowUp(@Arg('input') input: ScheduleFollowUpInput, @Ctx() context: RequestContext): Promise<FollowUp> {
    return this.followUpService.schedule(input, caller(context));
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp, { description: 'Records what came of a follow-up: outcome, satisfaction, new needs.' })
  completeFollowUp(@Arg('input') input: CompleteFollowUpInput, @Ctx() context: RequestContext): Promise<FollowUp> {
    return this.followUpService.complete(input, caller(context));
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp)
  cancelFollowUp(@Arg('input') input: CancelFollowUpInput): Promise<FollowUp> {
    return this.followUpService.cancel(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => FollowUpPlan, { description: 'A recurring follow-up for a key customer, every N days.' })
  createFollowUpPlan(@Arg('input') input: CreateFollowUpPlanInput, @Ctx() context: RequestContext): Promise<FollowUpPlan> {
    return this.followUpService.createPlan(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => FollowUpPlan)
  stopFollowUpPlan(@Arg('input') input: StopFollowUpPlanInput): Promise<FollowUpPlan> {
    return this.followUpService.stopPlan(input);
  }
}

@Resolver(() => Customer)
export class CustomerFollowUpsResolver {
  constructor(private readonly followUpService: FollowUpService) {}

  @Authorized(...FOLLOWING_UP)
  @FieldResolver(() => FollowUpConnection, { description: "The customer's follow-ups, soonest due first." })
  followUps(@Root() customer: Customer, @Args() page: PageArgs): Promise<Connection<FollowUp>> {
    return this.followUpService.list({ customerId: customer.id }, page);
  }

  @Authorized(...FOLLOWING_UP)
  @FieldResolver(() => [FollowUpPlan])
  followUpPlans(@Root() customer: Customer): Promise<FollowUpPlan[]> {
    return this.followUpService.plansOf(customer.id);
  }
}
