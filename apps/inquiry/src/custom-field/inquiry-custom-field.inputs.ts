import { CustomFieldValueInput } from '@carebridge/help-desk';
import { ArrayMaxSize, ArrayMinSize, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: "Values of an inquiry's custom fields; fields left out stay as they are, a null value clears one." })
export class SetInquiryCustomFieldsInput {
  @Field(() => ID, { description: 'The inquiry.' })
  @IsUUID('all', { message: 'must be an inquiry id (UUID)' })
  inquiryId: string;

  @Field(() => [CustomFieldValueInput], { description: 'The values to set (1 to 30), each checked against its definition.' })
  @ArrayMinSize(1, { message: 'must set at least one value' })
  @ArrayMaxSize(30, { message: 'must set at most 30 values' })
  @ValidateNested({ each: true })
  values: CustomFieldValueInput[];
}
