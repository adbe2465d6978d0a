import { Arg, Args, Authorized, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DeliveryQueries } from './delivery-queries';
import type { DeliveryReports } from './delivery-reports';
import { Delivery } from './delivery.entity';
import { CUSTOMER_MESSAGE_ROLES } from './delivery.enums';
import { DeliveriesArgs, ReportDeliveryStatusInput } from './delivery.inputs';
import { PersonalText } from '@carebridge/service-kit';
import { DELIVERY_TEXT } from '../access-log/personal-text';

@Resolver(() => Delivery)
export class DeliveryResolver {
  constructor(
    private readonly queries: DeliveryQueries,
    private readonly reports: DeliveryReports,
  ) {}

  @Authorized(...CUSTOMER_MESSAGE_ROLES)
  @Query(() => [Delivery], { description: 'The messages sent to a customer or on an inquiry or complaint, newest first, with their status.' })
  deliveries(@Args() args: DeliveriesArgs): Promise<Delivery[]> {
    return this.queries.list(args);
  }

  // A link's token (a survey link) is the customer's credential: staff read the message with the link but not its token.
  @PersonalText('Delivery.body', DELIVERY_TEXT)
  @FieldResolver(() => String)
  body(@Root() delivery: Delivery): string {
    return delivery.body.replace(/([?&]token=)[^\s&]+/g, '$1…');
  }

  @Authorized('integration')
  @Mutation(() => Delivery, { description: "A channel provider's status report (delivered, bounced, failed) on a message it took." })
  reportDeliveryStatus(@Arg('input') input: ReportDeliveryStatusInput): Promise<Delivery> {
    return this.reports.reported(input.providerMessageId, input.status, input.reason ?? null);
  }
}
