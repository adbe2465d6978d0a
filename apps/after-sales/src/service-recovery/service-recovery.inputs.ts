import { COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { PageArgs } from '@carebridge/service-kit';
import { IsBoolean, IsIn, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ServiceRecoveryStatus } from './service-recovery.enums';

/** The complaint service's categories and urgencies, as an escalation names them. */
export const RecoveryComplaintCategory = enumOf(COMPLAINT_CATEGORIES);
export type RecoveryComplaintCategory = EnumValue<typeof RecoveryComplaintCategory>;
registerEnumType(RecoveryComplaintCategory, { name: 'RecoveryComplaintCategory', description: 'The complaint category an escalated service recovery is registered under.' });
export const RecoveryComplaintUrgency = enumOf(COMPLAINT_URGENCIES);
export type RecoveryComplaintUrgency = EnumValue<typeof RecoveryComplaintUrgency>;
registerEnumType(RecoveryComplaintUrgency, { name: 'RecoveryComplaintUrgency', description: 'The urgency an escalated service recovery is registered with.' });

@InputType({ description: 'Turns a service-recovery task into a complaint, keeping the customer’s words.' })
export class EscalateServiceRecoveryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a service-recovery task id (UUID)' })
  taskId: string;

  @Field(() => RecoveryComplaintCategory, { defaultValue: RecoveryComplaintCategory.OTHER })
  @IsIn(Object.values(RecoveryComplaintCategory))
  category: RecoveryComplaintCategory;

  @Field(() => RecoveryComplaintUrgency, { defaultValue: RecoveryComplaintUrgency.MEDIUM })
  @IsIn(Object.values(RecoveryComplaintUrgency))
  urgency: RecoveryComplaintUrgency;

  @Field(() => String, { nullable: true, description: 'What after-sales adds (e.g. from the call), appended to the customer’s words.' })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  note?: string | null;
}

@InputType({ description: 'Closes a service-recovery task without a complaint.' })
export class ResolveServiceRecoveryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a service-recovery task id (UUID)' })
  taskId: string;

  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  note: string;
}

@InputType({ description: 'Which service-recovery tasks to list.' })
export class ServiceRecoveryFilter {
  @Field(() => [ServiceRecoveryStatus], { nullable: true })
  status?: ServiceRecoveryStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Only open tasks past their due time (true), or only those not (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;
}

@ArgsType()
export class ServiceRecoveryTasksArgs extends PageArgs {
  @Field(() => ServiceRecoveryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ServiceRecoveryFilter;
}
