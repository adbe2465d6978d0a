import { type Connection, paginate } from '@carebridge/service-kit';
import { isUuid } from '@carebridge/domain';
import type { DataSource } from 'typeorm';
import { Incident, IncidentTimelineEntry } from './incident.entity';
import type { IncidentsArgs } from './incident.inputs';

/** Reading incidents: one, a page of them, and an incident's timeline. */
export class IncidentQueries {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Incident | null> {
    return isUuid(id) ? this.dataSource.getRepository(Incident).findOneBy({ id }) : Promise.resolve(null);
  }

  findByNumber(number: string): Promise<Incident | null> {
    return this.dataSource.getRepository(Incident).findOneBy({ number: number.trim().toUpperCase() });
  }

  list(args: IncidentsArgs): Promise<Connection<Incident>> {
    const query = this.dataSource.getRepository(Incident).createQueryBuilder('incident');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('incident.status IN (:...status)', { status: filter.status });
    if (filter.type?.length) query.andWhere('incident.type IN (:...type)', { type: filter.type });
    if (filter.customerId) query.andWhere('incident.customerId = :customerId', { customerId: filter.customerId });
    if (filter.tripId) query.andWhere('incident.tripId = :tripId', { tripId: filter.tripId });
    return paginate(query, args, { sortKey: 'openedAt', direction: 'DESC' });
  }

  /** The first `first` entries of an incident's timeline (all when not given). */
  timelineOf(incidentId: string, first?: number): Promise<IncidentTimelineEntry[]> {
    return this.dataSource.getRepository(IncidentTimelineEntry).find({ where: { incidentId }, order: { seq: 'ASC' }, take: first });
  }
}
