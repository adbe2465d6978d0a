import { TAG_PATTERN, TAG_RULE } from '@carebridge/help-desk';
import { ArrayMaxSize, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ComplaintActionInput } from '../complaint/complaint.inputs';

@InputType({ description: 'Tags to add to a complaint and to remove from it (compared in lower case).' })
export class TagComplaintInput extends ComplaintActionInput {
  @Field(() => [String], { defaultValue: [], description: 'Tags to add (at most 20, each 1 to 40 letters, digits, "-" or "_"); stored in lower case, each once.' })
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  add: string[];

  @Field(() => [String], { defaultValue: [], description: 'Tags to remove (at most 20); a tag the complaint lacks is ignored.' })
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  remove: string[];
}
