import { isUuid } from '@carebridge/domain';
import { type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { FollowUpSurvey } from './follow-up-survey.entity';
import type { FollowUpSurveysArgs } from './follow-up.inputs';

/** Finding post-trip surveys. */
export class FollowUpQueries {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<FollowUpSurvey | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(FollowUpSurvey).findOneBy({ id });
  }

  findByTrip(tripId: string): Promise<FollowUpSurvey | null> {
    if (!isUuid(tripId)) return Promise.resolve(null);
    return this.dataSource.getRepository(FollowUpSurvey).findOneBy({ tripId });
  }

  list(args: FollowUpSurveysArgs): Promise<Connection<FollowUpSurvey>> {
    const query = this.dataSource.getRepository(FollowUpSurvey).createQueryBuilder('survey');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('survey.status IN (:...status)', { status: filter.status });
    if (filter.customerId) query.andWhere('survey.customerId = :customerId', { customerId: filter.customerId });
    if (filter.tripId) query.andWhere('survey.tripId = :tripId', { tripId: filter.tripId });
    return paginate(query, args, { sortKey: 'createdAt', direction: 'DESC' });
  }
}
