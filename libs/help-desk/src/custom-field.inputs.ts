import { ArrayMaxSize, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CustomFieldKind } from './custom-field.entity';

export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

@InputType({ description: 'A custom field to define (admins).' })
export class DefineCustomFieldInput {
  @Field({ description: '1 to 40 lower-case letters, digits or "_", starting with a letter; unique in the service.' })
  @Matches(CUSTOM_FIELD_KEY, { message: 'must be 1 to 40 lower-case letters, digits or "_", starting with a letter' })
  key: string;

  @Field({ description: 'The label shown to staff.' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  label: string;

  @Field(() => CustomFieldKind, { description: 'What the field holds: TEXT, NUMBER, DATE or CHOICE.' })
  @IsIn(Object.values(CustomFieldKind))
  kind: CustomFieldKind;

  @Field(() => [String], { defaultValue: [], description: 'The categories (the service’s category values, e.g. BAGGAGE) whose records carry it; empty: every category.' })
  @ArrayMaxSize(50, { message: 'must name at most 50 categories' })
  categories: string[];

  @Field(() => [String], { defaultValue: [], description: 'For CHOICE: the values allowed (1 to 50, each 1 to 100 characters).' })
  @ArrayMaxSize(50, { message: 'must offer at most 50 choices' })
  @Length(1, 100, { each: true, message: 'each choice must be 1 to 100 characters' })
  choices: string[];
}

@InputType({ description: "One custom field's new value." })
export class CustomFieldValueInput {
  @Field({ description: 'The field’s key.' })
  @Matches(CUSTOM_FIELD_KEY, { message: 'must be a custom field key' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value as text (a number in decimal notation, a date as YYYY-MM-DD, one of the choices); null clears it.' })
  @IsOptional()
  @Length(0, 500, { message: 'must be at most 500 characters' })
  value?: string | null;
}

@InputType({ description: 'A condition on a custom field: equal to a value, or within a range (numbers and dates).' })
export class CustomFieldCondition {
  @Field({ description: 'The field’s key.' })
  @Matches(CUSTOM_FIELD_KEY, { message: 'must be a custom field key' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value it equals.' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  equals?: string | null;

  @Field(() => String, { nullable: true, description: 'NUMBER or DATE: at least this.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be a number or a date' })
  atLeast?: string | null;

  @Field(() => String, { nullable: true, description: 'NUMBER or DATE: at most this.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be a number or a date' })
  atMost?: string | null;
}
