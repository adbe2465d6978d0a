import { type Identity, hasAnyRole } from '@carebridge/auth';
import { ForbiddenError, isUuid, NotFoundError } from '@carebridge/domain';
import type { DataSource } from 'typeorm';
import { Evaluation } from './evaluation.entity';
import type { EvaluationPeriodKind } from './evaluation.enums';
import type { EvaluationFilter } from './evaluation.inputs';

/** Who reads other people's evaluations (their reads are recorded); everyone else sees only their own. */
export const EVALUATION_READERS = ['supervisor', 'trainer'] as const;

/** Aggregates are shown for groups of at least this many evaluations, so that none stands for one person. */
export const MIN_AGGREGATE_GROUP = 3;

export interface EvaluationSummary {
  periodKind: EvaluationPeriodKind;
  periodStart: Date;
  team: string | null;
  evaluations: number;
  signedOff: number;
  /** Null for groups smaller than MIN_AGGREGATE_GROUP. */
  averageScore: number | null;
  excellent: number | null;
  kpis: { kpi: string; averageScore: number | null; metShare: number | null }[];
}

export class EvaluationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string, by: Identity): Promise<Evaluation> {
    const found = isUuid(id) ? await this.dataSource.getRepository(Evaluation).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('AgentEvaluation', id);
    if (found.agentUserId !== by.userId && !hasAnyRole(by, EVALUATION_READERS)) throw new ForbiddenError('Agents see their own evaluations only');
    return found;
  }

  mine(by: Identity): Promise<Evaluation[]> {
    return this.dataSource.getRepository(Evaluation).find({ where: { agentUserId: by.userId }, order: { periodStart: 'DESC', id: 'DESC' }, take: 100 });
  }

  list(filter: EvaluationFilter): Promise<Evaluation[]> {
    const query = this.dataSource.getRepository(Evaluation).createQueryBuilder('evaluation');
    if (filter.agentUserId) query.andWhere('evaluation.agentUserId = :agent', { agent: filter.agentUserId });
    if (filter.team) query.andWhere('evaluation.team = :team', { team: filter.team });
    if (filter.periodKind) query.andWhere('evaluation.periodKind = :kind', { kind: filter.periodKind });
    if (filter.periodStart) query.andWhere('evaluation.periodStart = :start', { start: filter.periodStart });
    if (filter.excellent !== undefined && filter.excellent !== null) query.andWhere('evaluation.excellent = :excellent', { excellent: filter.excellent });
    return query.orderBy('evaluation.periodStart', 'DESC').addOrderBy('evaluation.agentUserId', 'ASC').limit(200).getMany();
  }

  /** For analysts: a period's evaluations in figures, per team or overall, never per person. */
  async summary(periodKind: EvaluationPeriodKind, periodStart: Date, team: string | null | undefined): Promise<EvaluationSummary> {
    const params = [periodKind, periodStart, team ?? null];
    const where = `period_kind = $1 AND period_start = $2 AND ($3::text IS NULL OR team = $3)`;
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS evaluations, count(*) FILTER (WHERE status <> 'DRAFT')::int AS signed_off,
              round(avg(overall_score), 2)::float AS average, count(*) FILTER (WHERE excellent)::int AS excellent
       FROM agent_evaluation WHERE ${where}`,
      params,
    );
    const shown = totals.evaluations >= MIN_AGGREGATE_GROUP;
    const kpis: { kpi: string; average: number | null; met: number | null }[] = shown
      ? await this.dataSource.query(
          `SELECT r->>'kpi' AS kpi, round(avg((r->>'score')::numeric), 2)::float AS average,
                  round(avg(CASE WHEN r->>'met' = 'true' THEN 1 WHEN r->>'met' = 'false' THEN 0 END), 4)::float AS met
           FROM agent_evaluation, jsonb_array_elements(results) AS r WHERE ${where} GROUP BY 1 ORDER BY 1`,
          params,
        )
      : [];
    return {
      periodKind,
      periodStart,
      team: team ?? null,
      evaluations: totals.evaluations,
      signedOff: totals.signed_off,
      averageScore: shown ? totals.average : null,
      excellent: shown ? totals.excellent : null,
      kpis: kpis.map((k) => ({ kpi: k.kpi, averageScore: k.average, metShare: k.met })),
    };
  }
}
