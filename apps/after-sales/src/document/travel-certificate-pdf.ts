import type { CertificateContentData } from './document-content';
import { DisruptionCause, TravelDisruption } from './document.enums';
import { createPdfA, finishPdfA, textsOf } from './pdf-a';
import { PdfLayout } from './pdf-layout';

const DISRUPTION_TITLES: Record<TravelDisruption, string> = {
  DELAY: 'Certificate of delay',
  CANCELLATION: 'Certificate of cancellation',
  DIVERSION: 'Certificate of diversion',
};

const CAUSES: Record<DisruptionCause, string> = {
  WEATHER: 'weather conditions',
  TECHNICAL: 'a technical problem with the aircraft or vehicle',
  AIR_TRAFFIC_CONTROL: 'air traffic control restrictions',
  STRIKE: 'a strike',
  CREW: 'crew availability',
  SECURITY: 'a security matter',
  MEDICAL: 'a medical emergency on board',
  OPERATIONAL: 'operational reasons',
  OTHER: 'other reasons',
};

export interface CertificateRendering {
  statement: CertificateContentData;
  verificationCode: string;
  /** Printed when set: where the recipient can check the code. */
  verificationUrl: string | null;
  issuedAt: Date;
}

/**
 * A travel certificate as a PDF: what happened to the flight or trip (delay, cancellation,
 * diversion), with the scheduled and actual times and the cause, for the traveller's insurer or
 * employer, and the verification code with which the issuer confirms it is genuine.
 */
export async function renderTravelCertificatePdf({ statement, verificationCode, verificationUrl, issuedAt }: CertificateRendering): Promise<Uint8Array> {
  const title = `${DISRUPTION_TITLES[statement.disruption]} ${verificationCode}`;
  const subjectLine = statement.flightNumber ? `flight ${statement.flightNumber}` : (statement.tripDescription ?? 'the trip');
  const meta = {
    title,
    author: statement.issuerName,
    subject: `${DISRUPTION_TITLES[statement.disruption]} for ${subjectLine}`,
    keywords: ['travel certificate', statement.disruption.toLowerCase()],
    createdAt: issuedAt,
    language: 'en',
  };
  const { doc, fonts } = await createPdfA(meta, textsOf(statement));
  const layout = new PdfLayout(doc, fonts, `${statement.issuerName} · travel certificate · verification code ${verificationCode}`);

  layout.line(DISRUPTION_TITLES[statement.disruption].toUpperCase(), { size: 18, bold: true });
  layout.line(`Issued by ${statement.issuerName} on ${day(issuedAt)}`, { muted: true });
  layout.gap(12);
  layout.line(sentence(statement), { size: 11 });
  layout.gap(12);

  const facts: [string, string][] = [['Passenger', statement.passengerName]];
  if (statement.bookingReference) facts.push(['Booking reference', statement.bookingReference]);
  if (statement.flightNumber) facts.push(['Flight', statement.flightNumber]);
  if (statement.tripDescription) facts.push(['Trip', statement.tripDescription]);
  if (statement.origin || statement.destination) facts.push(['Route', `${statement.origin ?? '?'} → ${statement.destination ?? '?'}`]);
  facts.push(['Scheduled departure', time(statement.scheduledDeparture)]);
  const actual = statement.timesEstimated ? 'Estimated' : 'Actual';
  if (statement.actualDeparture) facts.push([`${actual} departure`, time(statement.actualDeparture)]);
  if (statement.scheduledArrival) facts.push(['Scheduled arrival', time(statement.scheduledArrival)]);
  if (statement.diversionAirport) facts.push(['Diverted to', statement.diversionAirport]);
  if (statement.actualArrival) facts.push([statement.diversionAirport ? `${actual} arrival (diversion)` : `${actual} arrival`, time(statement.actualArrival)]);
  if (statement.departureDelayMinutes != null) facts.push(['Departure delay', minutes(statement.departureDelayMinutes)]);
  if (statement.arrivalDelayMinutes !== null) facts.push(['Arrival delay', minutes(statement.arrivalDelayMinutes)]);
  facts.push(['Cause', `${capitalise(CAUSES[statement.cause])}${statement.causeDetail ? ` — ${statement.causeDetail}` : ''}`]);
  layout.facts(facts, 160);
  layout.gap(18);
  layout.rule();
  layout.line(`Verification code: ${verificationCode}`, { size: 12, bold: true });
  layout.line(
    verificationUrl
      ? `To confirm that this certificate is genuine, enter the code at ${verificationUrl}. The answer repeats what the certificate states.`
      : `To confirm that this certificate is genuine, ask ${statement.issuerName} with the code above. The answer repeats what the certificate states.`,
    { size: 9 },
  );
  layout.line(
    `All times are local times of the airports named, shown with their UTC offset: the schedule as booked, the ${statement.timesEstimated ? 'estimated' : 'actual'} times as the carrier reported them.`,
    { size: 8, muted: true },
  );
  layout.finish();
  return finishPdfA(doc, meta);
}

/** What happened, in one sentence. */
function sentence(s: CertificateContentData): string {
  const what = s.flightNumber ? `Flight ${s.flightNumber}${s.origin && s.destination ? ` from ${s.origin} to ${s.destination}` : ''}` : (s.tripDescription ?? 'The trip');
  const scheduled = `scheduled to depart on ${time(s.scheduledDeparture)}`;
  const cause = `because of ${CAUSES[s.cause]}`;
  const arrived = s.timesEstimated ? 'the carrier expects it to arrive' : 'it arrived';
  switch (s.disruption) {
    case TravelDisruption.CANCELLATION:
      return `We confirm that ${lower(what)}, ${scheduled}, was cancelled ${cause}.`;
    case TravelDisruption.DIVERSION:
      return `We confirm that ${lower(what)}, ${scheduled}, was diverted${s.diversionAirport ? ` to ${s.diversionAirport}` : ''} ${cause}${
        s.arrivalDelayMinutes !== null && s.arrivalDelayMinutes > 0 ? `; ${arrived} ${minutes(s.arrivalDelayMinutes)} after its scheduled arrival` : ''
      }.`;
    default:
      return `We confirm that ${lower(what)}, ${scheduled}, was delayed ${cause}${
        s.arrivalDelayMinutes !== null && s.arrivalDelayMinutes > 0 ? `: ${arrived} ${minutes(s.arrivalDelayMinutes)} after its scheduled arrival` : ''
      }.`;
  }
}

/** A time as reported, in its own offset: `2026-11-01 14:05 (UTC+01:00)`. */
function time(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${match[1]} ${match[2]} (UTC${match[3] === 'Z' ? '' : match[3]})`;
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function minutes(total: number): string {
  if (total < 0) return `${minutes(-total)} early`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lower(text: string): string {
  return text.startsWith('Flight') ? `flight${text.slice(6)}` : text.startsWith('The trip') ? `the trip${text.slice(8)}` : text;
}
