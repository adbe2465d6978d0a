import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import type { PassengerRightsPreview } from './passenger-rights-preview';
import { PassengerRightsAssessment } from './passenger-rights.enums';
import { PassengerRightsInput } from './passenger-rights.inputs';

/** After-sales staff and agents preview a passenger's rights while talking to them (admin passes every check). */
@Resolver()
export class PassengerRightsResolver {
  constructor(private readonly preview: PassengerRightsPreview) {}

  @Authorized('after_sales', 'agent')
  @Query(() => PassengerRightsAssessment, {
    description:
      'What the passenger is owed for one disrupted flight segment under EU261, UK261, the Montreal Convention and the US DOT refund rules, ' +
      'with the article and the reason for each right, the deadlines, and what is not owed and why. A preview: nothing is recorded.',
  })
  passengerRights(@Arg('input') input: PassengerRightsInput): PassengerRightsAssessment {
    return this.preview.assess(input);
  }
}
