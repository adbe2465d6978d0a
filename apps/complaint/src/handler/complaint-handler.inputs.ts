import { IsBoolean, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Adds a complaint specialist to the roster, or changes one.' })
export class SetComplaintHandlerInput {
  @Field({ description: 'The user id, as in the sign-in token.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  userId: string;

  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  department?: string | null;

  @Field({ defaultValue: true })
  @IsBoolean({ message: 'must be true or false' })
  active: boolean;
}
