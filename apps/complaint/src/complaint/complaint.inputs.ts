import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsMimeType,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CustomFieldCondition } from '@carebridge/help-desk';
import { PageArgs } from '@carebridge/service-kit';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';
import { ComplaintCategory, ContactChannel, InvolvedPartyKind, RootCauseCategory } from './complaint.enums';

/** A flight number as people write it: airline code (2 characters, or 3 letters), optional space, 1 to 4 digits, optional suffix. */
const FLIGHT_NUMBER = /^\s*([A-Za-z0-9]{2}|[A-Za-z]{3})\s?\d{1,4}[A-Za-z]?\s*$/;

@InputType()
export class InvolvedPartyInput {
  @Field(() => InvolvedPartyKind)
  @IsIn(Object.values(InvolvedPartyKind))
  kind: InvolvedPartyKind;

  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  detail?: string | null;
}

@InputType({ description: 'A file the customer sent, stored elsewhere and referenced here.' })
export class AttachmentInput {
  @Field()
  @Length(1, 255, { message: 'must be 1 to 255 characters' })
  name: string;

  @Field({ description: 'Media type, e.g. image/jpeg or application/pdf.' })
  @IsMimeType({ message: 'must be a media type such as image/jpeg' })
  contentType: string;

  @Field()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  url: string;
}

