import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The bodies of law the engine applies. */
export enum PassengerRightsRegime {
  /** Regulation (EC) No 261/2004 (EU, EEA and Switzerland). */
  EU261 = 'EU261',
  /** Regulation (EC) No 261/2004 as it forms part of UK law since 1 January 2021. */
  UK261 = 'UK261',
  /** Convention for the Unification of Certain Rules for International Carriage by Air, Montreal 1999. */
  MONTREAL_CONVENTION = 'MONTREAL_CONVENTION',
  /** US Department of Transportation, 14 CFR Part 260 (refunds), from 2024. */
  US_DOT = 'US_DOT',
}

export enum DisruptionKind {
  DELAY = 'DELAY',
  CANCELLATION = 'CANCELLATION',
  DIVERSION = 'DIVERSION',
  DENIED_BOARDING = 'DENIED_BOARDING',
  DOWNGRADE = 'DOWNGRADE',
}

export enum PaymentMethod {
  CARD = 'CARD',
  OTHER = 'OTHER',
}

export enum BaggageEventKind {
  DELAYED = 'DELAYED',
  DAMAGED = 'DAMAGED',
  PILFERED = 'PILFERED',
  LOST = 'LOST',
}

/** What the passenger chose or did after the disruption, where a right depends on it. */
export enum PassengerOption {
  /** Asked for the ticket price back. */
  REFUND = 'REFUND',
  /** Took the re-routing (alternative flight) offered. */
  REROUTING = 'REROUTING',
  /** Flew the changed or delayed flight as it was. */
  ACCEPTED_CHANGE = 'ACCEPTED_CHANGE',
}

export enum EntitlementKind {
  /** Fixed compensation (EU261/UK261 Art. 7). */
  COMPENSATION = 'COMPENSATION',
  /** The choice between a refund and re-routing (Art. 8). */
  REFUND_OR_REROUTING = 'REFUND_OR_REROUTING',
  /** The ticket price back (Art. 8(1)(a) after a long delay; US DOT). */
  REFUND = 'REFUND',
  MEALS_AND_REFRESHMENTS = 'MEALS_AND_REFRESHMENTS',
  /** Two telephone calls, telex or fax messages, or e-mails (Art. 9(2)). */
  COMMUNICATION = 'COMMUNICATION',
  HOTEL = 'HOTEL',
  /** Transport between the airport and the place of accommodation (Art. 9(1)(c)). */
  HOTEL_TRANSFER = 'HOTEL_TRANSFER',
  /** Transfer from the airport landed at to the one booked (Art. 8(3)). */
  AIRPORT_TRANSFER = 'AIRPORT_TRANSFER',
  /** A share of the ticket price after a downgrade (Art. 10(2)). */
  DOWNGRADE_REFUND = 'DOWNGRADE_REFUND',
  BAG_FEE_REFUND = 'BAG_FEE_REFUND',
  /** Damages for baggage destroyed, lost, damaged or delayed, up to the Montreal limit. */
  BAGGAGE_DAMAGES = 'BAGGAGE_DAMAGES',
  /** Damages for delay of the passenger, up to the Montreal limit. */
  DELAY_DAMAGES = 'DELAY_DAMAGES',
}

/** How the amount of an entitlement is to be read. */
export enum EntitlementMeasure {
  /** The amount is owed as it stands. */
  FIXED_AMOUNT = 'FIXED_AMOUNT',
  /** The amount is the most the carrier is liable for; the passenger proves the damage. */
  UP_TO_LIMIT = 'UP_TO_LIMIT',
  /** A share of the ticket price (`sharePercent`); the amount when the fare is known. */
  SHARE_OF_FARE = 'SHARE_OF_FARE',
  /** The whole price paid; the amount when the fare is known. */
  FULL_PRICE = 'FULL_PRICE',
  /** Provided in kind (meals, hotel, calls, a flight), or its reasonable cost reimbursed. */
  IN_KIND = 'IN_KIND',
}

