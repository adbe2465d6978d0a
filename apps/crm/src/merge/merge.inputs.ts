import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MergeSide } from './customer-merge.enums';

@InputType({ description: "Which name and primary contact details the merged profile keeps; the other ones stay as further contacts." })
export class MergeKeepInput {
  @Field(() => MergeSide, { defaultValue: MergeSide.SURVIVOR, description: 'Whose full name the merged profile keeps (default the survivor’s).' })
  @IsIn(Object.values(MergeSide))
  fullName: MergeSide;

  @Field(() => MergeSide, { defaultValue: MergeSide.SURVIVOR, description: 'The primary e-mail address.' })
  @IsIn(Object.values(MergeSide))
  email: MergeSide;

  @Field(() => MergeSide, { defaultValue: MergeSide.SURVIVOR, description: 'The primary phone number.' })
  @IsIn(Object.values(MergeSide))
  phone: MergeSide;
}

@InputType({ description: 'Merges a duplicate profile into the surviving one; all history moves to the survivor.' })
export class MergeCustomersInput {
  @Field(() => ID, { description: 'The profile that stays.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  survivorId: string;

  @Field(() => ID, { description: 'The duplicate; it becomes MERGED and points to the survivor.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  duplicateId: string;

  @Field(() => MergeKeepInput, { nullable: true, description: "Default: the survivor's name, e-mail and phone." })
  @IsOptional()
  @ValidateNested()
  keep?: MergeKeepInput | null;
}

@ArgsType()
export class CustomerMergePreviewArgs {
  @Field(() => ID, { description: 'The profile that would stay.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  survivorId: string;

  @Field(() => ID, { description: 'The duplicate profile that would be merged into the survivor.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  duplicateId: string;
}
