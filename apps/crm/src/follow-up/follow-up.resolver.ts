import { caller, type Connection, ConnectionType, ListArgs, listSize, PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CustomerQueries } from '../customer/customer-queries';
import { Customer } from '../customer/customer.entity';
import { FollowUp, FollowUpPlan, OverdueFollowUps } from './follow-up.entity';
import { CancelFollowUpInput, CompleteFollowUpInput, CreateFollowUpPlanInput, FollowUpsArgs, ScheduleFollowUpInput, StopFollowUpPlanInput } from './follow-up.inputs';
import type { FollowUpCompletion } from './follow-up-completion';
import type { FollowUpPlans } from './follow-up-plans';
import type { FollowUpQueries } from './follow-up-queries';
import type { FollowUpScheduling } from './follow-up-scheduling';

/** The follow-up use cases the resolvers call. */
export interface FollowUpUseCases {
  scheduling: FollowUpScheduling;
  completion: FollowUpCompletion;
  plans: FollowUpPlans;
  queries: FollowUpQueries;
}

const FollowUpConnection = ConnectionType(FollowUp);
const FOLLOWING_UP = ['agent', 'crm_manager', 'complaint_specialist', 'after_sales'] as const;
/** Supervisors read the follow-ups of their teams, without doing them. */
const READING_FOLLOW_UPS = [...FOLLOWING_UP, 'supervisor'] as const;

@Resolver(() => FollowUp)
export class FollowUpResolver {
  constructor(private readonly useCases: FollowUpUseCases) {}

  @Authorized(...READING_FOLLOW_UPS)
  @Query(() => FollowUpConnection, { description: 'Follow-ups, soonest due first; filter by owner, customer, status or overdue.' })
  followUps(@Args() args: FollowUpsArgs): Promise<Connection<FollowUp>> {
    return this.useCases.queries.list(args.filter ?? {}, args);
  }

  @Authorized(...READING_FOLLOW_UPS)
  @Query(() => [OverdueFollowUps], { description: 'Overdue follow-ups per owner (A-3.4.2).' })
  overdueFollowUpsByOwner(): Promise<OverdueFollowUps[]> {
    return this.useCases.queries.overdueByOwner();
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp, { description: 'Schedules a follow-up call, visit or e-mail by hand.' })
  scheduleFollowUp(@Arg('input') input: ScheduleFollowUpInput, @Ctx() context: RequestContext): Promise<FollowUp> {
    return this.useCases.scheduling.schedule(input, caller(context));
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp, { description: 'Records what came of a follow-up: outcome, satisfaction, new needs.' })
  completeFollowUp(@Arg('input') input: CompleteFollowUpInput, @Ctx() context: RequestContext): Promise<FollowUp> {
    return this.useCases.completion.complete(input, caller(context));
  }

  @Authorized(...FOLLOWING_UP)
  @Mutation(() => FollowUp)
  cancelFollowUp(@Arg('input') input: CancelFollowUpInput): Promise<FollowUp> {
    return this.useCases.completion.cancel(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => FollowUpPlan, { description: 'A recurring follow-up for a key customer, every N days.' })
  createFollowUpPlan(@Arg('input') input: CreateFollowUpPlanInput, @Ctx() context: RequestContext): Promise<FollowUpPlan> {
    return this.useCases.plans.create(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => FollowUpPlan)
  stopFollowUpPlan(@Arg('input') input: StopFollowUpPlanInput): Promise<FollowUpPlan> {
    return this.useCases.plans.stop(input);
  }
}

@Resolver(() => Customer)
export class CustomerFollowUpsResolver {
  constructor(private readonly useCases: FollowUpUseCases) {}

  @Authorized(...FOLLOWING_UP)
  @FieldResolver(() => FollowUpConnection, { description: "The customer's follow-ups, soonest due first." })
  followUps(@Root() customer: Customer, @Args() page: PageArgs): Promise<Connection<FollowUp>> {
    return this.useCases.queries.list({ customerId: customer.id }, page);
  }

  @Authorized(...FOLLOWING_UP)
  @FieldResolver(() => [FollowUpPlan], { description: "The customer's follow-up plans, oldest first; at most `first` of them (bounded list)." })
  followUpPlans(@Root() customer: Customer, @Args() list: ListArgs): Promise<FollowUpPlan[]> {
    return this.useCases.queries.plansOf(customer.id, listSize(list));
  }
}

/** The customer of each follow-up on a page, in one query. */
@Resolver(() => FollowUp)
export class FollowUpCustomerResolver {
  private readonly customerLoader: RequestLoader<string, Customer | null>;

  constructor(customers: CustomerQueries) {
    this.customerLoader = new RequestLoader(async (ids) => {
      const found = await customers.findManyById(ids);
      return new Map(ids.map((id) => [id, found.find((c) => c.id === id) ?? null]));
    });
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer to follow up.' })
  customer(@Root() followUp: FollowUp, @Ctx() context: RequestContext): Promise<Customer | null> {
    return this.customerLoader.load(context, followUp.customerId);
  }
}
