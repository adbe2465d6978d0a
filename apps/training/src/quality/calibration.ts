import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { CalibrationSession } from './calibration-session.entity';
import { QaReview } from './qa-review.entity';
import type { ReviewedStaff } from './qa-reviewing';
import { CalibrationStatus } from './quality.enums';
import type { ReviewableCases } from './reviewable-cases';
import type { CalibrationScoreInput, OpenCalibrationInput } from './quality.inputs';
import { type ScorecardDesign, scoreAgainst } from './scorecard-design';

export interface ScoreSpread {
  /** A category's key, or "total". */
  category: string;
  min: number;
  max: number;
  /** max − min. */
  range: number;
  /** Population standard deviation of the reviewers' scores. */
  standardDeviation: number;
}

/**
 * Calibration (T-5.4): several reviewers score the same case on the same scorecard, each once; the
 * spread of their scores per category and in total shows how consistently they apply it. These
 * reviews never count toward the agent and are not published as qa_review.completed.
 */
export class Calibration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly scorecards: ScorecardDesign,
    private readonly staff: ReviewedStaff,
    private readonly cases: ReviewableCases,
  ) {}

  async open(input: OpenCalibrationInput, by: Identity): Promise<CalibrationSession> {
    return this.dataSource.transaction(async (manager) => {
      await this.scorecards.get(input.scorecardId, 'input.scorecardId', manager);
      await this.staff.require(input.agentUserId, 'input.agentUserId', manager);
      await this.cases.requireHandledBy(manager, input.caseKind, input.caseId, input.agentUserId, { caseId: 'input.caseId', agentUserId: 'input.agentUserId' });
      return manager.save(
        manager.create(CalibrationSession, { ...input, facilitatorUserId: by.userId, status: CalibrationStatus.OPEN, createdAt: this.clock.now(), closedAt: null }),
      );
    });
  }

  async score(input: CalibrationScoreInput, by: Identity): Promise<QaReview> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(CalibrationSession, { where: { id: input.calibrationSessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw BadUserInputError.field('input.calibrationSessionId', 'exists', 'must be an existing calibration session');
      if (session.status !== CalibrationStatus.OPEN) throw new ConflictError('The calibration session is closed', { status: session.status });
      if (session.agentUserId === by.userId) throw new ConflictError('The agent whose case it is does not score it', {});
      const scorecard = await this.scorecards.get(session.scorecardId, 'input.calibrationSessionId', manager);
      const scored = scoreAgainst(scorecard, input.scores, input.autoFailed, 'input');
      if (await manager.existsBy(QaReview, { calibrationSessionId: session.id, reviewerUserId: by.userId })) throw new ConflictError('You scored this calibration already', {});
      return manager.save(
        manager.create(QaReview, {
          scorecardId: session.scorecardId,
          caseKind: session.caseKind,
          caseId: session.caseId,
          agentUserId: session.agentUserId,
          reviewerUserId: by.userId,
          calibrationSessionId: session.id,
          countsTowardAgent: false,
          ...scored,
          comment: input.comment?.trim() || null,
          completedAt: this.clock.now(),
        }),
      );
    });
  }

  async close(id: string): Promise<CalibrationSession> {
    const session = await this.get(id);
    if (session.status === CalibrationStatus.CLOSED) return session;
    return this.dataSource.getRepository(CalibrationSession).save(Object.assign(session, { status: CalibrationStatus.CLOSED, closedAt: this.clock.now() }));
  }

  async get(id: string): Promise<CalibrationSession> {
    const found = isUuid(id) ? await this.dataSource.getRepository(CalibrationSession).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('CalibrationSession', id);
    return found;
  }

  reviews(sessionId: string): Promise<QaReview[]> {
    return this.dataSource.getRepository(QaReview).find({ where: { calibrationSessionId: sessionId }, order: { completedAt: 'ASC', id: 'ASC' } });
  }

  /** The spread per category (in the scorecard's order) and of the total; empty until someone scored. */
  async spread(session: CalibrationSession): Promise<ScoreSpread[]> {
    const reviews = await this.reviews(session.id);
    if (!reviews.length) return [];
    const categories = reviews[0].scores.map((s) => s.category);
    return [
      ...categories.map((category) => spreadOf(category, reviews.map((r) => r.scores.find((s) => s.category === category)?.score ?? 0))),
      spreadOf('total', reviews.map((r) => r.score)),
    ];
  }
}

function spreadOf(category: string, values: number[]): ScoreSpread {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { category, min, max, range: round(max - min), standardDeviation: round(Math.sqrt(variance)) };
}
