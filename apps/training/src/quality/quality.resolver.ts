import { type Identity, hasAnyRole } from '@carebridge/auth';
import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { InquiryReference } from '../references/inquiry.reference';
import { CalibrationSession } from './calibration-session.entity';
import type { Calibration } from './calibration';
import { ComplaintReference } from './complaint.reference';
import { ProcedureFeedback } from './procedure-feedback.entity';
import type { ProcedureFeedbackGiving } from './procedure-feedback';
import { QaReview } from './qa-review.entity';
import type { QaReviewing } from './qa-reviewing';
import { ReviewedCaseKind } from './quality.enums';
import { CalibrationScoreInput, CreateScorecardInput, GiveProcedureFeedbackInput, OpenCalibrationInput, ReviewCaseInput } from './quality.inputs';
import type { ScorecardDesign } from './scorecard-design';
import { Scorecard } from './scorecard.entity';

const REVIEWERS = ['trainer', 'supervisor'] as const;

@ObjectType('QaScoreSpread', { description: 'How far the reviewers of a calibration lie apart on a category, or in total.' })
class QaScoreSpread {
  @Field({ description: 'The category key, or "total".' })
  category: string;

  @Field(() => Float)
  min: number;

  @Field(() => Float)
  max: number;

  @Field(() => Float, { description: 'max − min.' })
  range: number;

  @Field(() => Float)
  standardDeviation: number;
}

@ObjectType('ProcedureRating', { description: 'What agents think of a procedure, in figures.' })
class ProcedureRatingType {
  @Field(() => ID)
  articleId: string;

  @Field(() => Int)
  ratings: number;

  @Field(() => Float, { description: 'The average rating, 1–5 (0 without ratings).' })
  averageRating: number;

  @Field(() => Int)
  comments: number;
}

@Resolver(() => QaReview)
export class QaReviewResolver {
  constructor(
    private readonly scorecards: ScorecardDesign,
    private readonly reviewing: QaReviewing,
  ) {}

  @Authorized(...REVIEWERS)
  @Query(() => [Scorecard], { description: 'QA scorecards, newest first.' })
  qaScorecards(): Promise<Scorecard[]> {
    return this.scorecards.list();
  }

  @Authorized('trainer')
  @Mutation(() => Scorecard, { description: 'Creates a QA scorecard: weighted rubric categories (adding up to 100) and auto-fail items.' })
  createQaScorecard(@Arg('input') input: CreateScorecardInput, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecards.create(input, caller(context));
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => QaReview, { description: 'Scores an agent’s inquiry or complaint against a scorecard (once per case); announced as qa_review.completed.' })
  reviewCase(@Arg('input') input: ReviewCaseInput, @Ctx() context: RequestContext): Promise<QaReview> {
    return this.reviewing.review(input, caller(context));
  }

  @Authorized(...REVIEWERS)
  @Query(() => [QaReview], { description: 'Counted QA reviews of an agent’s work, newest first (at most 100).' })
  qaReviews(@Arg('agentUserId') agentUserId: string): Promise<QaReview[]> {
    return this.reviewing.list({ agentUserId });
  }

  @Authorized()
  @Query(() => [QaReview], { description: 'The QA reviews of the caller’s own work, newest first.' })
  myQaReviews(@Ctx() context: RequestContext): Promise<QaReview[]> {
    return this.reviewing.list({ agentUserId: caller(context).userId });
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reviewer’s words: for the reviewed agent and for reviewers.' })
  comment(@Root() review: QaReview, @Ctx() context: RequestContext): string | null {
    return mayReadReview(review, context.identity) ? review.comment : null;
  }

  @FieldResolver(() => Scorecard, { nullable: true })
  scorecard(@Root() review: QaReview): Promise<Scorecard> {
    return this.scorecards.get(review.scorecardId);
  }

  @FieldResolver(() => InquiryReference, { nullable: true, description: 'The inquiry reviewed (resolved by the inquiry service), when it is one.' })
  inquiry(@Root() review: QaReview): InquiryReference | null {
    return review.caseKind === ReviewedCaseKind.INQUIRY ? { id: review.caseId } : null;
  }

  @FieldResolver(() => ComplaintReference, { nullable: true, description: 'The complaint reviewed (resolved by the complaint service), when it is one.' })
  complaint(@Root() review: QaReview): ComplaintReference | null {
    return review.caseKind === ReviewedCaseKind.COMPLAINT ? { id: review.caseId } : null;
  }
}

function mayReadReview(review: QaReview, identity: Identity | undefined): boolean {
  return identity?.userId === review.agentUserId || hasAnyRole(identity, REVIEWERS);
}

@Resolver(() => CalibrationSession)
export class CalibrationResolver {
  constructor(private readonly calibration: Calibration) {}

  @Authorized(...REVIEWERS)
  @Query(() => CalibrationSession)
  calibrationSession(@Arg('id', () => ID) id: string): Promise<CalibrationSession> {
    return this.calibration.get(id);
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => CalibrationSession, { description: 'Opens a calibration session on one case: reviewers score it, nothing counts toward the agent.' })
  openCalibrationSession(@Arg('input') input: OpenCalibrationInput, @Ctx() context: RequestContext): Promise<CalibrationSession> {
    return this.calibration.open(input, caller(context));
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => QaReview, { description: 'The caller’s score of the calibration’s case (once per reviewer).' })
  scoreCalibrationCase(@Arg('input') input: CalibrationScoreInput, @Ctx() context: RequestContext): Promise<QaReview> {
    return this.calibration.score(input, caller(context));
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => CalibrationSession)
  closeCalibrationSession(@Arg('id', () => ID) id: string): Promise<CalibrationSession> {
    return this.calibration.close(id);
  }

  @FieldResolver(() => [QaReview])
  reviews(@Root() session: CalibrationSession): Promise<QaReview[]> {
    return this.calibration.reviews(session.id);
  }

  @FieldResolver(() => [QaScoreSpread], { description: 'Per category and in total ("total", last): how far the reviewers lie apart.' })
  spread(@Root() session: CalibrationSession): Promise<QaScoreSpread[]> {
    return this.calibration.spread(session);
  }
}

@Resolver(() => ProcedureFeedback)
export class ProcedureFeedbackResolver {
  constructor(private readonly feedback: ProcedureFeedbackGiving) {}

  @Authorized('agent', 'complaint_specialist', 'supervisor', 'trainer', 'after_sales', 'crm_manager')
  @Mutation(() => ProcedureFeedback, { description: 'Rates a procedure (1–5) with an optional comment; analytics receives the rating (procedure_feedback.given).' })
  giveProcedureFeedback(@Arg('input') input: GiveProcedureFeedbackInput, @Ctx() context: RequestContext): Promise<ProcedureFeedback> {
    return this.feedback.give(input, caller(context));
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [ProcedureFeedback], { description: 'Feedback on a procedure, newest first (at most 100).' })
  procedureFeedback(@Arg('articleId', () => ID) articleId: string): Promise<ProcedureFeedback[]> {
    return this.feedback.list(articleId);
  }

  @Authorized('trainer', 'supervisor', 'analyst')
  @Query(() => ProcedureRatingType, { description: 'A procedure’s ratings in figures.' })
  procedureRating(@Arg('articleId', () => ID) articleId: string): Promise<ProcedureRatingType> {
    return this.feedback.rating(articleId);
  }
}
