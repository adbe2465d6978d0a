import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Whether to be told by e-mail too, where and in which language.' })
export class SetNotificationPreferencesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320, { message: 'must be at most 320 characters' })
  email?: string | null;

  @Field()
  @IsBoolean()
  emailEnabled: boolean;

  @Field(() => String, { nullable: true, description: 'en or zh-CN (default en).' })
  @IsOptional()
  @IsIn(['en', 'zh-CN'], { message: 'must be en or zh-CN' })
  locale?: string | null;
}

@InputType({ description: 'Notifications of your inbox to mark read.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'must name at least one notification' })
  @ArrayMaxSize(200, { message: 'must name at most 200 notifications' })
  @IsUUID('all', { each: true, message: 'must be notification ids (UUID)' })
  ids: string[];
}