@InputType({ description: 'A complaint as the customer tells it (A-3.2.1, A-3.2.2).' })
export class RegisterComplaintInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => ContactChannel)
  @IsIn(Object.values(ContactChannel))
  channel: ContactChannel;

  @Field(() => ComplaintCategory)
  @IsIn(Object.values(ComplaintCategory))
  category: ComplaintCategory;

  @Field(() => Urgency, { defaultValue: Urgency.MEDIUM })
  @IsIn(Object.values(Urgency))
  urgency: Urgency;

  @Field({ description: "The customer's own words." })
  @Matches(/\S/, { message: 'must not be empty (the customer’s own words, up to 20000 characters)' })
  @Length(1, 20000, { message: 'must not be empty (the customer’s own words, up to 20000 characters)' })
  description: string;

  @Field({ description: 'When it happened.' })
  @IsDate({ message: 'must be a date and time' })
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  location?: string | null;

  @Field(() => [InvolvedPartyInput], { nullable: true, defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(50, { message: 'must list at most 50 parties' })
  peopleInvolved: InvolvedPartyInput[];

  @Field(() => String, { nullable: true, description: 'Booking or ticket reference (PNR).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, { message: 'must be a booking reference of 2 to 40 letters, digits or dashes' })
  bookingReference?: string | null;

  @Field(() => String, { nullable: true, description: 'The flight it concerns, e.g. LH 721.' })
  @IsOptional()
  @Matches(FLIGHT_NUMBER, { message: 'must be a flight number such as LH 721 or LH721' })
  flightNumber?: string | null;

  @Field(() => [AttachmentInput], { nullable: true, defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20, { message: 'must list at most 20 attachments' })
  attachments: AttachmentInput[];
}

/** Every action on one complaint names it, and may name the version the caller saw. */
@InputType('ComplaintActionInput')
export class ComplaintActionInput {
  @Field(() => ID, { description: 'The complaint the action is taken on.' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  complaintId: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller saw; the action is refused with CONFLICT if the complaint changed since.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  expectedVersion?: number | null;
}

@InputType({ description: 'Type, urgency and, from the analysis, the root cause (A-3.2.3, T-3.2). Fields left out stay as they are.' })
export class ClassifyComplaintInput extends ComplaintActionInput {
  @Field(() => ComplaintCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ComplaintCategory))
  category?: ComplaintCategory | null;

  @Field(() => Urgency, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Urgency))
  urgency?: Urgency | null;

  @Field(() => RootCauseCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RootCauseCategory))
  rootCause?: RootCauseCategory | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  rootCauseNote?: string | null;
}

@InputType({ description: 'To a person (manual) or, without assigneeId, to the complaint handler with the fewest open complaints.' })
export class AssignComplaintInput extends ComplaintActionInput {
  @Field(() => String, { nullable: true, description: 'A complaint handler’s user id; leave out for automatic assignment.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The department responsible; defaults to the handler’s.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Needed when the complaint is already assigned (reassignment).' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason?: string | null;
}

@InputType({ description: 'What the customer told after registration: time, place, people involved, flight, booking reference. Fields left out stay as they are; null clears one.' })
export class UpdateComplaintInput extends ComplaintActionInput {
  @Field(() => Date, { nullable: true, description: 'When it happened.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Where it happened: airport, hotel, city.' })
  @IsOptional()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  location?: string | null;

  @Field(() => [InvolvedPartyInput], { nullable: true, description: 'Replaces the list of people, flights, hotels and partners involved.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50, { message: 'must list at most 50 parties' })
  peopleInvolved?: InvolvedPartyInput[] | null;

  @Field(() => String, { nullable: true, description: 'The flight it concerns, e.g. LH 721.' })
  @IsOptional()
  @Matches(FLIGHT_NUMBER, { message: 'must be a flight number such as LH 721 or LH721' })
  flightNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Booking or ticket reference (PNR).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, { message: 'must be a booking reference of 2 to 40 letters, digits or dashes' })
  bookingReference?: string | null;
}

@InputType()
export class StartComplaintWorkInput extends ComplaintActionInput {}

@InputType({ description: 'Waiting on the customer pauses the feedback clock; the customer responding resumes it.' })
export class SetComplaintWaitingInput extends ComplaintActionInput {
  @Field()
  @IsBoolean({ message: 'must be true or false' })
  waiting: boolean;

  @Field(() => String, { nullable: true, description: 'What is awaited, or what the customer answered.' })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  note?: string | null;
}

@InputType({ description: 'Feedback to the customer: what was done and what comes next (A-3.2.4).' })
export class GiveComplaintFeedbackInput extends ComplaintActionInput {
  @Field(() => ContactChannel)
  @IsIn(Object.values(ContactChannel))
  channel: ContactChannel;

  @Field(() => String, { nullable: true, description: 'The e-mail address or phone number it went to.' })
  @IsOptional()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  sentTo?: string | null;

  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  actionsTaken: string;

  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  nextSteps: string;
}

@InputType()
export class ResolveComplaintInput extends ComplaintActionInput {}

@InputType({ description: "The customer's satisfaction (A-3.2.5), or why it could not be asked." })
export class CloseComplaintInput extends ComplaintActionInput {
  @Field(() => Int, { nullable: true, description: '1 (very unsatisfied) to 5 (very satisfied).' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  satisfactionScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  satisfactionComment?: string | null;

  @Field(() => String, { nullable: true, description: 'Needed without a satisfaction score, e.g. "customer unreachable".' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  withoutSatisfactionReason?: string | null;
}

@InputType({ description: 'Reopening: why, and — when the customer came back — how (an agent reopens only on the customer’s call or message).' })
export class ReopenComplaintInput extends ComplaintActionInput {
  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;

  @Field(() => ContactChannel, { nullable: true, description: 'How the customer came back (the callback an agent takes).' })
  @IsOptional()
  @IsIn(Object.values(ContactChannel))
  customerContact?: ContactChannel | null;
}

export enum ComplaintOrder {
  REGISTERED_AT_DESC = 'REGISTERED_AT_DESC',
  REGISTERED_AT_ASC = 'REGISTERED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  FEEDBACK_DUE_AT_ASC = 'FEEDBACK_DUE_AT_ASC',
}

registerEnumType(ComplaintOrder, {
  name: 'ComplaintOrder',
  valuesConfig: { FEEDBACK_DUE_AT_ASC: { description: 'Soonest feedback deadline first; lists only complaints still awaiting feedback.' } },
});

@InputType()
export class ComplaintFilter {
  @Field(() => [ComplaintStatus], { nullable: true })
  status?: ComplaintStatus[];

  @Field(() => [ComplaintCategory], { nullable: true })
  category?: ComplaintCategory[];

  @Field(() => [Urgency], { nullable: true })
  urgency?: Urgency[];

  @Field(() => String, { nullable: true, description: 'The responsible person’s user id.' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'true: nobody is responsible yet.' })
  unassigned?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an inquiry id (UUID)' })
  inquiryId?: string;

  @Field({ nullable: true, description: 'true: a deadline was missed (now or earlier); false: none was.' })
  breached?: boolean;

  @Field({ nullable: true, description: 'true: an open deadline is in its last stretch and not yet passed.' })
  atRisk?: boolean;

  @Field({ nullable: true, description: 'true: escalated to the supervisors by a missed deadline.' })
  escalated?: boolean;

  @Field({ nullable: true })
  waitingOnCustomer?: boolean;

  @Field({ nullable: true, description: 'Registered at or after.' })
  registeredFrom?: Date;

  @Field({ nullable: true, description: 'Registered before.' })
  registeredTo?: Date;

  @Field(() => String, { nullable: true, description: 'Words in the customer’s description (all of them, any order).' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Complaints carrying this tag (compared in lower case).' })
  @IsOptional()
  @MaxLength(40, { message: 'must be at most 40 characters' })
  tag?: string;

  @Field(() => Int, { nullable: true, description: 'Complaints still awaiting feedback whose feedback falls due within this many minutes from now (not yet past); relative, so a saved view evaluates it when read.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525600, { message: 'must be at most a year' })
  feedbackDueWithinMinutes?: number;

  @Field(() => [CustomFieldCondition], { nullable: true, description: 'Conditions on custom fields, all of which must hold.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'must hold at most 10 conditions' })
  @ValidateNested({ each: true })
  customFields?: CustomFieldCondition[];
}

@ArgsType()
export class ComplaintsArgs extends PageArgs {
  @Field(() => ComplaintFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ComplaintFilter;

  @Field(() => ComplaintOrder, { nullable: true, defaultValue: ComplaintOrder.REGISTERED_AT_DESC })
  @IsOptional()
  @IsIn(Object.values(ComplaintOrder))
  orderBy?: ComplaintOrder;
}
