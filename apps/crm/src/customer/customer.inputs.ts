import { IsEmail, IsIn, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';
import { CustomerTier } from './customer.entity';

/** E.164: a plus sign and 7 to 15 digits; spaces, dots, dashes and brackets are allowed on input. */
export const PHONE_PATTERN = /^\+[1-9][0-9 ().-]{6,22}$/;
export const PHONE_RULE = 'must be an international phone number starting with + and the country code, e.g. +44 20 7946 0958';
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE_RULE = 'must be a BCP 47 language tag such as en, de or zh-CN';

@InputType({ description: 'A new customer. At least an e-mail or a phone number is needed to reach them.' })
export class CreateCustomerInput {
  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fullName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;

  @Field({ nullable: true, defaultValue: 'en' })
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_RULE })
  preferredLanguage: string;

  @Field(() => CustomerTier, { nullable: true, defaultValue: CustomerTier.STANDARD })
  @IsIn(Object.values(CustomerTier))
  tier: CustomerTier;
}

@InputType({ description: 'Changes to a customer; fields left out stay as they are, null clears a contact.' })
export class UpdateCustomerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(LANGUAGE_PATTERN, { message: LANGUAGE_RULE })
  preferredLanguage?: string;

  @Field(() => CustomerTier, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CustomerTier))
  tier?: CustomerTier;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name, e-mail or phone number.' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  search?: string;
}
