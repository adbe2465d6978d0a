import { ArrayMaxSize, IsBoolean, IsIn, IsEmail, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PHONE_PATTERN, PHONE_RULE } from '@carebridge/domain';
import { PageArgs } from '@carebridge/service-kit';
import { BudgetBand, ContactKind, CustomerStatus, CustomerTier, PreferredChannel, SeatPreference, TravelDocumentKind, TravelStyle } from './customer.enums';

const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE_RULE = 'must be a BCP 47 language tag such as en, de or zh-CN';
const CUSTOMER_ID_RULE = { message: 'must be a customer id (UUID)' };

@InputType({ description: 'Travel preferences; fields left out stay as they are.' })
export class TravelPreferencesInput {
  @Field(() => SeatPreference, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SeatPreference))
  seat?: SeatPreference | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  meal?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must list at most 20 destinations' })
  @Length(1, 100, { each: true, message: 'must be 1 to 100 characters each' })
  destinations?: string[];

  @Field(() => BudgetBand, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(BudgetBand))
  budgetBand?: BudgetBand | null;

  @Field(() => [TravelStyle], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(9, { message: 'must list at most 9 styles' })
  travelStyles?: TravelStyle[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'must list at most 10 needs' })
  @Length(1, 100, { each: true, message: 'must be 1 to 100 characters each' })
  specialServiceNeeds?: string[];
}

/** Profile fields shared by creating and updating a customer. */
@InputType('ProfileFieldsBase')
abstract class ProfileFields {
  @Field(() => PreferredChannel, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PreferredChannel))
  preferredChannel?: PreferredChannel | null;

  @Field(() => TravelPreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  preferences?: TravelPreferencesInput;

  @Field(() => [String], { nullable: true, description: 'Replaces the tags; stored in lower case.' })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'must list at most 30 tags' })
  @Length(1, 40, { each: true, message: 'must be 1 to 40 characters each' })
  tags?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  followUpConsent?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  notes?: string | null;
}

@InputType({ description: 'A new customer. At least an e-mail or a phone number is needed to reach them.' })
export class CreateCustomerInput extends ProfileFields {
  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Becomes the primary e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Becomes the primary phone number.' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;

  @Field({ nullable: true, defaultValue: 'en' })
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_RULE })
  preferredLanguage: string;

  @Field(() => CustomerTier, { nullable: true, defaultValue: CustomerTier.STANDARD, description: 'Only a CRM manager may start a profile above STANDARD.' })
  @IsIn(Object.values(CustomerTier))
  tier: CustomerTier;
}

@InputType({ description: 'Changes to a customer; fields left out stay as they are, null clears a value.' })
export class UpdateCustomerInput extends ProfileFields {
  @Field(() => ID)
  @IsUUID('all', CUSTOMER_ID_RULE)
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fullName?: string;

  @Field(() => String, { nullable: true, description: 'Replaces the primary e-mail address; null removes it.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Replaces the primary phone number; null removes it.' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_RULE })
  preferredLanguage?: string;
}

@InputType()
export class AddCustomerContactInput {
  @Field(() => ID)
  @IsUUID('all', CUSTOMER_ID_RULE)
  customerId: string;

  @Field(() => ContactKind)
  @IsIn(Object.values(ContactKind))
  kind: ContactKind;

  @Field({ description: 'An e-mail address, or an international phone number.' })
  @Length(3, 254, { message: 'must be 3 to 254 characters' })
  value: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  label?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Make it the primary contact of its kind.' })
  @IsBoolean()
  primary: boolean;
}

@InputType()
export class RemoveCustomerContactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a contact id (UUID)' })
  contactId: string;
}

@InputType()
export class SetPrimaryCustomerContactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a contact id (UUID)' })
  contactId: string;
}

@InputType()
export class AddTravelDocumentInput {
  @Field(() => ID)
  @IsUUID('all', CUSTOMER_ID_RULE)
  customerId: string;

  @Field(() => TravelDocumentKind)
  @IsIn(Object.values(TravelDocumentKind))
  kind: TravelDocumentKind;

  @Field()
  @Matches(/^[A-Za-z0-9 <-]{4,24}$/, { message: 'must be 4 to 24 letters and digits' })
  number: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. DE.' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as DE' })
  issuingCountry: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  expiresOn?: string | null;
}

@InputType()
export class RemoveTravelDocumentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a document id (UUID)' })
  documentId: string;
}

@InputType({ description: 'The profile was confirmed with the customer today.' })
export class VerifyCustomerInput {
  @Field(() => ID)
  @IsUUID('all', CUSTOMER_ID_RULE)
  customerId: string;
}

@InputType()
export class SetCustomerTierInput {
  @Field(() => ID)
  @IsUUID('all', CUSTOMER_ID_RULE)
  customerId: string;

  @Field(() => CustomerTier)
  @IsIn(Object.values(CustomerTier))
  tier: CustomerTier;

  @Field({ description: 'Why, in words (kept with the tier).' })
  @Length(3, 500, { message: 'must be 3 to 500 characters' })
  reason: string;
}

@InputType()
export class CustomerFilter {
  @Field(() => [CustomerTier], { nullable: true })
  tier?: CustomerTier[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  tag?: string;

  @Field(() => CustomerStatus, { nullable: true, defaultValue: CustomerStatus.ACTIVE })
  @IsOptional()
  @IsIn(Object.values(CustomerStatus))
  status?: CustomerStatus;

  @Field(() => ID, { nullable: true, description: 'Members of this key account.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a key account id (UUID)' })
  keyAccountId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: members of any key account; false: customers of none.' })
  @IsOptional()
  inKeyAccount?: boolean | null;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name, e-mail or phone number.' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  search?: string;

  @Field(() => CustomerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CustomerFilter;
}
