import { PageArgs } from '@carebridge/service-kit';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CareContactStatus, CareRuleKind } from './care.enums';

@InputType({ description: 'Changes a care rule: when it is due and whether it is on.' })
export class SetCareRuleInput {
  @Field(() => CareRuleKind)
  @IsIn(Object.values(CareRuleKind))
  kind: CareRuleKind;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be from 0 to 365' })
  @Max(365, { message: 'must be from 0 to 365' })
  daysBefore: number;

  @Field()
  @IsBoolean()
  active: boolean;
}

@InputType({ description: 'Marks a care contact as made.' })
export class CompleteCareContactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a care contact id (UUID)' })
  careContactId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string | null;
}

@InputType({ description: 'Which care contacts to list.' })
export class CareContactFilter {
  @Field(() => [CareContactStatus], { nullable: true })
  status?: CareContactStatus[];

  @Field(() => [CareRuleKind], { nullable: true })
  kind?: CareRuleKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;
}

@ArgsType()
export class CareContactsArgs extends PageArgs {
  @Field(() => CareContactFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CareContactFilter;
}
