import { PageArgs } from '@carebridge/service-kit';
import { IsIn, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { OrderChangeKind, OrderChangeOutcome, OrderChangeStatus } from './order-change.enums';

const UUID_RULE = { message: 'must be an id (UUID)' };

@InputType({ description: 'A change, cancellation or confirmation of a booking, asked for on an inquiry (T-1.2).' })
export class RequestOrderChangeInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  inquiryId: string;

  @Field({ description: 'The booking: PNR or order number.' })
  @Matches(/^\s*[A-Za-z0-9-]{3,50}\s*$/, { message: 'must be a booking reference of 3 to 50 letters, digits or dashes' })
  bookingReference: string;

  @Field(() => OrderChangeKind)
  @IsIn(Object.values(OrderChangeKind))
  kind: OrderChangeKind;

  @Field(() => String, { nullable: true, description: 'What to change, in the customer\'s words; needed for MODIFY.' })
  @IsOptional()
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  requestedChanges?: string | null;
}

@InputType()
export class StartOrderChangeInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  orderChangeId: string;
}

@InputType({ description: 'The order change was done, or rejected with the reason.' })
export class CompleteOrderChangeInput {
  @Field(() => ID)
  @IsUUID('all', UUID_RULE)
  orderChangeId: string;

  @Field(() => OrderChangeOutcome)
  @IsIn(Object.values(OrderChangeOutcome))
  outcome: OrderChangeOutcome;

  @Field(() => String, { nullable: true, description: 'Needed when rejected.' })
  @IsOptional()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason?: string | null;
}

@InputType()
export class OrderChangeFilter {
  @Field(() => [OrderChangeStatus], { nullable: true })
  status?: OrderChangeStatus[];

  @Field(() => [OrderChangeKind], { nullable: true })
  kind?: OrderChangeKind[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  bookingReference?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;
}

@ArgsType()
export class OrderChangesArgs extends PageArgs {
  @Field(() => OrderChangeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OrderChangeFilter;
}
