import { enumOf, type EnumValue, SURVEY_COMPONENTS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';
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
