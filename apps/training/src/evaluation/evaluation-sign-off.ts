import { type Identity, hasAnyRole } from '@carebridge/auth';
import { ConflictError, ForbiddenError, isUuid, NotFoundError } from '@carebridge/domain';
import { evaluationSignedOff } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { EvaluatedStaff, EvaluationDrafting } from './evaluation-drafting';
import { Evaluation } from './evaluation.entity';
import { EvaluationStatus } from './evaluation.enums';

/**
 * The supervisor signs an evaluation off — prepared one last time, then final, announced as
 * evaluation.signed_off — and the agent acknowledges it with a comment.
 */
export class EvaluationSignOff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly drafting: EvaluationDrafting,
    private readonly staff: EvaluatedStaff,
  ) {}

  async signOff(id: string, comment: string | null | undefined, by: Identity): Promise<Evaluation> {
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lock(manager, id);
      if (evaluation.agentUserId === by.userId) throw new ForbiddenError('Nobody signs off their own evaluation');
      const member = await this.staff.find(evaluation.agentUserId, manager);
      if (member?.supervisorUserId && member.supervisorUserId !== by.userId && !hasAnyRole(by, ['admin'])) throw new ForbiddenError('Only the agent’s own supervisor signs off their evaluation');
      if (evaluation.status !== EvaluationStatus.DRAFT) throw new ConflictError('The evaluation was signed off already', { currentStatus: evaluation.status, allowedNext: [] });
      const prepared = (await this.drafting.prepare(manager, evaluation.agentUserId, evaluation.periodKind, evaluation.periodStart)) ?? evaluation;
      if (prepared.overallScore === null) throw new ConflictError('Nothing to sign off: no KPI standard of the agent’s role was measured in the period', { results: prepared.results.length });
      const now = this.clock.now();
      const signed = await manager.save(Object.assign(prepared, { status: EvaluationStatus.SIGNED_OFF, supervisorComment: comment?.trim() || null, signedOffBy: by.userId, signedOffAt: now }));
      await this.outbox.publish(manager, evaluationSignedOff, {
        evaluationId: signed.id,
        agentId: signed.agentUserId,
        period: { kind: signed.periodKind, start: signed.periodStart.toISOString(), end: signed.periodEnd.toISOString() },
        overallScore: signed.overallScore ?? 0,
        excellent: signed.excellent,
        signedOffBy: by.userId,
        signedOffAt: now.toISOString(),
      });
      return signed;
    });
  }

  async acknowledge(id: string, comment: string | null | undefined, by: Identity): Promise<Evaluation> {
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lock(manager, id);
      if (evaluation.agentUserId !== by.userId) throw new ForbiddenError('Only the evaluated agent acknowledges their evaluation');
      if (evaluation.status !== EvaluationStatus.SIGNED_OFF) {
        throw new ConflictError(evaluation.status === EvaluationStatus.DRAFT ? 'The evaluation is not signed off yet' : 'The evaluation was acknowledged already', { currentStatus: evaluation.status });
      }
      return manager.save(Object.assign(evaluation, { status: EvaluationStatus.ACKNOWLEDGED, agentComment: comment?.trim() || null, acknowledgedAt: this.clock.now() }));
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<Evaluation> {
    const found = isUuid(id) ? await manager.findOne(Evaluation, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!found) throw new NotFoundError('AgentEvaluation', id);
    return found;
  }
}
