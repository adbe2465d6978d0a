import { Field, Int, ObjectType } from 'type-graphql';
import { MessagePurpose } from '../delivery/delivery.enums';
import { TemplateAudience } from './template.enums';

@ObjectType('MessageTemplatePlaceholder')
export class MessageTemplatePlaceholder {
  @Field()
  name: string;

  @Field()
  meaning: string;
}

@ObjectType('MessageTemplate', { description: 'A message template: what it tells of, to whom, why, and its versions.' })
export class MessageTemplateInfo {
  @Field()
  key: string;

  @Field()
  description: string;

  @Field(() => TemplateAudience)
  audience: TemplateAudience;

  @Field(() => MessagePurpose)
  purpose: MessagePurpose;

  @Field(() => Int, { description: 'The version new messages are rendered from.' })
  currentVersion: number;

  @Field(() => [Int])
  versions: number[];

  @Field(() => [String])
  locales: string[];

  @Field(() => [MessageTemplatePlaceholder])
  placeholders: MessageTemplatePlaceholder[];
}

@ObjectType('MessagePreview', { description: 'A template rendered with example values, as a recipient would read it.' })
export class MessagePreview {
  @Field()
  templateKey: string;

  @Field(() => Int)
  version: number;

  @Field()
  locale: string;

  @Field()
  subject: string;

  @Field()
  body: string;
}
