import { enumOf, type EnumValue, SURVEY_COMPONENTS } from '@carebridge/event-contracts';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TripSegmentKind } from '../trip/trip.enums';

/** Where a post-trip survey stands. */
export const FollowUpSurveyStatus = enumOf(['SCHEDULED', 'SENT', 'ANSWERED', 'SKIPPED', 'EXPIRED']);
export type FollowUpSurveyStatus = EnumValue<typeof FollowUpSurveyStatus>;
registerEnumType(FollowUpSurveyStatus, {
  name: 'FollowUpSurveyStatus',
  description: 'SCHEDULED (due after the return), SENT (the link went out), ANSWERED, SKIPPED (a contact rule said no), EXPIRED (the link ran out unanswered).',
});

/** Why a follow-up was not sent. */
export const FollowUpSkipReason = enumOf(['RECENTLY_CONTACTED', 'NO_CONSENT', 'CUSTOMER_ERASED']);
export type FollowUpSkipReason = EnumValue<typeof FollowUpSkipReason>;
registerEnumType(FollowUpSkipReason, { name: 'FollowUpSkipReason', description: 'Which contact rule kept the survey from going out.' });

/** What a survey rates, CSAT 1–5 each: the components the trip had. */
export const SurveyComponent = enumOf(SURVEY_COMPONENTS);
export type SurveyComponent = EnumValue<typeof SurveyComponent>;
registerEnumType(SurveyComponent, { name: 'SurveyComponent', description: 'A rated part of the trip: FLIGHT, HOTEL, GUIDE (the tour), TRANSFER.' });

/** A trip's segment kinds, as the survey names them. */
export const COMPONENT_OF_SEGMENT: Record<TripSegmentKind, SurveyComponent> = {
  FLIGHT: SurveyComponent.FLIGHT,
  HOTEL: SurveyComponent.HOTEL,
  TOUR: SurveyComponent.GUIDE,
  TRANSFER: SurveyComponent.TRANSFER,
};

/** What a follow-up call came to. */
export const FollowUpCallOutcome = enumOf(['REACHED_SATISFIED', 'REACHED_DISSATISFIED', 'NO_ANSWER', 'CALL_BACK', 'DECLINED']);
export type FollowUpCallOutcome = EnumValue<typeof FollowUpCallOutcome>;
registerEnumType(FollowUpCallOutcome, { name: 'FollowUpCallOutcome', description: 'What a follow-up call came to.' });

/** NPS bands: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsCategory(nps: number): 'PROMOTER' | 'PASSIVE' | 'DETRACTOR' {
  return nps >= 9 ? 'PROMOTER' : nps >= 7 ? 'PASSIVE' : 'DETRACTOR';
}

/** One component's CSAT score. */
export interface ComponentRating {
  component: SurveyComponent;
  score: number;
}

@ObjectType('ComponentSatisfaction', { description: 'The average CSAT (1–5) of one part of the trip.' })
export class ComponentSatisfaction {
  @Field(() => SurveyComponent, { description: 'The part of the trip rated (FLIGHT, HOTEL, GUIDE, TRANSFER).' })
  component: SurveyComponent;

  @Field(() => Int, { description: 'How many answered surveys rated this part.' })
  ratings: number;

  @Field(() => Float, { description: 'The average score of those ratings, 1 to 5, to two decimals.' })
  average: number;
}

/** How satisfied customers were with their trips over a period, from the answered surveys: figures only, no words, no customers. */
@ObjectType('FollowUpSatisfaction', { description: 'Post-trip satisfaction over a period: answers, NPS and CSAT per component (no customer, no words).' })
export class FollowUpSatisfaction {
  @Field({ description: 'Trips that ended at or after this.' })
  from: Date;

  @Field({ description: 'Trips that ended before this.' })
  to: Date;

  @Field(() => Int, { description: 'Surveys sent (answered, expired or still open).' })
  sent: number;

  @Field(() => Int, { description: 'Surveys the customer answered.' })
  answered: number;

  @Field(() => Float, { nullable: true, description: 'answered / sent; null when none was sent.' })
  responseRate: number | null;

  @Field(() => Int, { description: 'Answers with a likelihood to recommend of 9 or 10.' })
  promoters: number;

  @Field(() => Int, { description: 'Answers with a likelihood to recommend of 7 or 8.' })
  passives: number;

  @Field(() => Int, { description: 'Answers with a likelihood to recommend of 0 to 6.' })
  detractors: number;

  @Field(() => Float, { nullable: true, description: 'Net promoter score, -100 to 100: promoters (9–10) minus detractors (0–6), in percent of the answers with an NPS.' })
  nps: number | null;

  @Field(() => [ComponentSatisfaction], { description: 'The average rating of each part of the trip rated at least once in the period; parts nobody rated are left out.' })
  components: ComponentSatisfaction[];
}
