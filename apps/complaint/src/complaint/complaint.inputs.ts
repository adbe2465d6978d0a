import { IsDate, IsIn, IsOptional, IsUUID, Length, MaxLength, ValidateNested, ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';
import { ComplaintCategory, ComplaintStatus, ContactChannel, InvolvedPartyKind, Urgency } from './complaint.entity';

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
}

@InputType()
export class ComplaintFilter {
  @Field(() => [ComplaintStatus], { nullable: true })
  status?: ComplaintStatus[];

  @Field(() => [ComplaintCategory], { nullable: true })
  category?: ComplaintCategory[];

  @Field(() => [Urgency], { nullable: true })
  urgency?: Urgency[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field({ nullable: true, description: 'Registered at or after.' })
  registeredFrom?: Date;

  @Field({ nullable: true, description: 'Registered before.' })
  registeredTo?: Date;
}

@ArgsType()
export class ComplaintsArgs extends PageArgs {
  @Field(() => ComplaintFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ComplaintFilter;
}
