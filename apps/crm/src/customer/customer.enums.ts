import { CUSTOMER_TIERS, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The tiers, shared with crm's event contracts, lowest first. */
export const CustomerTier = enumOf(CUSTOMER_TIERS);
export type CustomerTier = EnumValue<typeof CustomerTier>;
registerEnumType(CustomerTier, { name: 'CustomerTier', description: 'Loyalty tier; GOLD and VIP customers get personal service (A-3.4.1).' });

/** The higher of two tiers, for "raise to at least" rules. */
export function higherTier(a: CustomerTier, b: CustomerTier): CustomerTier {
  return CUSTOMER_TIERS.indexOf(a) >= CUSTOMER_TIERS.indexOf(b) ? a : b;
}

export enum TierRule {
  DEFAULT = 'DEFAULT',
  MANUAL = 'MANUAL',
  POINTS_EARNED = 'POINTS_EARNED',
  KEY_ACCOUNT = 'KEY_ACCOUNT',
}
registerEnumType(TierRule, {
  name: 'TierRule',
  description: 'Why a customer has their tier.',
  valuesConfig: {
    DEFAULT: { description: 'The tier every new profile starts with.' },
    MANUAL: { description: 'Set by a CRM manager, with a reason.' },
    POINTS_EARNED: { description: 'Reached by lifetime loyalty points (CRM_TIER_POINTS).' },
    KEY_ACCOUNT: { description: "The agreed tier of the key account the customer belongs to." },
  },
});

export enum CustomerStatus {
  ACTIVE = 'ACTIVE',
  MERGED = 'MERGED',
  ERASED = 'ERASED',
}
registerEnumType(CustomerStatus, {
  name: 'CustomerStatus',
  valuesConfig: {
    MERGED: { description: 'A duplicate merged into another profile (see mergedIntoId); its history moved there.' },
    ERASED: { description: 'Anonymised on request (right to erasure); nothing identifies the customer any more.' },
  },
});

export enum PreferredChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  SMS = 'SMS',
  POST = 'POST',
}
registerEnumType(PreferredChannel, { name: 'PreferredChannel', description: 'How the customer prefers to be contacted.' });

export enum SeatPreference {
  WINDOW = 'WINDOW',
  AISLE = 'AISLE',
  NO_PREFERENCE = 'NO_PREFERENCE',
}
registerEnumType(SeatPreference, { name: 'SeatPreference' });

export enum BudgetBand {
  BUDGET = 'BUDGET',
  MID_RANGE = 'MID_RANGE',
  PREMIUM = 'PREMIUM',
  LUXURY = 'LUXURY',
}
registerEnumType(BudgetBand, { name: 'BudgetBand', description: 'What the customer usually spends on a trip.' });

export enum TravelStyle {
  LEISURE = 'LEISURE',
  BUSINESS = 'BUSINESS',
  FAMILY = 'FAMILY',
  ADVENTURE = 'ADVENTURE',
  CULTURAL = 'CULTURAL',
  BEACH = 'BEACH',
  CITY = 'CITY',
  CRUISE = 'CRUISE',
  WELLNESS = 'WELLNESS',
}
registerEnumType(TravelStyle, { name: 'TravelStyle' });

/** Travel preferences: what personal service needs to know. Stored as one document. */
@ObjectType({ description: "The customer's travel preferences and special-service needs." })
export class TravelPreferences {
  @Field(() => SeatPreference, { nullable: true, description: 'Window, aisle or no preference.' })
  seat?: SeatPreference | null;

  @Field(() => String, { nullable: true, description: 'Meal preference, e.g. an IATA special-meal code such as VGML.' })
  meal?: string | null;

  @Field(() => [String], { description: 'Favourite or wished-for destinations (cities, countries or airport codes).' })
  destinations?: string[];

  @Field(() => BudgetBand, { nullable: true, description: 'The price range the customer usually books in.' })
  budgetBand?: BudgetBand | null;

  @Field(() => [TravelStyle], { description: 'How the customer likes to travel, e.g. with family, for culture, at the beach.' })
  travelStyles?: TravelStyle[];

  @Field(() => [String], { description: 'Special services needed when travelling, e.g. WCHR (wheelchair), an assistance animal.' })
  specialServiceNeeds?: string[];
}

export enum ContactKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(ContactKind, { name: 'ContactKind' });

export enum TravelDocumentKind {
  PASSPORT = 'PASSPORT',
  NATIONAL_ID_CARD = 'NATIONAL_ID_CARD',
  VISA = 'VISA',
  RESIDENCE_PERMIT = 'RESIDENCE_PERMIT',
}
registerEnumType(TravelDocumentKind, { name: 'TravelDocumentKind' });
