import { SavedViews } from '@carebridge/help-desk';
import { caller, type Clock, type Connection, type RequestContext } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import type { Inquiry } from '../inquiry/inquiry.entity';
import type { InquiryFilter, InquiryOrder } from '../inquiry/inquiry.inputs';
import { InquiryConnection } from '../inquiry/inquiry.resolver';
import { InquiryView } from './inquiry-view.entity';
import { InquiryViewPageArgs, SaveInquiryViewInput, UpdateInquiryViewInput } from './inquiry-view.inputs';

/** Staff who work inquiry lists. */
const VIEW_ROLES = ['agent', 'complaint_specialist', 'supervisor'] as const;

/** The saved inquiry views: the help-desk mechanism on this service's inquiry list. */
export function inquiryViews(dataSource: DataSource, clock: Clock, inquiries: InquiryQueries): SavedViews<InquiryView, InquiryFilter> {
  return new SavedViews<InquiryView, InquiryFilter>(dataSource, clock, InquiryView, (filter, orderBy) =>
    inquiries.list({ filter, orderBy: (orderBy as InquiryOrder | null) ?? undefined, first: 1 }),
  );
}

@Resolver(() => InquiryView)
export class InquiryViewResolver {
  constructor(
    private readonly views: SavedViews<InquiryView, InquiryFilter>,
    private readonly inquiryList: InquiryQueries,
  ) {}

  @Authorized(...VIEW_ROLES)
  @Query(() => [InquiryView], { description: "The inquiry views the caller sees: their own, then their teams' (supervisors see every team's)." })
  inquiryViews(@Ctx() context: RequestContext): Promise<InquiryView[]> {
    return this.views.visibleTo(caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Query(() => InquiryView, { description: 'One inquiry view the caller sees.' })
  inquiryView(@Arg('id', () => ID, { description: 'The view.' }) id: string, @Ctx() context: RequestContext): Promise<InquiryView> {
    return this.views.seen(id, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => InquiryView, { description: 'Saves an inquiry view; a TEAM view is saved by a supervisor.' })
  saveInquiryView(@Arg('input', { description: 'The view to save.' }) input: SaveInquiryViewInput, @Ctx() context: RequestContext): Promise<InquiryView> {
    return this.views.save(input, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => InquiryView, { description: "Changes an inquiry view: one's own personal view, or (supervisors) a team view." })
  updateInquiryView(@Arg('input', { description: 'The view and what it becomes.' }) input: UpdateInquiryViewInput, @Ctx() context: RequestContext): Promise<InquiryView> {
    return this.views.update(input.id, input, caller(context));
  }

  @Authorized(...VIEW_ROLES)
  @Mutation(() => Boolean, { description: "Deletes an inquiry view: one's own personal view, or (supervisors) a team view." })
  deleteInquiryView(@Arg('id', () => ID, { description: 'The view to delete.' }) id: string, @Ctx() context: RequestContext): Promise<boolean> {
    return this.views.remove(id, caller(context));
  }

  @FieldResolver(() => Int, { description: 'How many inquiries the view lists now.' })
  async count(@Root() view: InquiryView): Promise<number> {
    return (await this.inquiryList.list({ filter: this.views.filterOf(view), orderBy: (view.orderBy as InquiryOrder | null) ?? undefined, first: 1 })).totalCount;
  }

  @FieldResolver(() => InquiryConnection, { description: 'The inquiries the view lists now, in its order.' })
  inquiries(@Root() view: InquiryView, @Args() page: InquiryViewPageArgs): Promise<Connection<Inquiry>> {
    return this.inquiryList.list({ ...page, filter: this.views.filterOf(view), orderBy: (view.orderBy as InquiryOrder | null) ?? undefined });
  }
}
