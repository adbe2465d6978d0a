import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MessagePurpose } from '../delivery/delivery.enums';

@InputType({ description: "The customer's consent to one purpose on one channel (an SMS-only opt-out, say); crm's consents hold for every channel." })
export class SetChannelConsentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => MessagePurpose, { description: 'FOLLOW_UP or MARKETING (service messages always go out).' })
  @IsIn([MessagePurpose.FOLLOW_UP, MessagePurpose.MARKETING], { message: 'must be FOLLOW_UP or MARKETING' })
  purpose: MessagePurpose;

  @Field(() => String, { description: 'EMAIL or SMS.' })
  @IsIn(['EMAIL', 'SMS'], { message: 'must be EMAIL or SMS' })
  channel: 'EMAIL' | 'SMS';

  @Field()
  @IsBoolean()
  granted: boolean;
}
