import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ensureNotInFuture, type FieldProblem } from '@carebridge/domain';
import { ensurePrintable } from './document-checks';
import type { CertificateContentData } from './document-content';
import type { DocumentIssuers } from './document-issuers';
import type { TripDirectory } from './document-requesting';
import type { DocumentSettings } from './document.settings';
import type { DocumentSteps } from './document-steps';
import type { CustomerDocument } from './document.entity';
import { DocumentStatus, DocumentType, TravelDisruption } from './document.enums';
import { type IssueTravelCertificateInput, LOCAL_TIME, LOCAL_TIME_RULE } from './document.inputs';
import { renderTravelCertificatePdf } from './travel-certificate-pdf';
import { newVerificationCode } from './verification-code';

/**
 * Issuing a requested travel certificate: what happened to a flight or a trip — delayed, cancelled
 * or diverted, when it was scheduled and when it actually went, and why — as a PDF for the
 * traveller's insurer or employer, with a verification code that `verifyTravelCertificate` answers.
 */
export class TravelCertificateIssuing {
  constructor(
    private readonly steps: DocumentSteps,
    private readonly issuers: DocumentIssuers,
    private readonly trips: TripDirectory,
    private readonly settings: Pick<DocumentSettings, 'certificateVerificationUrl'>,
  ) {}

  async issue(input: IssueTravelCertificateInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    const now = this.steps.clock.now();
    checkStatement(input, now);
    ensurePrintable([
      ['input.passengerName', input.passengerName],
      ['input.tripDescription', input.tripDescription],
      ['input.causeDetail', input.causeDetail],
    ]);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.TRAVEL_CERTIFICATE);
      const issuer = await this.issuers.choose(manager, input.issuerId);
      const trip = document.tripId ? await this.trips.findById(document.tripId) : null;
      const statement: CertificateContentData = {
        kind: 'TRAVEL_CERTIFICATE',
        passengerName: input.passengerName.trim(),
        bookingReference: input.bookingReference?.trim().toUpperCase() || trip?.bookingReference || null,
        carrier: input.carrier ?? null,
        flightNumber: input.carrier && input.flightNumber ? `${input.carrier} ${input.flightNumber}` : null,
        tripDescription: input.tripDescription?.trim() || null,
        origin: input.origin ?? null,
        destination: input.destination ?? null,
        disruption: input.disruption,
        scheduledDeparture: input.scheduledDeparture,
        actualDeparture: input.actualDeparture ?? null,
        scheduledArrival: input.scheduledArrival ?? null,
        actualArrival: input.actualArrival ?? null,
        diversionAirport: input.diversionAirport ?? null,
        arrivalDelayMinutes:
          input.disruption !== TravelDisruption.CANCELLATION && input.scheduledArrival && input.actualArrival
            ? Math.round((Date.parse(input.actualArrival) - Date.parse(input.scheduledArrival)) / 60_000)
            : null,
        cause: input.cause,
        causeDetail: input.causeDetail?.trim() || null,
        issuerName: issuer.legalName,
      };
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
}

/** What each disruption must state, every broken rule at once. */
function checkStatement(input: IssueTravelCertificateInput, now: Date): void {
  const problems: FieldProblem[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field: `input.${field}`, rule, message });
  for (const field of ['scheduledDeparture', 'actualDeparture', 'scheduledArrival', 'actualArrival'] as const) {
    const value = input[field];
    if (value && (!LOCAL_TIME.test(value) || Number.isNaN(Date.parse(value)))) problem(field, 'time', LOCAL_TIME_RULE);
  }
  if (problems.length) throw new BadUserInputError(problems);
  const flight = Boolean(input.carrier || input.flightNumber);
  if (flight) {
    if (!input.carrier) problem('carrier', 'required', 'must be given with the flight number');
    if (!input.flightNumber) problem('flightNumber', 'required', 'must be given with the carrier');
    if (!input.origin) problem('origin', 'required', 'must be given for a flight');
    if (!input.destination) problem('destination', 'required', 'must be given for a flight');
  } else if (!input.tripDescription?.trim()) {
    problem('tripDescription', 'required', 'must say which trip or segment it is, when it is not a flight (carrier and flightNumber)');
  }
  const scheduledDeparture = Date.parse(input.scheduledDeparture);
  if (input.scheduledArrival && Date.parse(input.scheduledArrival) < scheduledDeparture) problem('scheduledArrival', 'after-departure', 'must not be before the scheduled departure');
  if (input.disruption === TravelDisruption.CANCELLATION) {
    if (input.actualDeparture) problem('actualDeparture', 'cancelled', 'must be left out: a cancelled flight or trip did not depart');
    if (input.actualArrival) problem('actualArrival', 'cancelled', 'must be left out: a cancelled flight or trip did not arrive');
  } else {
    if (!input.actualDeparture && !input.actualArrival) problem('actualArrival', 'required', `must be given (or actualDeparture) for a ${input.disruption.toLowerCase()}`);
    if (input.actualArrival && !input.scheduledArrival) problem('scheduledArrival', 'required', 'must be given with the actual arrival, to state the delay');
  }
  if (input.disruption === TravelDisruption.DIVERSION && !input.diversionAirport) problem('diversionAirport', 'required', 'must name where the diverted flight landed');
  if (input.disruption !== TravelDisruption.DIVERSION && input.diversionAirport) problem('diversionAirport', 'diversions-only', 'is only for diversions');
  for (const field of ['actualDeparture', 'actualArrival'] as const) {
    const value = input[field];
    if (!value) continue;
    try {
      ensureNotInFuture(new Date(value), now, `input.${field}`);
    } catch (error) {
      if (error instanceof BadUserInputError) problems.push(...error.problems);
    }
  }
  if (problems.length) throw new BadUserInputError(problems);
}
