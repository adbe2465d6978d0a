import { IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';

@InputType({ description: 'Erases a customer on request (right to erasure): the profile is anonymised and every service is told.' })
export class EraseCustomerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field({ description: 'The request it answers, e.g. "e-mail request of 2026-11-02, ticket 4711".' })
  @Length(3, 500, { message: 'must be 3 to 500 characters' })
  reason: string;
}

@InputType({ description: 'Asks every service for all data it holds about a customer (right of access).' })
export class RequestCustomerDataExportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field({ description: 'The request it answers, e.g. "letter of 2026-11-02, ticket 4711".' })
  @Length(3, 500, { message: 'must be 3 to 500 characters' })
  reason: string;
}

@ArgsType()
export class CustomerDataExportsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;
}
