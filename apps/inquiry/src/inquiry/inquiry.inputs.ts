import { PHONE_PATTERN, PHONE_RULE } from '@carebridge/domain';
import { CustomFieldCondition, TAG_PATTERN, TAG_RULE } from '@carebridge/help-desk';
import { PageArgs } from '@carebridge/service-kit';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { InquiryChannel } from '../channel/channel.enums';
import { EscalationCategory, EscalationUrgency, InquiryCategory, InquiryPriority, InquiryStatus, TravelMaterialKind } from './inquiry.enums';

const UUID_RULE = { message: 'must be an id (UUID)' };

@InputType({ description: 'Who the customer said they are, when they are not (yet) a known customer (A-3.1.2).' })
export class InquiryContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;
}

const CALL_ID_PATTERN = /^[\w.:@-]{1,120}$/;

@InputType({ description: 'A call: when it started ringing and, if already, when it was answered (A-3.1.1).' })
export class PhoneCallInput {
  @Field()
  @IsDate({ message: 'must be a date and time' })
  ringStartedAt: Date;

  @Field(() => String, { nullable: true, description: "The telephony system's id of the call, so that its report of the ring times reaches this inquiry." })
  @IsOptional()
  @Matches(CALL_ID_PATTERN, { message: 'must be a call id of 1 to 120 letters, digits and . : @ _ -' })
  callId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  answeredAt?: Date | null;
}

@InputType({ description: 'An inquiry as it arrives on a channel (T-1.1, A-3.1.2, A-3.1.3).' })
export class ReceiveInquiryInput {
  @Field(() => InquiryChannel)
  @IsIn(Object.values(InquiryChannel))
  channel: InquiryChannel;

  @Field(() => InquiryCategory)
  @IsIn(Object.values(InquiryCategory))
  category: InquiryCategory;

  @Field()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  subject: string;

  @Field(() => String, { nullable: true, description: "The customer's message in their words; needed for written channels." })
  @IsOptional()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  message?: string | null;

