import { PHONE_PATTERN, PHONE_RULE } from '@carebridge/domain';
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
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { InquiryChannel } from '../channel/channel.enums';
import { EscalationCategory, EscalationUrgency, InquiryCategory, InquiryStatus, TravelMaterialKind } from './inquiry.enums';

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

@InputType({ description: 'A call: when it started ringing and, if already, when it was answered (A-3.1.1).' })
export class PhoneCallInput {
  @Field()
  @IsDate({ message: 'must be a date and time' })
  ringStartedAt: Date;

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

  @Field({ nullable: true, description: 'Received at or after.' })
  receivedFrom?: Date;

  @Field({ nullable: true, description: 'Received before.' })
  receivedTo?: Date;
}

@ArgsType()
export class InquiriesArgs extends PageArgs {
  @Field(() => InquiryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InquiryFilter;
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
}

@ArgsType()
export class InquiryQueueArgs extends PageArgs {
  @Field(() => InquiryQueueFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InquiryQueueFilter;
}
