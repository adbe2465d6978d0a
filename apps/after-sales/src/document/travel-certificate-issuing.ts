import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import type { AirportDirectory } from '../airport/airport-directory';
import { IncidentType } from '../incident/incident.enums';
import { localTimeWithOffset } from '@carebridge/business-calendar';
import { ensurePrintable } from './document-checks';
import type { CertificateContentData } from './document-content';
import type { DocumentIssuers } from './document-issuers';
import type { TripDirectory } from './document-requesting';
import type { DocumentSettings } from './document.settings';
import type { DocumentSteps } from './document-steps';
import type { CustomerDocument } from './document.entity';
import { DisruptionCause, DocumentStatus, DocumentType, TravelDisruption } from './document.enums';
import type { IssueTravelCertificateInput } from './document.inputs';
import { renderTravelCertificatePdf } from './travel-certificate-pdf';
import { newVerificationCode } from './verification-code';

/** A flight disruption as its incident recorded it: the segment's schedule and the facts staff recorded. */
export interface RecordedDisruption {
  incidentId: string;
  incidentNumber: string;
  customerId: string;
  tripId: string | null;
  type: string;
  flight: { carrier: string; flightNumber: string; origin: string; destination: string; scheduledDeparture: Date; scheduledArrival: Date | null } | null;
  actualDeparture: Date | null;
  actualArrival: Date | null;
  timesEstimated: boolean;
  diversionAirport: string | null;
  cause: string | null;
  causeDetail: string | null;
}

/** What certificates read of incidents (the domain passes incident/'s implementation in). */
export interface DisruptionRecords {
  recordedDisruption(incidentId: string): Promise<RecordedDisruption | null>;
}

const DISRUPTION_OF: Partial<Record<string, TravelDisruption>> = {
  [IncidentType.FLIGHT_DELAY]: TravelDisruption.DELAY,
  [IncidentType.FLIGHT_CANCELLATION]: TravelDisruption.CANCELLATION,
  [IncidentType.FLIGHT_DIVERSION]: TravelDisruption.DIVERSION,
};

const RECORD_FIRST = 'record them on the incident first (computeIncidentEntitlements)';

/**
 * Issuing a requested travel certificate: what happened to a flight — delayed, cancelled or
 * diverted, when it was scheduled and when it actually (or, while the carrier only estimates, is
 * expected to) depart and arrive, and why — as a PDF for the traveller's insurer or employer, with a
 * verification code that `verifyTravelCertificate` answers. The statement is the incident's record,
 * never typed in again: the segment's schedule, the times and cause recorded on the incident, the
 * times shown in the airports' local time.
 */
export class TravelCertificateIssuing {
  constructor(
    private readonly steps: DocumentSteps,
    private readonly issuers: DocumentIssuers,
    private readonly trips: TripDirectory,
    private readonly disruptions: DisruptionRecords,
    private readonly airports: AirportDirectory,
    private readonly settings: Pick<DocumentSettings, 'certificateVerificationUrl'>,
  ) {}