  @Field(() => ID, { nullable: true, description: 'A customer known to crm; otherwise give the contact and link the customer later.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string | null;

  @Field(() => InquiryContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contact?: InquiryContactInput | null;

  @Field(() => Date, { nullable: true, description: 'Written channels: when the message arrived (default: now).' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  receivedAt?: Date | null;

  @Field(() => PhoneCallInput, { nullable: true, description: 'Calls (PHONE): ring start and answer times.' })
  @IsOptional()
  @ValidateNested()
  call?: PhoneCallInput | null;

  @Field(() => InquiryPriority, { defaultValue: InquiryPriority.NORMAL, description: 'How pressing the inquiry is (default NORMAL); among the same deadline the queue puts the higher first.' })
  @IsOptional()
  @IsIn(Object.values(InquiryPriority))
  priority?: InquiryPriority;

  @Field(() => [String], { defaultValue: [], description: 'Tags to file the inquiry under (at most 20, each 1 to 40 letters, digits, "-" or "_"); stored in lower case, each once.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  tags?: string[];
}

@InputType({ description: 'The category was wrong at intake: the corrected one, and why.' })
export class CorrectInquiryCategoryInput {
  @Field(() => ID, { description: 'The inquiry whose category was wrong.' })
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => InquiryCategory, { description: 'The right category; the same one as now changes nothing.' })
  @IsIn(Object.values(InquiryCategory))
  category: InquiryCategory;

  @Field({ description: 'Why the category changed (1 to 500 characters), kept in the inquiry’s history.' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;
}

@InputType()
export class SetInquiryPriorityInput {
  @Field(() => ID, { description: 'The inquiry to reprioritise.' })
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => InquiryPriority, { description: 'The new priority; the same one as now changes nothing.' })
  @IsIn(Object.values(InquiryPriority))
  priority: InquiryPriority;
}

@InputType({ description: 'Tags to add and to remove (compared in lower case).' })
export class TagInquiryInput {
  @Field(() => ID, { description: 'The inquiry to tag.' })
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => [String], { defaultValue: [], description: 'Tags to add (at most 20, each 1 to 40 letters, digits, "-" or "_"); stored in lower case, each once.' })
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  add: string[];

  @Field(() => [String], { defaultValue: [], description: 'Tags to remove (at most 20), compared in lower case; a tag the inquiry lacks is ignored.' })
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  remove: string[];
}

@InputType({ description: "The telephony system's report of a call: when it started ringing and, once answered, when and by whom." })
export class ReportCallInput {
  @Field({ description: "The telephony system's id of the call: a report repeated for the same call changes nothing." })
  @Matches(CALL_ID_PATTERN, { message: 'must be a call id of 1 to 120 letters, digits and . : @ _ -' })
  callId: string;

  @Field({ description: 'When the call started ringing (not in the future): the inquiry’s received time, from which the ring target counts.' })
  @IsDate({ message: 'must be a date and time' })
  ringStartedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an agent answered (not before ringStartedAt, with answeredBy); leave out while the call is unanswered.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  answeredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of the agent who answered.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  answeredBy?: string | null;

  @Field(() => String, { nullable: true, description: "The caller's number, for a call no agent recorded yet." })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  callerNumber?: string | null;
}

@InputType()
export class AnswerInquiryCallInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => Date, { nullable: true, description: 'Default: now.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  answeredAt?: Date | null;
}

@InputType({ description: 'A further message from the customer.' })
export class RecordCustomerMessageInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  body: string;

  @Field(() => Date, { nullable: true, description: 'When it arrived (default: now).' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  receivedAt?: Date | null;
}

@InputType({ description: 'Travel material to attach: a reference to the document (T-1.3).' })
export class TravelMaterialInput {
  @Field(() => TravelMaterialKind)
  @IsIn(Object.values(TravelMaterialKind))
  kind: TravelMaterialKind;

  @Field()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reference: string;

  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;
}

@InputType({ description: 'Values for the placeholders of a saved reply, where the inquiry does not know them.' })
export class PlaceholderValuesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  customerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  bookingReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: the registration number of the complaint the inquiry was escalated to.' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  complaintNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Default: the dedicated contact of the customer's key account." })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  dedicatedContact?: string | null;

  @Field(() => String, { nullable: true, description: "Default: the key account's agreed response time, e.g. \"2 hours\"." })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  responseTime?: string | null;
}

@InputType({ description: 'A reply to the customer (A-3.1.4): written out, or from a saved reply.' })
export class ReplyToInquiryInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => String, { nullable: true, description: 'The reply; leave out to send the saved reply.' })
  @IsOptional()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'A saved reply to use; its placeholders are filled in.' })
  @IsOptional()
  @IsUUID('all', UUID_RULE)
  savedReplyId?: string | null;

  @Field(() => PlaceholderValuesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  placeholders?: PlaceholderValuesInput | null;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Knowledge-base articles the reply cites.' })
  @IsUUID('all', { each: true, message: 'must be knowledge-base article ids (UUID)' })
  @ArrayMaxSize(20, { message: 'must cite at most 20 articles' })
  citedArticleIds: string[];

  @Field(() => [TravelMaterialInput], { nullable: true, defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20, { message: 'must attach at most 20 documents' })
  attachments: TravelMaterialInput[];
}

@InputType({ description: 'An internal note; the customer does not see it.' })
export class AddInquiryNoteInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  body: string;
}

@InputType()
export class LinkInquiryCustomerInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;
}

@InputType({ description: 'Assign to the given agent, or leave agentId out to assign round robin among available agents.' })
export class AssignInquiryInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be a user id' })
  agentId?: string | null;
}

@InputType({ description: 'Two inquiries of the same customer about the same matter: the merged one joins the survivor.' })
export class MergeInquiriesInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  survivorId: string;

  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  mergedId: string;
}

@InputType({ description: "The customer's answer to \"are you satisfied?\" (A-3.1.5)." })
export class SatisfactionInput {
  @Field()
  @IsBoolean({ message: 'must be true or false' })
  satisfied: boolean;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 5' })
  @Max(5, { message: 'must be from 1 to 5' })
  score: number;

  @Field(() => String, { nullable: true, description: 'Needed when the customer is not satisfied.' })
  @IsOptional()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason?: string | null;
}

@InputType({ description: "Close with the customer's satisfaction, or with the reason it could not be asked." })
export class CloseInquiryInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => SatisfactionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  satisfaction?: SatisfactionInput | null;

  @Field(() => String, { nullable: true, description: 'Why the customer could not be asked (e.g. the call dropped).' })
  @IsOptional()
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  closedWithoutSatisfactionReason?: string | null;
}

