import { IsBoolean, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { STAFF_ROLES, type StaffRole } from './staff.enums';

const USER_ID = /^[A-Za-z0-9._@-]+$/;

@InputType({ description: 'A member of staff, registered or updated by user id.' })
export class RegisterStaffMemberInput {
  @Field({ description: 'The user id of their sign-in token.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(USER_ID, { message: 'must be a user id (letters, digits, . _ @ -)' })
  userId: string;

  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  displayName: string;

  @Field(() => String, { description: 'agent, complaint_specialist, supervisor, crm_manager, after_sales, trainer or analyst.' })
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  team?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(USER_ID, { message: 'must be a user id (letters, digits, . _ @ -)' })
  supervisorUserId?: string | null;

  @Field({ defaultValue: true, description: 'False when they left.' })
  @IsBoolean()
  active: boolean;
}
