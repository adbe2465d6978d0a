import { hasAnyRole } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError } from '@carebridge/domain';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { caller, type Connection, ListArgs, listSize, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { disclose } from '../access-log/disclosure';
import { CustomerReference } from '../references/customer.reference';
import { CustomerContactPreference } from './contact-preference.entity';
import type { FollowUpCalls } from './follow-up-calls';
import { FollowUpCall } from './follow-up-call.entity';
import type { FollowUpQueries } from './follow-up-queries';
import { FollowUpSatisfaction } from './follow-up.enums';
import { FollowUpSurvey, FollowUpSurveyConnection } from './follow-up-survey.entity';
import { AnswerFollowUpSurveyInput, FollowUpSatisfactionArgs, FollowUpSurveysArgs, RecordFollowUpCallInput, SetCustomerContactPreferencesInput, SurveyIdArgs } from './follow-up.inputs';
import type { SurveyAnswering } from './survey-answering';

/**
 * Who works with follow-ups, and supervisors who oversee them, read the customers' words (each read
 * logged); analysts read the figures of surveys, without the words or whose they are.
 */
const FOLLOW_UP_STAFF = ['after_sales', 'supervisor'] as const;
const seesWords = (context: RequestContext) => hasAnyRole(context.identity, FOLLOW_UP_STAFF);

@ObjectType('FollowUpSurveyReceipt', { description: 'What the customer’s app gets back for an answer: nothing beyond the survey id.' })
export class FollowUpSurveyReceipt {
  @Field(() => ID)
  surveyId: string;

  @Field()
  answeredAt: Date;

  @Field({ description: 'Whether after-sales will get back to the customer about it.' })
  followUpPlanned: boolean;
}

@ObjectType('FollowUpSurveyLink', { description: 'The signed, single-use, expiring link token of a sent survey.' })
export class FollowUpSurveyLink {
  @Field(() => ID)
  surveyId: string;

  @Field({ description: 'Goes into the customer’s link; answerFollowUpSurvey takes it.' })
  token: string;

  @Field()
  expiresAt: Date;
}

@Resolver(() => FollowUpSurvey)
export class FollowUpResolver {
  constructor(
    private readonly queries: FollowUpQueries,
    private readonly answering: SurveyAnswering,
    private readonly calls: FollowUpCalls,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Authorized('after_sales', 'supervisor', 'analyst')
  @Query(() => FollowUpSatisfaction, { description: 'Post-trip satisfaction of trips that ended in [from, to): answers, NPS, CSAT per component; figures only.' })
  followUpSatisfaction(@Args() args: FollowUpSatisfactionArgs): Promise<FollowUpSatisfaction> {
    if (args.to <= args.from) throw BadUserInputError.field('to', 'after-from', 'must be after from');
    return this.queries.satisfaction(args.from, args.to);
  }

  @Authorized('after_sales', 'supervisor', 'analyst')
  @Query(() => FollowUpSurvey, { nullable: true, description: 'One post-trip survey.' })
  followUpSurvey(@Arg('id', () => ID) id: string): Promise<FollowUpSurvey | null> {
    return this.queries.findById(id);
  }

  @Authorized('after_sales', 'supervisor', 'analyst')
  @Query(() => FollowUpSurveyConnection, { description: 'Post-trip surveys, newest first.' })
  followUpSurveys(@Args() args: FollowUpSurveysArgs, @Ctx() context: RequestContext): Promise<Connection<FollowUpSurvey>> {
    if (args.filter?.customerId && !seesWords(context)) throw new ForbiddenError('Analysts see figures, not the surveys of one customer');
    return this.queries.list(args);
  }

  // The communication service (integration) builds the customer's link from it; after-sales can re-send it.
  @Authorized('integration', 'after_sales')
  @Query(() => FollowUpSurveyLink, { description: 'The signed link token of a sent survey (for the communication service that delivers it).' })
  followUpSurveyLink(@Args() args: SurveyIdArgs): Promise<FollowUpSurveyLink> {
    return this.answering.linkOf(args.surveyId);
  }

  // No @Authorized: the customer answers from the link, without a staff token. The gateway lets
  // exactly this one operation through without a bearer token; the signed token is the credential.
  @Mutation(() => FollowUpSurveyReceipt, { description: 'The customer’s answer to a post-trip survey, through its signed link (no staff token needed). A link answers once.' })
  answerFollowUpSurvey(@Arg('input') input: AnswerFollowUpSurveyInput): Promise<FollowUpSurveyReceipt> {
    return this.answering.answer(input);
  }

  @Authorized('after_sales')
  @Mutation(() => FollowUpCall, { description: 'Records the outcome of a follow-up call by hand.' })
  recordFollowUpCall(@Arg('input') input: RecordFollowUpCallInput, @Ctx() context: RequestContext): Promise<FollowUpCall> {
    return this.calls.record(input, caller(context));
  }

  @Authorized('after_sales')
  @Mutation(() => CustomerContactPreference, { description: 'What the customer said about being contacted: follow-up consent, care opt-out.' })
  setCustomerContactPreferences(@Arg('input') input: SetCustomerContactPreferencesInput, @Ctx() context: RequestContext): Promise<CustomerContactPreference> {
    return this.calls.setPreferences(input, caller(context));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why that score, in the customer’s words; null for analysts.' })
  async npsReason(@Root() survey: FollowUpSurvey, @Ctx() context: RequestContext): Promise<string | null> {
    return seesWords(context) ? disclose(this.accessLog, context, survey.customerId, 'followUpSurvey.npsReason', survey.npsReason) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The customer’s comment; null for analysts.' })
  async comment(@Root() survey: FollowUpSurvey, @Ctx() context: RequestContext): Promise<string | null> {
    return seesWords(context) ? disclose(this.accessLog, context, survey.customerId, 'followUpSurvey.comment', survey.comment) : null;
  }

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm); null for analysts.' })
  customer(@Root() survey: FollowUpSurvey, @Ctx() context: RequestContext): CustomerReference | null {
    return seesWords(context) ? { id: survey.customerId } : null;
  }
}

@Resolver(() => CustomerReference)
export class CustomerFollowUpResolver {
  constructor(
    private readonly queries: FollowUpQueries,
    private readonly calls: FollowUpCalls,
  ) {}

  @Authorized('after_sales')
  @FieldResolver(() => FollowUpSurveyConnection, { nullable: true, description: "The customer's post-trip surveys, newest first (resolved by after-sales)." })
  followUpSurveys(@Root() customer: CustomerReference): Promise<Connection<FollowUpSurvey>> {
    return this.queries.list({ filter: { customerId: customer.id } });
  }

  @Authorized('after_sales')
  @FieldResolver(() => [FollowUpCall], { nullable: true, description: 'Follow-up calls to the customer, latest first (resolved by after-sales); at most `first` of them (bounded list).' })
  followUpCalls(@Root() customer: CustomerReference, @Args() list: ListArgs): Promise<FollowUpCall[]> {
    return this.calls.callsOf(customer.id, listSize(list));
  }

  @Authorized('after_sales')
  @FieldResolver(() => CustomerContactPreference, { nullable: true, description: 'Whether after-sales may contact the customer (resolved by after-sales).' })
  contactPreferences(@Root() customer: CustomerReference): Promise<CustomerContactPreference> {
    return this.calls.preferencesOf(customer.id);
  }
}
