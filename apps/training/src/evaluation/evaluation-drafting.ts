import type { EventData, agentPeriodClosed } from '@carebridge/event-contracts';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { AgentPeriodFigures } from './agent-period-figures.entity';
import { scoreEvaluation } from './evaluation-scoring';
import { Evaluation } from './evaluation.entity';
import { type EvaluationPeriodKind, EvaluationStatus } from './evaluation.enums';
import type { KpiStandards } from './kpi-standards';

/** The agent as the evaluation needs them: their roster entry. */
export interface EvaluatedStaff {
  find(userId: string, manager: EntityManager): Promise<{ id: string; userId: string; role: string; team: string | null; supervisorUserId: string | null; active: boolean; erasedAt: Date | null } | null>;
}

/** The agent's counted QA results over a period (quality answers it). */
export interface QaResults {
  resultsFor(manager: EntityManager, agentUserId: string, start: Date, end: Date): Promise<{ reviews: number; averageScore: number | null }>;
}

/**
 * Preparing evaluations: analytics' closed-period figures are kept as they came, and the agent's
 * draft evaluation is (re)prepared from them, the QA results of the period and the standards of
 * their role. A signed-off evaluation never changes.
 */
export class EvaluationDrafting {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly standards: KpiStandards,
    private readonly staff: EvaluatedStaff,
    private readonly qa: QaResults,
    private readonly recognitionScore: number,
  ) {}

  /** analytics.agent_period_closed: the figures are kept (a later close replaces them) and the draft prepared. */
  async receiveFigures(manager: EntityManager, data: EventData<typeof agentPeriodClosed>): Promise<Evaluation | null> {
    const periodStart = new Date(data.period.start);
    const closedAt = new Date(data.closedAt);
    const values = { agentUserId: data.agentId, periodKind: data.period.kind, periodStart, periodEnd: new Date(data.period.end), figures: data.figures, closedAt, receivedAt: this.clock.now() };
    const kept = await manager.findOne(AgentPeriodFigures, { where: { agentUserId: data.agentId, periodKind: data.period.kind, periodStart }, lock: { mode: 'pessimistic_write' } });
    if (!kept) await manager.insert(AgentPeriodFigures, values);
    else if (kept.closedAt.getTime() < closedAt.getTime()) await manager.update(AgentPeriodFigures, kept.id, values);
    return this.prepare(manager, data.agentId, data.period.kind, periodStart);
  }

  /** Prepares (or refreshes) the draft; null when there are no figures yet or the agent is not on the roster. */
  async prepare(manager: EntityManager, agentUserId: string, periodKind: EvaluationPeriodKind, periodStart: Date): Promise<Evaluation | null> {
    const member = await this.staff.find(agentUserId, manager);
    if (!member || member.erasedAt) return null;
    const figures = await manager.findOneBy(AgentPeriodFigures, { agentUserId, periodKind, periodStart });
    if (!figures) return null;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`training.evaluation:${agentUserId}:${periodKind}:${periodStart.toISOString()}`]);
    const existing = await manager.findOneBy(Evaluation, { agentUserId, periodKind, periodStart });
    if (existing && existing.status !== EvaluationStatus.DRAFT) return existing;
    const standards = await this.standards.of(manager, member.role, periodKind);
    const qa = await this.qa.resultsFor(manager, agentUserId, figures.periodStart, figures.periodEnd);
    const scored = scoreEvaluation(standards, figures.figures, qa.averageScore, this.recognitionScore);
    return manager.save(
      Object.assign(existing ?? manager.create(Evaluation, { agentUserId, periodKind, periodStart, status: EvaluationStatus.DRAFT, supervisorComment: null, signedOffBy: null, signedOffAt: null, agentComment: null, acknowledgedAt: null }), {
        staffMemberId: member.id,
        role: member.role,
        team: member.team,
        periodEnd: figures.periodEnd,
        ...scored,
        qaReviews: qa.reviews,
        preparedAt: this.clock.now(),
      }),
    );
  }

  /** For supervisors: prepares a period's draft now, e.g. after registering an agent whose figures came earlier. */
  async prepareNow(agentUserId: string, periodKind: EvaluationPeriodKind, periodStart: Date): Promise<Evaluation> {
    const prepared = await this.dataSource.transaction((manager) => this.prepare(manager, agentUserId, periodKind, periodStart));
    if (!prepared) throw BadUserInputError.field('input', 'figures', 'must name an agent on the roster with figures from analytics for that period');
    return prepared;
  }
}
