import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { procedureFeedbackGiven } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { ProcedureFeedback } from './procedure-feedback.entity';
import type { GiveProcedureFeedbackInput } from './quality.inputs';

/** What feedback needs of the knowledge base: is this article a procedure? */
export interface ProcedureCheck {
  isProcedure(articleId: string, manager: EntityManager): Promise<boolean>;
}

export interface ProcedureRating {
  articleId: string;
  ratings: number;
  averageRating: number;
  comments: number;
}

/** Agents rate a procedure and say why; analytics receives each rating as procedure_feedback.given. */
export class ProcedureFeedbackGiving {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly procedures: ProcedureCheck,
  ) {}

  async give(input: GiveProcedureFeedbackInput, by: Identity): Promise<ProcedureFeedback> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.procedures.isProcedure(input.articleId, manager))) throw BadUserInputError.field('input.articleId', 'procedure', 'must be a knowledge article of kind PROCEDURE');
      const feedback = await manager.save(
        manager.create(ProcedureFeedback, { articleId: input.articleId, agentUserId: by.userId, rating: input.rating, comment: input.comment?.trim() || null, givenAt: this.clock.now() }),
      );
      await this.outbox.publish(manager, procedureFeedbackGiven, {
        feedbackId: feedback.id,
        articleId: feedback.articleId,
        rating: feedback.rating,
        commented: feedback.comment !== null,
        givenAt: feedback.givenAt.toISOString(),
      });
      return feedback;
    });
  }

  list(articleId: string, limit = 100): Promise<ProcedureFeedback[]> {
    return this.dataSource.getRepository(ProcedureFeedback).find({ where: { articleId }, order: { givenAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async rating(articleId: string): Promise<ProcedureRating> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS ratings, coalesce(round(avg(rating), 2), 0)::float AS average, count(comment)::int AS comments FROM procedure_feedback WHERE article_id = $1`,
      [articleId],
    );
    return { articleId, ratings: row.ratings, averageRating: row.average, comments: row.comments };
  }
}