export enum RightsDeadlineKind {
  /** By when the carrier must have paid a refund. */
  REFUND_DUE = 'REFUND_DUE',
  /** By when the passenger must complain in writing, or lose the right to act. */
  CLAIM_WINDOW_ENDS = 'CLAIM_WINDOW_ENDS',
  /** From when a bag that has not arrived counts as lost. */
  BAG_PRESUMED_LOST = 'BAG_PRESUMED_LOST',
  /** By when an action in court must be brought. */
  ACTION_TIME_BAR = 'ACTION_TIME_BAR',
}

/** Why a right that was considered is not granted. */
export enum NotGrantedReason {
  /** The regime does not cover this flight. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  /** No version of the rule table was in force on the flight date. */
  NO_RULE_IN_FORCE = 'NO_RULE_IN_FORCE',
  EXTRAORDINARY_CIRCUMSTANCES = 'EXTRAORDINARY_CIRCUMSTANCES',
  /** The cancellation was notified early enough. */
  NOTICE_PERIOD = 'NOTICE_PERIOD',
  /** The re-routing offered kept close enough to the schedule. */
  REROUTING_CLOSE_TO_SCHEDULE = 'REROUTING_CLOSE_TO_SCHEDULE',
  /** The delay (of the flight or the bag) stays under the threshold. */
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  /** The passenger gave up the seat voluntarily (Art. 4(1)). */
  VOLUNTEERED = 'VOLUNTEERED',
  /** Boarding was refused on reasonable grounds (Art. 2(j)). */
  REASONABLE_GROUNDS = 'REASONABLE_GROUNDS',
  /** The passenger accepted the change or the alternative. */
  PASSENGER_CHOICE = 'PASSENGER_CHOICE',
  /** Another regime covers it (compensation is owed once). */
  COVERED_ELSEWHERE = 'COVERED_ELSEWHERE',
  /** A fact it depends on was not given; `explanation` names the field. */
  MISSING_FACTS = 'MISSING_FACTS',
}

registerEnumType(PassengerRightsRegime, { name: 'PassengerRightsRegime', description: 'A body of passenger-rights law.' });
registerEnumType(DisruptionKind, { name: 'DisruptionKind', description: 'What happened to the flight segment.' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'How the ticket was paid (US DOT refund deadlines depend on it).' });
registerEnumType(BaggageEventKind, { name: 'BaggageEventKind' });
registerEnumType(PassengerOption, { name: 'PassengerOption', description: 'What the passenger chose after the disruption.' });
registerEnumType(EntitlementKind, { name: 'EntitlementKind' });
registerEnumType(EntitlementMeasure, { name: 'EntitlementMeasure', description: 'How to read the amount of an entitlement.' });
registerEnumType(RightsDeadlineKind, { name: 'RightsDeadlineKind' });
registerEnumType(NotGrantedReason, { name: 'NotGrantedReason', description: 'Why a right that was considered is not granted.' });

