import type { TripSegmentKind } from '../trip/trip.enums';

/** A trip as an incident needs it. */
export interface IncidentTrip {
  id: string;
  customerId: string;
  bookingReference: string | null;
}

/** A segment as an incident needs it: what it is, and a flight's facts for the passenger-rights engine. */
export interface IncidentSegment {
  id: string;
  tripId: string;
  kind: TripSegmentKind;
  startsAt: Date;
  endsAt: Date | null;
  carrier: string | null;
  flightNumber: string | null;
  origin: string | null;
  destination: string | null;
  name: string | null;
  removedAt: Date | null;
}

/** What incidents read of trips (the domain passes trip/'s queries in). */
export interface IncidentTrips {
  findById(id: string): Promise<IncidentTrip | null>;
  segmentsOf(tripId: string, includeRemoved?: boolean): Promise<IncidentSegment[]>;
}

/** "LH 721 FRA–PVG on 2026-11-20", "Hotel Adlon, 2026-11-20": the segment named without personal data. */
export function segmentLabel(segment: IncidentSegment): string {
  const day = segment.startsAt.toISOString().slice(0, 10);
  if (segment.kind === 'FLIGHT') return `${segment.carrier ?? ''} ${segment.flightNumber ?? ''} ${segment.origin ?? ''}–${segment.destination ?? ''} on ${day}`.replace(/\s+/g, ' ').trim();
  return `${segment.kind.toLowerCase()} ${segment.name ?? ''} from ${day}`.replace(/\s+/g, ' ').trim();
}
