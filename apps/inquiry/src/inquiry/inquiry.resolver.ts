import { CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import { caller, type Clock, type Connection, ConnectionType, maskEmail, maskPhone, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../customer/customer.reference';
import { OrderChange } from '../order-change/order-change.entity';
import type { OrderChangeService } from '../order-change/order-change.service';
import { ComplaintReference } from '../references/complaint.reference';
import { KnowledgeArticleReference } from '../references/knowledge-article.reference';
import { Inquiry, InquiryHistoryEntry, InquiryMessage, isLiveChannel, Satisfaction } from './inquiry.entity';
import {
  AddInquiryNoteInput,
  AnswerInquiryCallInput,
  AssignInquiryInput,
  CloseInquiryInput,
  EscalateInquiryToComplaintInput,
  InquiriesArgs,
  InquiryQueueArgs,
  LinkInquiryCustomerInput,
  MergeInquiriesInput,
  ReceiveInquiryInput,
  RecordCustomerMessageInput,
  ReopenInquiryInput,
  ReplyToInquiryInput,
} from './inquiry.inputs';
import { type InquiryService, ringsFor } from './inquiry.service';

export const InquiryConnection = ConnectionType(Inquiry);

@Resolver(() => Inquiry)
export class InquiryResolver {
  constructor(
    private readonly inquiryService: InquiryService,
    private readonly orderChangeService: OrderChangeService,
    private readonly clock: Clock,
  ) {}

  @Authorized()
  @Query(() => Inquiry, { nullable: true })
  inquiry(@Arg('id', () => ID) id: string): Promise<Inquiry | null> {
    return this.inquiryService.findById(id);
  }

  @Authorized()
  @Query(() => InquiryConnection, { description: 'Inquiries, newest first.' })
  inquiries(@Args() args: InquiriesArgs): Promise<Connection<Inquiry>> {
    return this.inquiryService.list(args);
  }

  @Authorized()
  @Query(() => InquiryConnection, { description: 'Inquiries owed a response (first response or reply), the most urgent deadline first (A-3.1.1).' })
  inquiryQueue(@Args() args: InquiryQueueArgs): Promise<Connection<Inquiry>> {
    return this.inquiryService.queue(args);
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records an inquiry as it arrives on a channel, with its first-response deadline (T-1.1, A-3.1.1).' })
  receiveInquiry(@Arg('input') input: ReceiveInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.receive(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records when a call was answered: its first response, in rings.' })
  answerInquiryCall(@Arg('input') input: AnswerInquiryCallInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.answerCall(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Records a further message from the customer; on written channels a reply falls due.' })
  recordCustomerMessage(@Arg('input') input: RecordCustomerMessageInput): Promise<Inquiry> {
    return this.inquiryService.recordCustomerMessage(input);
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Replies to the customer (A-3.1.4), written out or from a saved reply.' })
  replyToInquiry(@Arg('input') input: ReplyToInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.reply(input, caller(context));
  }

  @Authorized('agent', 'complaint_specialist')
  @Mutation(() => Inquiry, { description: 'Adds an internal note.' })
  addInquiryNote(@Arg('input') input: AddInquiryNoteInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.addNote(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Links the inquiry to a customer known to crm.' })
  linkInquiryCustomer(@Arg('input') input: LinkInquiryCustomerInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.linkCustomer(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Assigns the inquiry to an agent, or round robin among available agents.' })
  assignInquiry(@Arg('input') input: AssignInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.assign(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: 'Merges two inquiries of the same customer about the same matter; returns the survivor.' })
  mergeInquiries(@Arg('input') input: MergeInquiriesInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.merge(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry, { description: "Closes the inquiry with the customer's satisfaction (A-3.1.5)." })
  closeInquiry(@Arg('input') input: CloseInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.close(input, caller(context));
  }

  @Authorized('agent')
  @Mutation(() => Inquiry)
  reopenInquiry(@Arg('input') input: ReopenInquiryInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.reopen(input, caller(context));
  }

  @Authorized('agent', 'complaint_specialist')
  @Mutation(() => Inquiry, { description: 'Hands the inquiry to the complaint procedure with its conversation; the complaint appears on Inquiry.complaint.' })
  escalateInquiryToComplaint(@Arg('input') input: EscalateInquiryToComplaintInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryService.escalate(input, caller(context));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The e-mail the customer gave; masked for roles without need.' })
  contactEmail(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): string | null {
    return hasAnyRole(context.identity, CONTACT_DETAIL_ROLES) ? inquiry.contactEmail : maskEmail(inquiry.contactEmail);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The phone number the customer gave; masked for roles without need.' })
  contactPhone(@Root() inquiry: Inquiry, @Ctx() context: RequestContext): string | null {
    return hasAnyRole(context.identity, CONTACT_DETAIL_ROLES) ? inquiry.contactPhone : maskPhone(inquiry.contactPhone);
  }

  // Nullable: when crm cannot be reached, the inquiry is still returned without the customer's details.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm), once known.' })
  customer(@Root() inquiry: Inquiry): CustomerReference | null {
    return inquiry.customerId ? { id: inquiry.customerId } : null;
  }

  @FieldResolver(() => ComplaintReference, { nullable: true, description: 'The complaint registered from this inquiry (resolved by the complaint service).' })
  complaint(@Root() inquiry: Inquiry): ComplaintReference | null {
    return inquiry.complaintId ? { id: inquiry.complaintId } : null;
  }

  @FieldResolver(() => Inquiry, { nullable: true, description: 'The inquiry this one was merged into.' })
  mergedInto(@Root() inquiry: Inquiry): Promise<Inquiry | null> | null {
    return inquiry.mergedIntoId ? this.inquiryService.findById(inquiry.mergedIntoId) : null;
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
    return isLiveChannel(inquiry.channel) && seconds !== null ? ringsFor(seconds, this.inquiryService.ringSeconds) : null;
  }

  @FieldResolver(() => Satisfaction, { nullable: true, description: "The customer's satisfaction recorded at closing." })
  satisfaction(@Root() inquiry: Inquiry): Satisfaction | null {
    if (inquiry.satisfied === null || inquiry.satisfactionScore === null) return null;
    return { satisfied: inquiry.satisfied, score: inquiry.satisfactionScore, reason: inquiry.dissatisfactionReason };
  }

  @FieldResolver(() => [InquiryMessage], { description: 'The conversation and internal notes, oldest first.' })
  messages(@Root() inquiry: Inquiry): Promise<InquiryMessage[]> {
    return this.inquiryService.messages(inquiry.id);
  }

  @FieldResolver(() => [InquiryHistoryEntry], { description: 'Who did what and when, oldest first.' })
  history(@Root() inquiry: Inquiry): Promise<InquiryHistoryEntry[]> {
    return this.inquiryService.history(inquiry.id);
  }

  @FieldResolver(() => [OrderChange], { description: 'Order changes requested on this inquiry.' })
  orderChanges(@Root() inquiry: Inquiry): Promise<OrderChange[]> {
    return this.orderChangeService.forInquiry(inquiry.id);
  }
}

@Resolver(() => InquiryMessage)
export class InquiryMessageResolver {
  @FieldResolver(() => [KnowledgeArticleReference], { description: 'Knowledge-base articles the reply cites (resolved by the training service).' })
  citedArticles(@Root() message: InquiryMessage): KnowledgeArticleReference[] {
    return message.citedArticleIds.map((id) => ({ id }));
  }
}
