import { IsIn, IsOptional, IsPositive, Max } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { Urgency } from '../urgency/urgency.enums';

@InputType({ description: 'The feedback target of one urgency; null returns it to the service default.' })
export class SetComplaintDeadlinePolicyInput {
  @Field(() => Urgency)
  @IsIn(Object.values(Urgency))
  urgency: Urgency;

  @Field(() => Float, { nullable: true, description: 'Business hours, e.g. 4 or 0.5; null for the default.' })
  @IsOptional()
  @IsPositive({ message: 'must be more than 0 hours' })
  @Max(2160, { message: 'must be at most 2160 hours (90 days)' })
  feedbackTargetHours?: number | null;
}
