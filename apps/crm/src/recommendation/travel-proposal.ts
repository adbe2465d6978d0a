import { Field, Int, ObjectType } from 'type-graphql';

/** A rule-based, explainable proposal (T-2.2): what to offer, and the facts it was proposed from. */
@ObjectType({ description: 'A personalised travel proposal, with the reason it was proposed.' })
export class TravelProposal {
  @Field({ description: 'Stable id of the rule, e.g. DESTINATION, PASSPORT_RENEWAL.' })
  rule: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field({ description: 'Why it was proposed, in words an agent can tell the customer.' })
  reason: string;

  @Field(() => [String], { description: 'Profile and history data it was derived from, e.g. preferences.destinations.' })
  basis: string[];

  @Field(() => Int, { description: 'Relevance, 0 to 100; proposals come highest first.' })
  score: number;
}
