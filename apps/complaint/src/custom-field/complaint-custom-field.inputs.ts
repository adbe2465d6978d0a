import { CustomFieldValueInput } from '@carebridge/help-desk';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ComplaintActionInput } from '../complaint/complaint.inputs';

@InputType({ description: "Values of a complaint's custom fields; fields left out stay as they are, a null value clears one." })
export class SetComplaintCustomFieldsInput extends ComplaintActionInput {
  @Field(() => [CustomFieldValueInput], { description: 'The values to set (1 to 30), each checked against its definition.' })
  @ArrayMinSize(1, { message: 'must set at least one value' })
  @ArrayMaxSize(30, { message: 'must set at most 30 values' })
  @ValidateNested({ each: true })
  values: CustomFieldValueInput[];
}
