import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CUSTOMER_MESSAGE_ROLES } from '../delivery/delivery.enums';
import type { ChannelConsentRecording } from './channel-consent-recording';
import { CustomerConsent } from './customer-consent.entity';
import { SetChannelConsentInput } from './customer-consent.inputs';

@Resolver(() => CustomerConsent)
export class CustomerConsentResolver {
  constructor(private readonly recording: ChannelConsentRecording) {}

  @Authorized(...CUSTOMER_MESSAGE_ROLES)
  @Query(() => [CustomerConsent], { description: "The customer's consents as communication applies them, per purpose and channel." })
  customerMessageConsents(@Arg('customerId', () => ID) customerId: string): Promise<CustomerConsent[]> {
    return this.recording.list(customerId);
  }

  @Authorized('agent', 'crm_manager')
  @Mutation(() => [CustomerConsent], { description: "Records the customer's consent to a purpose on one channel; returns all their consents." })
  setCustomerChannelConsent(@Arg('input') input: SetChannelConsentInput, @Ctx() context: RequestContext): Promise<CustomerConsent[]> {
    return this.recording.set(input, caller(context));
  }
}
