import { type Connection, PageArgs, PageInfo } from '@carebridge/service-kit';
import { IsDate, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PersonalDataAccess } from './personal-data-access.entity';

// The types of a service's access-log query, shareable: crm's and after-sales' queries return the same ones.

@Directive('@shareable')
@ObjectType('PersonalDataAccessEdge')
export class PersonalDataAccessEdge {
  @Field(() => PersonalDataAccess)
  node: PersonalDataAccess;

  @Field()
  cursor: string;
}

@Directive('@shareable')
@ObjectType('PersonalDataAccessConnection')
export class PersonalDataAccessConnection implements Connection<PersonalDataAccess> {
  @Field(() => [PersonalDataAccessEdge])
  edges: PersonalDataAccessEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class PersonalDataAccessFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field({ nullable: true, description: 'User id of who read.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  accessedBy?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  to?: Date;
}

@ArgsType()
export class PersonalDataAccessArgs extends PageArgs {
  @Field(() => PersonalDataAccessFilter, { nullable: true, description: 'Only the reads of this customer, by this user or in this time range; null for all reads.' })
  @IsOptional()
  @ValidateNested()
  filter?: PersonalDataAccessFilter;
}