@ObjectType({ description: 'An amount of money; SDR (the Montreal Convention’s unit) has the ISO 4217 code XDR.' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "250.00".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code: EUR, GBP, USD, XDR (SDR)…' })
  currency: string;
}

@ObjectType({ description: 'A date a right depends on: a refund due, a claim window closing, a bag presumed lost.' })
export class RightsDeadline {
  @Field(() => PassengerRightsRegime)
  regime: PassengerRightsRegime;

  @Field(() => RightsDeadlineKind)
  kind: RightsDeadlineKind;

  @Field(() => EntitlementKind, { description: 'The entitlement the deadline belongs to.' })
  entitlement: EntitlementKind;

  @Field(() => Date, { nullable: true, description: 'When it falls; null while it waits for a fact (e.g. the passenger’s choice), which `description` names.' })
  dueAt: Date | null;

  @Field({ description: 'Whether it had passed at the time of the assessment.' })
  passed: boolean;

  @Field({ description: 'What must happen by then, in words.' })
  description: string;

  @Field({ description: 'The provision that sets it.' })
  article: string;
}

@ObjectType({ description: 'Something the passenger is owed, with the rule that gives it and why.' })
export class Entitlement {
  @Field(() => PassengerRightsRegime)
  regime: PassengerRightsRegime;

  @Field(() => EntitlementKind)
  kind: EntitlementKind;

  @Field(() => EntitlementMeasure)
  measure: EntitlementMeasure;

  @Field(() => Money, { nullable: true, description: 'What is owed (or the limit, for UP_TO_LIMIT); null when in kind or when the fare is unknown.' })
  amount: Money | null;

  @Field(() => Money, { nullable: true, description: 'The amount before a reduction the rule allows (e.g. Art. 7(2)); null when not reduced.' })
  fullAmount: Money | null;

  @Field(() => Int, { nullable: true, description: 'For SHARE_OF_FARE and reductions: the percentage of the fare or of the full amount owed.' })
  sharePercent: number | null;

  @Field({ description: 'The legal basis in one line, e.g. "Regulation (EC) No 261/2004, Art. 5(1)(c) and 7(1)(a)".' })
  legalBasis: string;

  @Field(() => [String], { description: 'Each provision relied on, fully cited, the main one first.' })
  articles: string[];

  @Field({ description: 'Why, in words a passenger understands.' })
  explanation: string;

  @Field(() => [RightsDeadline])
  deadlines: RightsDeadline[];

  @Field({ description: 'The rule-table version applied, e.g. "EU261/2021-01".' })
  ruleVersion: string;
}

@ObjectType({ description: 'A right that was considered and is not granted, with the reason.' })
export class ConsideredRight {
  @Field(() => PassengerRightsRegime)
  regime: PassengerRightsRegime;

  @Field(() => EntitlementKind)
  kind: EntitlementKind;

  @Field(() => NotGrantedReason)
  reason: NotGrantedReason;

  @Field()
  legalBasis: string;

  @Field(() => [String])
  articles: string[];

  @Field()
  explanation: string;

  @Field(() => String, { nullable: true })
  ruleVersion: string | null;
}

@ObjectType({ description: 'Whether a regime covers the flight, and why.' })
export class RegimeFinding {
  @Field(() => PassengerRightsRegime)
  regime: PassengerRightsRegime;

  @Field()
  applies: boolean;

  @Field()
  explanation: string;

  @Field()
  legalBasis: string;

  @Field(() => String, { nullable: true, description: 'The rule-table version in force on the flight date; null when none was.' })
  ruleVersion: string | null;
}

@ObjectType({ description: 'An airport of the disrupted flight, as the engine found it.' })
export class AssessedAirport {
  @Field()
  iata: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country or territory.' })
  country: string;

  @Field()
  timeZone: string;
}

@ObjectType({ description: 'The facts the engine derived from the input.' })
export class AssessedFlight {
  @Field(() => AssessedAirport)
  origin: AssessedAirport;

  @Field(() => AssessedAirport)
  destination: AssessedAirport;

  @Field(() => Float, { description: 'Great-circle distance in kilometres (one decimal).' })
  distanceKm: number;

  @Field({ description: 'The flight date: the scheduled departure’s date at the origin, which picks the rule versions.' })
  flightDate: string;

  @Field(() => Int, { nullable: true, description: 'Departure delay in minutes (negative: earlier than scheduled).' })
  departureDelayMinutes: number | null;

  @Field(() => Int, { nullable: true, description: 'Arrival delay in minutes at the destination.' })
  arrivalDelayMinutes: number | null;
}

@ObjectType({ description: 'What the passenger is owed for one disrupted flight segment, and what is not owed and why.' })
export class PassengerRightsAssessment {
  @Field({ description: 'The moment the assessment was made for; deadlines are judged passed against it.' })
  assessedAt: Date;

  @Field(() => DisruptionKind)
  kind: DisruptionKind;

  @Field(() => AssessedFlight)
  flight: AssessedFlight;

  @Field(() => [RegimeFinding])
  regimes: RegimeFinding[];

  @Field(() => [Entitlement])
  entitlements: Entitlement[];

  @Field(() => [ConsideredRight], { description: 'Rights considered and not granted: exemption, notice period, re-routing close to schedule…' })
  notGranted: ConsideredRight[];

  @Field(() => [RightsDeadline], { description: 'Every deadline of the entitlements, earliest first (open ones last).' })
  deadlines: RightsDeadline[];

  @Field({ description: 'Where the airport coordinates come from.' })
  airportData: string;
}
