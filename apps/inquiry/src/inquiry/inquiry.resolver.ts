import { byId, caller, type Clock, type Connection, ConnectionType, ListArgs, ListLoader, PersonalText, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ContactDisclosure } from '../access-log/contact-disclosure';
import { isLiveChannel } from '../channel/channel.enums';
import type { ResponsePolicies } from '../response-policy/response-policies';
import { ComplaintReference } from '../references/complaint.reference';
import { CustomerReference } from '../references/customer.reference';
import { KnowledgeArticleReference } from '../references/knowledge-article.reference';
import { ringsFor } from './first-response';
import type { InquiryClosing } from './inquiry-closing';
import type { InquiryEscalation as InquiryEscalationUseCase } from './inquiry-escalation';
import type { InquiryClassification } from './inquiry-classification';
import type { TelephonyCalls } from './telephony-calls';
import type { InquiryHandling } from './inquiry-handling';
import type { InquiryIntake } from './inquiry-intake';
import type { InquiryMerging } from './inquiry-merging';
import type { InquiryQueries } from './inquiry-queries';
import { Inquiry, InquiryHistoryEntry, InquiryMessage, Satisfaction } from './inquiry.entity';
import { ComplaintProgress } from './inquiry.enums';
import { INQUIRY_MESSAGES, INQUIRY_SATISFACTION } from '../access-log/personal-text';
import {
  AddInquiryNoteInput,
  AnswerInquiryCallInput,
  AssignInquiryInput,
  CloseInquiryInput,
  CorrectInquiryCategoryInput,
  EscalateInquiryToComplaintInput,
  InquiriesArgs,
  InquiryQueueArgs,
  LinkInquiryCustomerInput,
  MergeInquiriesInput,
  ReceiveInquiryInput,
  RecordCustomerMessageInput,
  ReopenInquiryInput,
  ReplyToInquiryInput,
  ReportCallInput,
  SetInquiryPriorityInput,
  TagInquiryInput,
} from './inquiry.inputs';

export const InquiryConnection = ConnectionType(Inquiry);

@ObjectType({ description: 'The complaint an inquiry was escalated to, and where it stands.' })
export class InquiryEscalation {
  @Field(() => ComplaintProgress, { description: 'Where the complaint stands, as the complaint service last announced it (REQUESTED until it is registered).' })
  status: ComplaintProgress;

  @Field(() => ComplaintReference, { description: 'The complaint, by the id assigned when escalating (its other fields resolve once it is registered).' })
  complaint: ComplaintReference;

  @Field(() => String, { nullable: true, description: 'Its registration number, once registered.' })
  registrationNumber: string | null;

  @Field({ description: 'When the inquiry was handed to the complaint procedure.' })
  escalatedAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of the staff member who escalated it; null when not on record (older escalations).' })
  escalatedBy: string | null;

  @Field({ description: 'When the status last changed.' })
  updatedAt: Date;
}

/** The inquiry's use cases, as the resolver calls them. */
export interface InquiryUseCases {
  intake: InquiryIntake;
  handling: InquiryHandling;
  merging: InquiryMerging;
  closing: InquiryClosing;
  escalation: InquiryEscalationUseCase;
  classification: InquiryClassification;
  telephony: TelephonyCalls;
  inquiries: InquiryQueries;
  policies: ResponsePolicies;
}

@Resolver(() => Inquiry)
export class InquiryResolver {
  // What the items of a list show beside each inquiry, loaded for the whole page at once.
  private readonly messageLoader = new ListLoader((ids, first) => this.useCases.inquiries.messagesOfEach(ids, first));
  private readonly historyLoader = new ListLoader((ids, first) => this.useCases.inquiries.historyOfEach(ids, first));
  private readonly inquiryLoader = new RequestLoader(async (ids: readonly string[]) => byId(await this.useCases.inquiries.findManyById(ids)));

  constructor(
    private readonly useCases: InquiryUseCases,
    private readonly clock: Clock,
    private readonly contacts: ContactDisclosure,
  ) {}

  @Authorized()
  @Query(() => Inquiry, { nullable: true })
  inquiry(@Arg('id', () => ID) id: string): Promise<Inquiry | null> {
    return this.useCases.inquiries.findById(id);
  }

  @Authorized()
  @Query(() => InquiryConnection, { description: 'Inquiries, newest first.' })
  inquiries(@Args() args: InquiriesArgs): Promise<Connection<Inquiry>> {
    return this.useCases.inquiries.list(args);
  }

