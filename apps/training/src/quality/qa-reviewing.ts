import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import { qaReviewCompleted } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { QaReview } from './qa-review.entity';
import type { ReviewCaseInput } from './quality.inputs';
import type { ReviewableCases } from './reviewable-cases';
import { type ScorecardDesign, scoreAgainst } from './scorecard-design';

/** Who may be reviewed: a member of staff on training's roster. */
export interface ReviewedStaff {
  require(userId: string, field: string, manager: EntityManager): Promise<unknown>;
}

/** An agent's counted QA results over a period. */
export interface QaResultsSummary {
  reviews: number;
  /** The average score, 0–100, or null without reviews. */
  averageScore: number | null;
}

/**
 * A reviewer (trainer or supervisor) scores an agent's inquiry or complaint against a scorecard — a
 * case training has heard of, which that agent handled —
 * one counted review per case, published as qa_review.completed; the agent's QA results over a
 * period are the average of their counted reviews.
 */
export class QaReviewing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly scorecards: ScorecardDesign,
    private readonly staff: ReviewedStaff,
    private readonly cases: ReviewableCases,
  ) {}

  async review(input: ReviewCaseInput, by: Identity): Promise<QaReview> {
    if (input.agentUserId === by.userId) throw BadUserInputError.field('input.agentUserId', 'not-self', 'must be someone else: reviewers do not score their own cases');
    return this.dataSource.transaction(async (manager) => {
      const scorecard = await this.scorecards.get(input.scorecardId, 'input.scorecardId', manager);
      await this.staff.require(input.agentUserId, 'input.agentUserId', manager);
      await this.cases.requireHandledBy(manager, input.caseKind, input.caseId, input.agentUserId, { caseId: 'input.caseId', agentUserId: 'input.agentUserId' });
      const scored = scoreAgainst(scorecard, input.scores, input.autoFailed, 'input');
      const now = this.clock.now();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(QaReview)
        .values({
          scorecardId: scorecard.id,
          caseKind: input.caseKind,
          caseId: input.caseId,
          agentUserId: input.agentUserId,
          reviewerUserId: by.userId,
          calibrationSessionId: null,
          countsTowardAgent: true,
          ...scored,
          comment: input.comment?.trim() || null,
          completedAt: now,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (!inserted.raw.length) throw new ConflictError(`This ${input.caseKind.toLowerCase()} has been reviewed already`, { caseKind: input.caseKind, caseId: input.caseId });
      const review = await manager.findOneByOrFail(QaReview, { id: inserted.raw[0].id });
      await this.outbox.publish(manager, qaReviewCompleted, {
        reviewId: review.id,
        scorecardId: review.scorecardId,
        agentId: review.agentUserId,
        caseKind: review.caseKind,
        caseId: review.caseId,
        score: review.score,
        autoFailed: review.autoFailed.length > 0,
        completedAt: now.toISOString(),
      });
      return review;
    });
  }

  /** The counted reviews of an agent completed in [start, end). */
  async resultsFor(manager: EntityManager, agentUserId: string, start: Date, end: Date): Promise<QaResultsSummary> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS reviews, round(avg(score), 2)::float AS average FROM qa_review
       WHERE agent_user_id = $1 AND counts_toward_agent AND completed_at >= $2 AND completed_at < $3`,
      [agentUserId, start, end],
    );
    return { reviews: row.reviews, averageScore: row.average };
  }

  list(filter: { agentUserId?: string; reviewerUserId?: string }, limit = 100): Promise<QaReview[]> {
    return this.dataSource.getRepository(QaReview).find({ where: { ...filter, countsTowardAgent: true }, order: { completedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