  async issue(input: IssueTravelCertificateInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    const now = this.steps.clock.now();
    ensurePrintable([['input.passengerName', input.passengerName]]);
    const recorded = await this.disruptions.recordedDisruption(input.incidentId);
    if (!recorded) throw BadUserInputError.field('input.incidentId', 'incident', `no incident ${input.incidentId}`);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.TRAVEL_CERTIFICATE);
      if (recorded.customerId !== document.customerId) throw BadUserInputError.field('input.incidentId', 'same-customer', `incident ${recorded.incidentNumber} is another customer’s`);
      if (document.tripId && recorded.tripId !== document.tripId) throw BadUserInputError.field('input.incidentId', 'same-trip', `incident ${recorded.incidentNumber} is not on the trip the certificate was requested for`);
      const issuer = await this.issuers.choose(manager, input.issuerId);
      const tripId = document.tripId ?? recorded.tripId;
      const trip = tripId ? await this.trips.findById(tripId) : null;
      const statement: CertificateContentData = {
        ...this.stated(recorded),
        passengerName: input.passengerName.trim(),
        bookingReference: trip?.bookingReference ?? null,
        issuerName: issuer.legalName,
      };
      ensurePrintable([['input.incidentId', statement.causeDetail]]);
      const verificationCode = newVerificationCode();
      const pdf = await renderTravelCertificatePdf({ statement, verificationCode, verificationUrl: this.settings.certificateVerificationUrl, issuedAt: now });
      return this.steps.issue(
        manager,
        document,
        { issuerId: issuer.id, verificationCode, content: statement },
        { fileName: `travel-certificate-${verificationCode}.pdf`, contentType: 'application/pdf', bytes: pdf },
        { userId: by.userId, requestId },
        now,
      );
    });
  }

  /** The statement from the record; what the record lacks is refused on `input.incidentId`, every gap at once. */
  private stated(recorded: RecordedDisruption): Omit<CertificateContentData, 'passengerName' | 'bookingReference' | 'issuerName'> {
    const disruption = DISRUPTION_OF[recorded.type];
    const flight = recorded.flight;
    if (!disruption) throw BadUserInputError.field('input.incidentId', 'disruption', `must be a flight delay, cancellation or diversion (${recorded.incidentNumber} is ${recorded.type})`);
    if (!flight) throw BadUserInputError.field('input.incidentId', 'flight-segment', `incident ${recorded.incidentNumber} must concern a flight segment with its carrier, flight number, airports and schedule`);
    const problems: FieldProblem[] = [];
    const missing = (rule: string, message: string) => problems.push({ field: 'input.incidentId', rule, message: `${message}: ${RECORD_FIRST}` });
    if (!recorded.cause) missing('recorded-cause', `incident ${recorded.incidentNumber} has no cause recorded`);
    if (disruption === TravelDisruption.DELAY && !recorded.actualArrival && !recorded.actualDeparture) missing('recorded-times', `incident ${recorded.incidentNumber} has no actual or estimated times recorded`);
    if (disruption === TravelDisruption.DIVERSION && !recorded.diversionAirport) missing('recorded-diversion', `incident ${recorded.incidentNumber} does not record where the flight landed`);
    if (problems.length) throw new BadUserInputError(problems);
    const cancelled = disruption === TravelDisruption.CANCELLATION;
    const local = (instant: Date | null, airport: string | null) => (instant && airport ? localTimeWithOffset(instant, this.timeZoneOf(airport)) : null);
    const arrivalAirport = recorded.diversionAirport ?? flight.destination;
    const actualArrival = cancelled ? null : recorded.actualArrival;
    return {
      kind: 'TRAVEL_CERTIFICATE',
      incidentId: recorded.incidentId,
      carrier: flight.carrier,
      flightNumber: `${flight.carrier} ${flight.flightNumber}`,
      tripDescription: null,
      origin: flight.origin,
      destination: flight.destination,
      disruption,
      scheduledDeparture: local(flight.scheduledDeparture, flight.origin) as string,
      actualDeparture: cancelled ? null : local(recorded.actualDeparture, flight.origin),
      scheduledArrival: local(flight.scheduledArrival, flight.destination),
      actualArrival: local(actualArrival, arrivalAirport),
      timesEstimated: !cancelled && recorded.timesEstimated,
      diversionAirport: disruption === TravelDisruption.DIVERSION ? recorded.diversionAirport : null,
      departureDelayMinutes: !cancelled && recorded.actualDeparture ? Math.round((recorded.actualDeparture.getTime() - flight.scheduledDeparture.getTime()) / 60_000) : null,
      arrivalDelayMinutes: actualArrival && flight.scheduledArrival ? Math.round((actualArrival.getTime() - flight.scheduledArrival.getTime()) / 60_000) : null,
      cause: recorded.cause as DisruptionCause,
      causeDetail: recorded.causeDetail,
    };
  }

  private timeZoneOf(iata: string): string {
    // An airport the shipped data does not know is shown in UTC rather than refused: the times stay true.
    return this.airports.find(iata)?.timeZone ?? 'UTC';
  }
}