  @Authorized()
  @Query(() => InquiryConnection, { description: 'Inquiries owed a response (first response or reply), the most urgent deadline first (A-3.1.1).' })
  inquiryQueue(@Args() args: InquiryQueueArgs): Promise<Connection<Inquiry>> {
    return this.useCases.inquiries.queue(args);
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records an inquiry as it arrives on a channel, with its first-response deadline (T-1.1, A-3.1.1).' })
  receiveInquiry(@Arg('input') input: ReceiveInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.intake.receive(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records when a call was answered: its first response, in rings.' })
  answerInquiryCall(@Arg('input') input: AnswerInquiryCallInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.intake.answerCall(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records a further message from the customer; on written channels a reply falls due.' })
  recordCustomerMessage(@Arg('input') input: RecordCustomerMessageInput): Promise<Inquiry> {
    return this.useCases.intake.recordCustomerMessage(input);
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Replies to the customer (A-3.1.4), written out or from a saved reply.' })
  replyToInquiry(@Arg('input') input: ReplyToInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.handling.reply(input, caller(context));
  }

  @Authorized('agent', 'complaint_specialist')
  @Mutation(() => Inquiry, { description: 'Adds an internal note.' })
  addInquiryNote(@Arg('input') input: AddInquiryNoteInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.handling.addNote(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Links the inquiry to a customer known to crm.' })
  linkInquiryCustomer(@Arg('input') input: LinkInquiryCustomerInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.handling.linkCustomer(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Assigns the inquiry to an agent, or round robin among available agents.' })
  assignInquiry(@Arg('input') input: AssignInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.handling.assign(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Merges two inquiries of the same customer about the same matter; returns the survivor.' })
  mergeInquiries(@Arg('input') input: MergeInquiriesInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.merging.merge(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: "Closes the inquiry with the customer's satisfaction (A-3.1.5)." })
  closeInquiry(@Arg('input') input: CloseInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.closing.close(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry)
  reopenInquiry(@Arg('input') input: ReopenInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.closing.reopen(input, caller(context));
  }

  @Authorized('agent', 'complaint_specialist')
  @Mutation(() => Inquiry, {
    description:
      'Hands the inquiry to the complaint procedure with its conversation, flight, place and booking reference. The complaint id is assigned at once: Inquiry.complaint and Inquiry.escalation (status REQUESTED, then REGISTERED).',
  })
  escalateInquiryToComplaint(@Arg('input') input: EscalateInquiryToComplaintInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.escalation.escalate(input, caller(context));
  }

  @Authorized('agent', 'supervisor')
  @Mutation(() => Inquiry, { description: 'Corrects the category given at intake; the history keeps what it was and why it changed.' })
  correctInquiryCategory(@Arg('input', { description: 'The inquiry, its corrected category and why.' }) input: CorrectInquiryCategoryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.classification.correctCategory(input, caller(context));
  }

  @Authorized('agent', 'supervisor')
  @Mutation(() => Inquiry, { description: 'Sets how pressing the inquiry is; the history records the change.' })
  setInquiryPriority(@Arg('input', { description: 'The inquiry and its new priority.' }) input: SetInquiryPriorityInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.classification.setPriority(input, caller(context));
  }

  @Authorized('agent', 'supervisor', 'complaint_specialist')
  @Mutation(() => Inquiry, { description: 'Adds and removes tags.' })
  tagInquiry(@Arg('input', { description: 'The inquiry and the tags to add and to remove.' }) input: TagInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.classification.tag(input, caller(context));
  }

  @Authorized('integration')
  @Mutation(() => Inquiry, { description: "The telephony system reports a call's ring start and answer, by its call id (a repeated report changes nothing)." })
  reportCall(@Arg('input', { description: 'The call, by its telephony id, with its ring start and answer.' }) input: ReportCallInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.useCases.telephony.report(input, caller(context));
  }

  @FieldResolver(() => Boolean, { description: 'The running deadline (first response or reply) has not passed, but less than its at-risk share is left.' })
  atRisk(@Root() inquiry: Inquiry): boolean {
    const now = this.clock.now();
    return Boolean(inquiry.nextDueAt && inquiry.atRiskAt && inquiry.atRiskAt <= now && now < inquiry.nextDueAt);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The e-mail the customer gave; masked for roles without need.' })
  contactEmail(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): Promise<string | null> {
    return this.contacts.show(context, inquiry, 'contactEmail', inquiry.contactEmail);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The phone number the customer gave; masked for roles without need.' })
  contactPhone(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): Promise<string | null> {
    return this.contacts.show(context, inquiry, 'contactPhone', inquiry.contactPhone);
  }

  // Nullable: when crm cannot be reached, the inquiry is still returned without the customer's details.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm), once known.' })
  customer(@Root() inquiry: Inquiry): CustomerReference | null {
    return inquiry.customerId ? { id: inquiry.customerId } : null;
  }

  @FieldResolver(() => ComplaintReference, { nullable: true, description: 'The complaint the inquiry was escalated to (resolved by the complaint service; its id is known from the escalation on).' })
  complaint(@Root() inquiry: Inquiry): ComplaintReference | null {
    return inquiry.complaintId ? { id: inquiry.complaintId } : null;
  }

  @FieldResolver(() => InquiryEscalation, { nullable: true, description: 'The escalation to a complaint: the complaint at once, and its progress as the complaint service reports it.' })
  escalation(@Root() inquiry: Inquiry): InquiryEscalation | null {
    if (!inquiry.escalatedAt || !inquiry.complaintId) return null;
    return {
      status: inquiry.complaintProgress ?? ComplaintProgress.REQUESTED,
      complaint: { id: inquiry.complaintId },
      registrationNumber: inquiry.complaintRegistrationNumber,
      escalatedAt: inquiry.escalatedAt,
      escalatedBy: inquiry.escalatedBy,
      updatedAt: inquiry.complaintProgressAt ?? inquiry.escalatedAt,
    };
  }

  @FieldResolver(() => Inquiry, { nullable: true, description: 'The inquiry this one was merged into.' })
  async mergedInto(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): Promise<Inquiry | null> {
    return inquiry.mergedIntoId ? ((await this.inquiryLoader.load(context, inquiry.mergedIntoId)) ?? null) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Seconds from receipt (or the first ring) to the first response.' })
  firstResponseSeconds(@Root() inquiry: Inquiry): number | null {
    return inquiry.firstRespondedAt ? (inquiry.firstRespondedAt.getTime() - inquiry.receivedAt.getTime()) / 1000 : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the first response came (or, still missing, is) later than due.' })
  firstResponseBreached(@Root() inquiry: Inquiry): boolean {
    return (inquiry.firstRespondedAt ?? this.clock.now()) > inquiry.firstResponseDueAt;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Calls: how many rings before the call was answered.' })
  rings(@Root() inquiry: Inquiry): number | null {
    const seconds = this.firstResponseSeconds(inquiry);
    return isLiveChannel(inquiry.channel) && seconds !== null ? ringsFor(seconds, this.useCases.policies.ringSeconds) : null;
  }

  @PersonalText('Inquiry.satisfaction', INQUIRY_SATISFACTION)
  @FieldResolver(() => Satisfaction, { nullable: true, description: "The customer's satisfaction recorded at closing." })
  satisfaction(@Root() inquiry: Inquiry): Satisfaction | null {
    if (inquiry.satisfied === null || inquiry.satisfactionScore === null) return null;
    return { satisfied: inquiry.satisfied, score: inquiry.satisfactionScore, reason: inquiry.dissatisfactionReason };
  }

  @PersonalText('Inquiry.messages', INQUIRY_MESSAGES)
  @FieldResolver(() => [InquiryMessage], { description: 'The conversation and internal notes, oldest first; at most `first` of them (bounded list).' })
  messages(@Root() inquiry: Inquiry, @Args() list: ListArgs, @Ctx() context: RequestContext): Promise<InquiryMessage[]> {
    return this.messageLoader.load(context, inquiry.id, list);
  }

  @FieldResolver(() => [InquiryHistoryEntry], { description: 'Who did what and when, oldest first; at most `first` entries (bounded list).' })
  history(@Root() inquiry: Inquiry, @Args() list: ListArgs, @Ctx() context: RequestContext): Promise<InquiryHistoryEntry[]> {
    return this.historyLoader.load(context, inquiry.id, list);
  }
}

@Resolver(() => InquiryMessage)
export class InquiryMessageResolver {
  @FieldResolver(() => [KnowledgeArticleReference], { description: 'Knowledge-base articles the reply cites (resolved by the training service).' })
  citedArticles(@Root() message: InquiryMessage): KnowledgeArticleReference[] {
    return message.citedArticleIds.map((id) => ({ id }));
  }
}
