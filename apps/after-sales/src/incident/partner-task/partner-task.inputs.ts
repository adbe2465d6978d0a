import { PageArgs } from '@carebridge/service-kit';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PartnerKind } from '../incident.enums';

@InputType()
export class AssignPartnerTaskInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => PartnerKind)
  partnerKind: PartnerKind;

  @Field({ description: 'The partner or department, e.g. the hotel’s name.' })
  @MinLength(1, { message: 'must name the partner' })
  @MaxLength(200)
  partnerName: string;

  @Field({ description: 'What the partner is asked to do.' })
  @MinLength(1, { message: 'must say what is asked' })
  @MaxLength(5000)
  request: string;

  @Field(() => String, { nullable: true, description: 'Who follows it up; the caller unless given.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  ownerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'By when; AFTER_SALES_PARTNER_TASK_DUE_HOURS from now unless given.' })
  dueAt?: Date | null;
}

@InputType()
export class RecordPartnerAnswerInput {
  @Field(() => ID)
  taskId: string;

  @Field({ description: 'What the partner answered.' })
  @MinLength(1, { message: 'must record the answer' })
  @MaxLength(5000)
  answer: string;
}

@InputType()
export class CancelPartnerTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field()
  @MinLength(1, { message: 'must say why the task is cancelled' })
  @MaxLength(2000)
  reason: string;
}

@ArgsType()
export class OverduePartnerTasksArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the tasks this person owns.' })
  ownerId?: string | null;
}
