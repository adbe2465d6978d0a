import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsISO4217CurrencyCode, IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RootCauseCategory } from '../complaint/complaint.enums';
import { ComplaintActionInput } from '../complaint/complaint.inputs';
import { CompensationKind } from './compensation.enums';

@InputType({ description: 'Refund or voucher: amount and currency; points or miles: quantity; service gesture: description (and an optional estimated amount).' })
export class CompensationItemInput {
  @Field(() => CompensationKind)
  @IsIn(Object.values(CompensationKind))
  kind: CompensationKind;

  @Field(() => String, { nullable: true, description: 'Decimal amount greater than 0, e.g. "120.00".' })
  @IsOptional()
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'must be a positive amount with at most two decimals, e.g. 120.00' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. EUR.' })
  @IsOptional()
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as EUR' })
  currency?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  description?: string | null;

  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;
}

@InputType({ description: 'The explanation for the customer and the compensation offered (T-3.3, T-1.5). Replaces the items of an earlier plan not yet granted.' })
export class PlanComplaintResolutionInput extends ComplaintActionInput {
  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  explanation: string;

  @Field(() => RootCauseCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(RootCauseCategory))
  rootCause?: RootCauseCategory | null;

  @Field(() => [CompensationItemInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20, { message: 'must list at most 20 items' })
  compensation: CompensationItemInput[];
}

@InputType({ description: 'A supervisor’s approval or rejection of a compensation item above the approval threshold.' })
export class DecideCompensationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a compensation item id (UUID)' })
  itemId: string;

  @Field()
  @IsBoolean({ message: 'must be true or false' })
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Needed for a rejection.' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  note?: string | null;
}
