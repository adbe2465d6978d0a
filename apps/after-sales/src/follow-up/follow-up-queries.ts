import { isUuid } from '@carebridge/domain';
import { type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { FollowUpSatisfaction, SurveyComponent } from './follow-up.enums';
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

  /** The satisfaction of trips that ended in [from, to), in two aggregate queries. */
  async satisfaction(from: Date, to: Date): Promise<FollowUpSatisfaction> {
    const [totals] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE status = 'ANSWERED')::int AS answered,
              count(*) FILTER (WHERE nps >= 9)::int AS promoters,
              count(*) FILTER (WHERE nps BETWEEN 7 AND 8)::int AS passives,
              count(*) FILTER (WHERE nps <= 6)::int AS detractors
         FROM follow_up_survey WHERE trip_ended_at >= $1 AND trip_ended_at < $2`,
      [from, to],
    );
    const components: { component: SurveyComponent; ratings: number; average: number }[] = await this.dataSource.query(
      `SELECT r->>'component' AS component, count(*)::int AS ratings, round(avg((r->>'score')::numeric), 2)::float AS average
         FROM follow_up_survey s, jsonb_array_elements(s.ratings) AS r
        WHERE s.status = 'ANSWERED' AND s.trip_ended_at >= $1 AND s.trip_ended_at < $2
        GROUP BY 1 ORDER BY 1`,
      [from, to],
    );
    const scored = totals.promoters + totals.passives + totals.detractors;
    return {
      from,
      to,
      ...totals,
      responseRate: totals.sent ? Math.round((totals.answered / totals.sent) * 1000) / 1000 : null,
      nps: scored ? Math.round(((totals.promoters - totals.detractors) / scored) * 1000) / 10 : null,
      components,
    };
  }
}