@InputType()
export class ReopenInquiryInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field()
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  reason: string;
}

@InputType({ description: 'Hand the inquiry to the complaint procedure; its conversation goes along (no re-typing).' })
export class EscalateInquiryToComplaintInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field(() => EscalationCategory)
  @IsIn(Object.values(EscalationCategory))
  category: EscalationCategory;

  @Field(() => EscalationUrgency, { defaultValue: EscalationUrgency.MEDIUM })
  @IsIn(Object.values(EscalationUrgency))
  urgency: EscalationUrgency;

  @Field(() => String, { nullable: true, description: "The complaint in the customer's words; default: their first message on the inquiry." })
  @IsOptional()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  description?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the matter complained about happened.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The flight it happened on, e.g. NH 204.' })
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9]{2}\s?\d{1,4}[A-Za-z]?\s*$/, { message: 'must be a flight number such as NH204 or NH 204' })
  flightNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it happened (airport, gate, hotel…).' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'The booking reference (PNR).' })
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9]{5,8}\s*$/, { message: 'must be a booking reference of 5 to 8 letters and digits' })
  bookingReference?: string | null;
}

@InputType()
export class InquiryFilter {
  @Field(() => [InquiryStatus], { nullable: true })
  status?: InquiryStatus[];

  @Field(() => [InquiryChannel], { nullable: true })
  channel?: InquiryChannel[];

  @Field(() => [InquiryCategory], { nullable: true })
  category?: InquiryCategory[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'must be a user id' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only inquiries whose first response was (true) or was not (false) late.' })
  @IsOptional()
  firstResponseBreached?: boolean;

  @Field(() => [InquiryPriority], { nullable: true, description: 'Only inquiries of one of these priorities.' })
  priority?: InquiryPriority[];

  @Field({ nullable: true, description: 'Inquiries carrying this tag.' })
  @IsOptional()
  @MaxLength(40, { message: 'must be at most 40 characters' })
  tag?: string;

  @Field({ nullable: true, description: 'Only inquiries whose running deadline is at risk (true), or not (false).' })
  @IsOptional()
  atRisk?: boolean;

  @Field({ nullable: true, description: 'Received at or after.' })
  receivedFrom?: Date;

  @Field({ nullable: true, description: 'Received before.' })
  receivedTo?: Date;

  @Field(() => Int, { nullable: true, description: 'Inquiries whose running deadline falls within this many minutes from now, not yet past ("breaching in the next 10 minutes"); relative, so a saved view evaluates it when read.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(10080, { message: 'must be at most a week' })
  dueWithinMinutes?: number;

  @Field(() => [CustomFieldCondition], { nullable: true, description: 'Conditions on custom fields, all of which must hold.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'must hold at most 10 conditions' })
  @ValidateNested({ each: true })
  customFields?: CustomFieldCondition[];
}

export enum InquiryOrder {
  RECEIVED_AT_DESC = 'RECEIVED_AT_DESC',
  DUE_AT_ASC = 'DUE_AT_ASC',
}

registerEnumType(InquiryOrder, {
  name: 'InquiryOrder',
  description: 'The order of the inquiry list.',
  valuesConfig: { DUE_AT_ASC: { description: 'Soonest running deadline first; lists only inquiries owed a response.' } },
});

@ArgsType()
export class InquiriesArgs extends PageArgs {
  @Field(() => InquiryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InquiryFilter;

  @Field(() => InquiryOrder, { nullable: true, defaultValue: InquiryOrder.RECEIVED_AT_DESC, description: 'Newest first unless told otherwise.' })
  @IsOptional()
  @IsIn(Object.values(InquiryOrder))
  orderBy?: InquiryOrder;
}

@InputType()
export class InquiryQueueFilter {
  @Field(() => ID, { nullable: true, description: "One agent's queue." })
  @IsOptional()
  @MaxLength(200, { message: 'must be a user id' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only inquiries nobody holds yet.' })
  @IsOptional()
  unassigned?: boolean;

  @Field(() => [InquiryChannel], { nullable: true })
  channel?: InquiryChannel[];

  @Field({ nullable: true, description: 'Only inquiries whose deadline is at risk, not yet breached.' })
  @IsOptional()
  atRisk?: boolean;
}

@ArgsType()
export class InquiryQueueArgs extends PageArgs {
  @Field(() => InquiryQueueFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InquiryQueueFilter;
}
