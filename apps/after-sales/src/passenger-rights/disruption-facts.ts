import type { BaggageEventKind, DisruptionKind, PassengerOption, PaymentMethod } from './passenger-rights.enums';

/**
 * The facts of one disrupted flight segment, as the caller knows them. The engine reads nothing
 * else: no database, no clock. Optional facts may be absent or null (GraphQL sends null); a right
 * that depends on a missing fact is reported as not granted, naming the field.
 */
export interface DisruptionFacts {
  kind: DisruptionKind;
  flight: FlightFacts;
  /** For a cancellation: when the passenger was told. Unknown counts as not told in advance (Art. 5(4): the carrier proves it). */
  cancellation?: { noticeGivenAt?: Date | null } | null;
  /** The alternative flight offered (re-routing), for cancellations, denied boarding and diversions. */
  rerouting?: { departure: Date; arrival: Date } | null;
  /** The carrier's case for extraordinary circumstances (Art. 5(3)), recorded with its reason. */
  extraordinaryCircumstances?: { reason: string } | null;
  deniedBoarding?: { voluntary: boolean; reasonableGrounds?: string | null } | null;
  /** Where a diverted flight landed instead of the destination. */
  diversion?: { airport: string } | null;
  /** The price of the ticket for this flight (refunds, the downgrade share). */
  fare?: MoneyFacts | null;
  /** Checked-bag fees paid for this flight: the US DOT refund of a bag that has no `fee` of its own. */
  bagFees?: MoneyFacts | null;
  paymentMethod?: PaymentMethod | null;
  /** What the passenger chose, and when (refund deadlines run from it). */
  passengerChoice?: { option: PassengerOption; at: Date } | null;
  baggage?: BaggageFacts[] | null;
  /** The passenger already received benefits under another regime in the country of departure (Art. 3(1)(b)). */
  benefitsReceivedInDepartureCountry?: boolean | null;
  /** Travelling free of charge or at a reduced fare not available to the public (Art. 3(3)). */
  freeOrNonPublicFare?: boolean | null;
  /** Whether the Montreal Convention governs the carriage, when the caller knows (both states Parties, Art. 1(2)). */
  montrealConventionApplies?: boolean | null;
}

export interface FlightFacts {
  /** Operating carrier's IATA designator, e.g. `LH`. */
  carrier: string;
  /** Country that granted the operating carrier's licence (ISO 3166-1 alpha-2): makes it an EU or UK carrier. */
  carrierLicenceCountry?: string | null;
  flightNumber: string;
  /** IATA codes. */
  origin: string;
  destination: string;
  scheduledDeparture: Date;
  scheduledArrival: Date;
  /** Actual or expected times (arrival: when the doors opened at the destination, Germanwings C-452/13). */
  actualDeparture?: Date | null;
  actualArrival?: Date | null;
  /** US DOT: a domestic flight (within the United States and its territories); derived from the airports when absent. */
  domestic?: boolean | null;
}

export interface MoneyFacts {
  /** Decimal amount, e.g. "199.90". */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
}

export interface BaggageFacts {
  kind: BaggageEventKind;
  /** The bag tag or file reference, to tell several bags apart. */
  tag?: string | null;
  /** When the passenger reported it (property irregularity report / mishandled baggage report). */
  reportedAt?: Date | null;
  /** When the bag was received or placed at the passenger's disposal; absent while it is missing. */
  receivedAt?: Date | null;
  /** The fee paid to check this bag (US DOT bag-fee refund). */
  fee?: MoneyFacts | null;
}
