import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The inquiry service's OrderChange (T-1.2), as far as after-sales contributes to it
 * (`OrderChange.trip`): its booking reference comes from the inquiry service, which owns it.
 */
@Directive('@key(fields: "id")')
@ObjectType('OrderChange')
export class OrderChangeReference {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field({ description: 'The booking (PNR or order number), as the inquiry service holds it.' })
  bookingReference: string;
}
