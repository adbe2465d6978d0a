import { followUpSurveyAnswered } from '@carebridge/event-contracts';
import { BadUserInputError, ConflictError, NotFoundError } from '@carebridge/domain';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { FollowUpTimeline } from './follow-up-timeline';
import { FollowUpSurvey } from './follow-up-survey.entity';
import { type ComponentRating, FollowUpSurveyStatus, npsCategory } from './follow-up.enums';
import type { AnswerFollowUpSurveyInput } from './follow-up.inputs';
import type { FollowUpSettings } from './follow-up.settings';
import type { SurveyLinks } from './survey-links';

/** What a dissatisfied answer hands to service recovery (the inner loop). */
export interface DissatisfiedAnswer {
  surveyId: string;
  tripId: string;
  customerId: string;
  bookingReference: string | null;
  tripEndedAt: Date;
  nps: number;
  ratings: ComponentRating[];
  npsReason: string | null;
  comment: string | null;
  at: Date;
}

/** The part of service recovery a survey answer needs; the domain passes the implementation in. */
export interface RecoveryOpener {
  openFromSurvey(manager: EntityManager, answer: DissatisfiedAnswer, reasons: { detractor: boolean; lowComponents: ComponentRating['component'][] }): Promise<{ id: string }>;
}

/** What the customer's app gets back: no personal data, nothing of the graph beyond the survey. */
export interface SurveyReceipt {
  surveyId: string;
  answeredAt: Date;
  followUpPlanned: boolean;
}

/**
 * Answering a post-trip survey through its signed link (T-4.1), by the customer, without a staff
 * token. A forged, expired or used link is refused with BAD_USER_INPUT on input.token (rule
 * `signature`, `expired` or `used`) and records nothing. The answer publishes
 * followup_survey.answered (figures only), goes on the customer's timeline, and a detractor score
 * or a poorly rated component opens a service-recovery task.
 */
export class SurveyAnswering {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly links: SurveyLinks,
    private readonly timeline: FollowUpTimeline,
    private readonly recovery: RecoveryOpener,
    private readonly settings: Pick<FollowUpSettings, 'detractorMaxNps' | 'lowRatingMax'>,
  ) {}

  /** The signed link of a sent survey, for the communication service (or staff re-sending it). */
  async linkOf(surveyId: string): Promise<{ surveyId: string; token: string; expiresAt: Date }> {
    const survey = await this.dataSource.getRepository(FollowUpSurvey).findOneBy({ id: surveyId });
    if (!survey) throw new NotFoundError('FollowUpSurvey', surveyId);
    if (survey.status !== FollowUpSurveyStatus.SENT || !survey.linkExpiresAt) {
      throw new ConflictError(`Survey "${surveyId}" has no open link: it is ${survey.status}`, { currentStatus: survey.status });
    }
    return { surveyId, token: this.links.sign(survey.id, survey.linkExpiresAt), expiresAt: survey.linkExpiresAt };
  }

  async answer(input: AnswerFollowUpSurveyInput): Promise<SurveyReceipt> {
    const now = this.clock.now();
    const { surveyId } = this.links.verify(input.token, now);
    return this.dataSource.transaction(async (manager) => {
      const survey = await manager.findOne(FollowUpSurvey, { where: { id: surveyId }, lock: { mode: 'pessimistic_write' } });
      if (!survey) throw BadUserInputError.field('input.token', 'signature', 'is not a valid survey link: no such survey');
      if (survey.status === FollowUpSurveyStatus.ANSWERED || survey.anonymisedAt) {
        throw BadUserInputError.field('input.token', 'used', 'this survey link was already used: a survey takes one answer');
      }
      if (survey.status === FollowUpSurveyStatus.EXPIRED || (survey.linkExpiresAt && survey.linkExpiresAt <= now)) {
        throw BadUserInputError.field('input.token', 'expired', 'the survey link expired');
      }
      if (survey.status !== FollowUpSurveyStatus.SENT) throw BadUserInputError.field('input.token', 'signature', 'is not a valid survey link: the survey was not sent');
      const ratings = this.checkRatings(survey, input.ratings ?? []);

      Object.assign(survey, {
        status: FollowUpSurveyStatus.ANSWERED,
        answeredAt: now,
        nps: input.nps,
        npsReason: input.npsReason?.trim() || null,
        ratings,
        comment: input.comment?.trim() || null,
        reminderDueAt: survey.remindedAt ? survey.reminderDueAt : null,
        updatedAt: now,
      });
      const saved = await manager.save(survey);

      const detractor = input.nps <= this.settings.detractorMaxNps;
      const lowComponents = ratings.filter((r) => r.score <= this.settings.lowRatingMax).map((r) => r.component);
      let opened = false;
      if (detractor || lowComponents.length) {
        await this.recovery.openFromSurvey(
          manager,
          {
            surveyId: saved.id,
            tripId: saved.tripId,
            customerId: saved.customerId,
            bookingReference: saved.bookingReference,
            tripEndedAt: saved.tripEndedAt,
            nps: input.nps,
            ratings,
            npsReason: saved.npsReason,
            comment: saved.comment,
            at: now,
          },
          { detractor, lowComponents },
        );
        opened = true;
      }
      const category = npsCategory(input.nps);
      const eventId = await this.outbox.publish(manager, followUpSurveyAnswered, {
        surveyId: saved.id,
        tripId: saved.tripId,
        customerId: saved.customerId,
        nps: input.nps,
        npsCategory: category,
        ratings,
        answeredAt: now.toISOString(),
        serviceRecoveryOpened: opened,
      });
      const scores = ratings.map((r) => `${r.component} ${r.score}/5`).join(', ');
      await this.timeline.record(manager, {
        entryId: eventId,
        customerId: saved.customerId,
        kind: 'SURVEY',
        summary: `Post-trip survey answered${saved.bookingReference ? ` for trip ${saved.bookingReference}` : ''}: NPS ${input.nps} (${category.toLowerCase()})${scores ? `; ${scores}` : ''}`,
        referenceId: saved.id,
        referenceNumber: saved.bookingReference,
        category,
        occurredAt: now,
      });
      return { surveyId: saved.id, answeredAt: now, followUpPlanned: opened };
    });
  }

  /** One score per component the trip had, each 1–5. */
  private checkRatings(survey: FollowUpSurvey, ratings: ComponentRating[]): ComponentRating[] {
    const seen = new Set<string>();
    ratings.forEach((rating, index) => {
      const field = `input.ratings.${index}.component`;
      if (!survey.components.includes(rating.component)) {
        throw BadUserInputError.field(field, 'trip-component', `this trip had no ${rating.component}; it can rate ${survey.components.join(', ') || 'nothing'}`);
      }
      if (seen.has(rating.component)) throw BadUserInputError.field(field, 'unique', `${rating.component} is rated twice`);
      seen.add(rating.component);
    });
    return survey.components.flatMap((component) => ratings.filter((r) => r.component === component).map((r) => ({ component, score: r.score })));
  }
}
