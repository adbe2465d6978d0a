import type { DataSource } from 'typeorm';
import { isUuid } from '@carebridge/domain';
import type { IncidentTrips } from './incident-trips';
import { Incident } from './incident.entity';

/**
 * A flight disruption as its incident recorded it, for the statements made from it (travel
 * certificates): the incident's flight segment with its schedule, and the actual or estimated times,
 * the diversion airport and the cause last recorded with computeIncidentEntitlements.
 */
export class RecordedDisruptions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trips: IncidentTrips,
  ) {}

  async recordedDisruption(incidentId: string) {
    const incident = isUuid(incidentId) ? await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId }) : null;
    if (!incident) return null;
    const segment = incident.tripId && incident.segmentId ? (await this.trips.segmentsOf(incident.tripId, true)).find((s) => s.id === incident.segmentId) : undefined;
    const record = incident.disruption ?? {};
    const at = (value: string | null | undefined) => (value ? new Date(value) : null);
    return {
      incidentId: incident.id,
      incidentNumber: incident.number,
      customerId: incident.customerId,
      tripId: incident.tripId,
      type: incident.type,
      flight:
        segment?.kind === 'FLIGHT' && segment.carrier && segment.flightNumber && segment.origin && segment.destination
          ? { carrier: segment.carrier, flightNumber: segment.flightNumber, origin: segment.origin, destination: segment.destination, scheduledDeparture: segment.startsAt, scheduledArrival: segment.endsAt }
          : null,
      actualDeparture: at(record.actualDeparture),
      actualArrival: at(record.actualArrival),
      timesEstimated: record.timesEstimated ?? false,
      diversionAirport: record.diversionAirport ?? null,
      cause: record.cause ?? null,
      causeDetail: record.causeDetail ?? null,
    };
  }
}
