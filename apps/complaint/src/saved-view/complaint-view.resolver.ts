import { SavedViews } from '@carebridge/help-desk';
import { caller, type Clock, type Connection, type RequestContext } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ComplaintQueries } from '../complaint/complaint-queries';
import { type Complaint, ComplaintConnection } from '../complaint/complaint.entity';
import type { ComplaintFilter, ComplaintOrder } from '../complaint/complaint.inputs';
import { ComplaintView } from './complaint-view.entity';
import { ComplaintViewPageArgs, SaveComplaintViewInput, UpdateComplaintViewInput } from './complaint-view.inputs';

/** Staff who work complaint lists. */
const VIEW_ROLES = ['agent', 'after_sales', 'complaint_specialist', 'supervisor'] as const;

/** The saved complaint views: the help-desk mechanism on this service's complaint list. */
export function complaintViews(dataSource: DataSource, clock: Clock, queries: ComplaintQueries): SavedViews<ComplaintView, ComplaintFilter> {
  return new SavedViews<ComplaintView, ComplaintFilter>(dataSource, clock, ComplaintView, (filter, orderBy) =>
    queries.list({ filter, orderBy: (orderBy as ComplaintOrder | null) ?? undefined, first: 1 }),
  );
}

@Resolver(() => ComplaintView)
export class ComplaintViewResolver {
  constructor(
    private readonly views: SavedViews<ComplaintView, ComplaintFilter>,
    private readonly queries: ComplaintQueries,
  ) {}

  @Authorized(...VIEW_ROLES)
  @Query(() => [ComplaintView], { description: "The complaint views the caller sees: their own, then their teams' (supervisors see every team's)." })
  complaintViews(@Ctx() context: RequestContext): Promise<ComplaintView[]> {
    return this.views.visibleTo(caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Query(() => ComplaintView, { description: 'One complaint view the caller sees.' })
  complaintView(@Arg('id', () => ID, { description: 'The view.' }) id: string, @Ctx() context: RequestContext): Promise<ComplaintView> {
    return this.views.seen(id, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => ComplaintView, { description: 'Saves a complaint view; a TEAM view is saved by a supervisor.' })
  saveComplaintView(@Arg('input', { description: 'The view to save.' }) input: SaveComplaintViewInput, @Ctx() context: RequestContext): Promise<ComplaintView> {
    return this.views.save(input, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => ComplaintView, { description: "Changes a complaint view: one's own personal view, or (supervisors) a team view." })
  updateComplaintView(@Arg('input', { description: 'The view and what it becomes.' }) input: UpdateComplaintViewInput, @Ctx() context: RequestContext): Promise<ComplaintView> {
    return this.views.update(input.id, input, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => Boolean, { description: "Deletes a complaint view: one's own personal view, or (supervisors) a team view." })
  deleteComplaintView(@Arg('id', () => ID, { description: 'The view to delete.' }) id: string, @Ctx() context: RequestContext): Promise<boolean> {
    return this.views.remove(id, caller(context));
  }

  @FieldResolver(() => Int, { description: 'How many complaints the view lists now.' })
  async count(@Root() view: ComplaintView): Promise<number> {
    return (await this.queries.list({ filter: this.views.filterOf(view), orderBy: (view.orderBy as ComplaintOrder | null) ?? undefined, first: 1 })).totalCount;
  }

  @FieldResolver(() => ComplaintConnection, { description: 'The complaints the view lists now, in its order.' })
  complaints(@Root() view: ComplaintView, @Args() page: ComplaintViewPageArgs): Promise<Connection<Complaint>> {
    return this.queries.list({ ...page, filter: this.views.filterOf(view), orderBy: (view.orderBy as ComplaintOrder | null) ?? undefined });
  }
}
