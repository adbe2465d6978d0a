import { CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { type Clock, type Connection, ConnectionType, caller, ListArgs, ListLoader, maskEmail, maskPhone, PageArgs, PersonalText, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ComplaintDeadline, DeadlineState } from '../deadline/deadline.enums';
import type { ComplaintHistory } from '../history/complaint-history';
import { ComplaintHistoryEntry } from '../history/complaint-history.entity';
import { CustomerReference } from '../references/customer.reference';
import { InquiryReference } from '../references/inquiry.reference';
import { ComplaintStatus } from '../status/status.enums';
import type { ComplaintAssignment } from './complaint-assignment';
import type { ComplaintClassification } from './complaint-classification';
import { ComplaintClosure } from './complaint-closure.entity';
import type { ComplaintClosing } from './complaint-closing';
import type { ComplaintDetails } from './complaint-details';
import type { DeadlineClock } from './complaint-deadlines';
import { ComplaintFeedback } from './complaint-feedback.entity';
import { NEXT_STATUSES } from './complaint-lifecycle';
import type { ComplaintQueries } from './complaint-queries';
import type { ComplaintRegistration } from './complaint-registration';
import type { ComplaintReopening } from './complaint-reopening';
import type { ComplaintWork } from './complaint-work';
import { Complaint, ComplaintConnection } from './complaint.entity';
import { ContactChannel } from './complaint.enums';
import {
  AssignComplaintInput,
  ClassifyComplaintInput,
  CloseComplaintInput,
  ComplaintsArgs,
  GiveComplaintFeedbackInput,
  RegisterComplaintInput,
  ReopenComplaintInput,
  SetComplaintWaitingInput,
  StartComplaintWorkInput,
  UpdateComplaintInput,
} from './complaint.inputs';
import { ConversationMessage } from './conversation-message.entity';
import type { FeedbackToCustomer } from './feedback-to-customer';
import { COMPLAINT_CONVERSATION } from '../access-log/personal-text';

const ComplaintHistoryConnection = ConnectionType(ComplaintHistoryEntry);

/** Complaint specialists handle complaints; their supervisors may do what they do (admin passes every check). */
const HANDLING_ROLES = ['complaint_specialist', 'supervisor'] as const;

/** The use cases the complaint's queries, mutations and fields call. */
export interface ComplaintProcedure {
  registration: ComplaintRegistration;
  classification: ComplaintClassification;
  details: ComplaintDetails;
  assignment: ComplaintAssignment;
  work: ComplaintWork;
  feedback: FeedbackToCustomer;
  closing: ComplaintClosing;
  reopening: ComplaintReopening;
  queries: ComplaintQueries;
  history: ComplaintHistory;
  deadlines: DeadlineClock;
}

@Resolver(() => Complaint)
export class ComplaintResolver {
  // What the items of a list show beside each complaint, loaded for the whole page at once.
  private readonly feedbackLoader = new RequestLoader((ids: readonly string[]) => this.procedure.queries.feedbackOfEach(ids));
  private readonly closureLoader = new RequestLoader((ids: readonly string[]) => this.procedure.queries.closuresOfEach(ids));
  private readonly conversationLoader = new ListLoader((ids, first) => this.procedure.queries.conversationsOfEach(ids, first));

  constructor(
    private readonly procedure: ComplaintProcedure,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => Complaint, { nullable: true })
  complaint(@Arg('id', () => ID) id: string): Promise<Complaint | null> {
    return this.procedure.queries.findById(id);
  }

  @Authorized()
  @Query(() => ComplaintConnection, { description: 'Complaints, newest first unless orderBy says otherwise.' })
  complaints(@Args() args: ComplaintsArgs): Promise<Connection<Complaint>> {
    return this.procedure.queries.list(args);
  }

  @Authorized('agent', 'after_sales', ...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Registers a complaint as the customer told it (A-3.2.1); after-sales registers those about problems during a trip.' })
  registerComplaint(@Arg('input') input: RegisterComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.registration.register(input, caller(context));
  }

  @Authorized('agent', 'after_sales', ...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Completes the file after registration: time, place, people involved, flight, booking reference (A-3.2.2); each change is on the history.' })
  updateComplaint(@Arg('input', { description: 'The complaint and the details to change; fields left out stay as they are.' }) input: UpdateComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.details.update(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Sets the type, urgency or root cause (A-3.2.3, T-3.2).' })
  classifyComplaint(@Arg('input') input: ClassifyComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.classification.classify(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Assigns (or, with a reason, reassigns) the responsible person (A-3.2.3).' })
  assignComplaint(@Arg('input') input: AssignComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.assignment.assign(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'The responsible person starts handling the complaint.' })
  startComplaintWork(@Arg('input') input: StartComplaintWorkInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.work.startWork(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Starts or ends waiting on the customer; the feedback clock pauses meanwhile.' })
  setComplaintWaiting(@Arg('input') input: SetComplaintWaitingInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.work.setWaiting(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Records feedback given to the customer (A-3.2.4).' })
  giveComplaintFeedback(@Arg('input') input: GiveComplaintFeedbackInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.feedback.giveFeedback(input, caller(context));
  }

  @Authorized(...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: "Closes the complaint with the customer's satisfaction (A-3.2.5)." })
  closeComplaint(@Arg('input') input: CloseComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.closing.close(input, caller(context));
  }

  @Authorized('agent', ...HANDLING_ROLES)
  @Mutation(() => Complaint, { description: 'Reopens a resolved or closed complaint; its history is kept. An agent reopens on the customer’s callback, within COMPLAINT_AGENT_REOPEN_DAYS.' })
  reopenComplaint(@Arg('input') input: ReopenComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.procedure.reopening.reopen(input, caller(context));
  }

  // Nullable: when crm cannot be reached, the complaint is still returned without the customer's details.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm).' })
  customer(@Root() complaint: Complaint): CustomerReference {
    return { id: complaint.customerId };
  }

  @FieldResolver(() => InquiryReference, { nullable: true, description: 'The inquiry it was escalated from (resolved by the inquiry service).' })
  inquiry(@Root() complaint: Complaint): InquiryReference | null {
    return complaint.inquiryId ? { id: complaint.inquiryId } : null;
  }

  @FieldResolver(() => [ComplaintStatus], { description: 'The statuses the complaint can move to from here.' })
  allowedNextStatuses(@Root() complaint: Complaint): readonly ComplaintStatus[] {
    return NEXT_STATUSES[complaint.status];
  }

  @FieldResolver(() => [ComplaintDeadline], { description: 'The feedback deadline and, with the US DOT rule on, the regulatory ones.' })
  deadlines(@Root() complaint: Complaint): ComplaintDeadline[] {
    return this.procedure.deadlines.deadlines(complaint, this.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'Whether a deadline was missed (now or earlier).' })
  breached(@Root() complaint: Complaint): boolean {
    return this.procedure.deadlines
      .deadlines(complaint, this.clock.now())
      .some((d) => d.breachedAt !== null || d.state === DeadlineState.BREACHED || d.state === DeadlineState.MET_LATE);
  }

  @FieldResolver(() => Boolean)
  waitingOnCustomer(@Root() complaint: Complaint): boolean {
    return complaint.waitingSince !== null;
  }

  @FieldResolver(() => Int, { description: 'Time spent waiting on the customer, in seconds, including a wait still going on.' })
  pausedSeconds(@Root() complaint: Complaint): number {
    const ongoing = complaint.waitingSince ? Math.max(0, this.clock.now().getTime() - complaint.waitingSince.getTime()) : 0;
    return Math.round((complaint.pausedMs + ongoing) / 1000);
  }

  @FieldResolver(() => [ComplaintFeedback], { description: 'Feedback given to the customer, oldest first.' })
  async feedback(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<ComplaintFeedback[]> {
    const feedback = await this.feedbackLoader.load(context, complaint.id);
    for (const given of feedback) given.customerId = complaint.customerId;
    return feedback;
  }

  @FieldResolver(() => [ComplaintClosure], { description: "Each closing with the customer's satisfaction, oldest first." })
  closures(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<ComplaintClosure[]> {
    return this.closureLoader.load(context, complaint.id);
  }

  @PersonalText('Complaint.conversation', COMPLAINT_CONVERSATION)
  @FieldResolver(() => [ConversationMessage], { description: 'The conversation of the inquiry it was escalated from, oldest first; at most `first` messages (bounded list).' })
  conversation(@Root() complaint: Complaint, @Args() list: ListArgs, @Ctx() context: RequestContext): Promise<ConversationMessage[]> {
    return this.conversationLoader.load(context, complaint.id, list);
  }

  @FieldResolver(() => ComplaintHistoryConnection, { description: 'Every action on the complaint, oldest first (A-4).' })
  history(@Root() complaint: Complaint, @Args() page: PageArgs): Promise<Connection<ComplaintHistoryEntry>> {
    return this.procedure.history.forComplaint(complaint.id, page);
  }
}

@Resolver(() => ComplaintFeedback)
export class ComplaintFeedbackResolver {
  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  @FieldResolver(() => String, { nullable: true, description: 'Where the feedback went; masked for roles without a need for contact details, and each unmasked read is logged (A-5.3).' })
  async sentTo(@Root() feedback: ComplaintFeedback, @Ctx() context: RequestContext): Promise<string | null> {
    if (feedback.sentTo === null) return null;
    if (!hasAnyRole(context.identity, CONTACT_DETAIL_ROLES) || !feedback.customerId) {
      return feedback.channel === ContactChannel.EMAIL || feedback.sentTo.includes('@') ? maskEmail(feedback.sentTo) : maskPhone(feedback.sentTo);
    }
    await this.accessLog.disclosed(context, feedback.customerId, 'complaint.feedback.sentTo');
    return feedback.sentTo;
  }
}
