import { type EventData, followUpSurveySent, type tripCompleted } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import type { ContactRules } from './contact-rules';
import { FollowUpSurvey } from './follow-up-survey.entity';
import { COMPONENT_OF_SEGMENT, FollowUpSkipReason, FollowUpSurveyStatus, SurveyComponent } from './follow-up.enums';
import type { FollowUpSettings } from './follow-up.settings';

const BATCH = 100;
const DAY_MS = 86_400_000;

/** What the sending job did in one run. */
export interface SurveyRun {
  sent: number;
  reminded: number;
  skipped: number;
  expired: number;
}

/**
 * Post-trip follow-up (T-4.1): a survey is scheduled when a trip ends (trip.completed), due
 * `delayHours` after the return; when due it is sent unless the customer withdrew consent or was
 * contacted within `contactPauseDays`; one reminder follows after `reminderAfterDays`; an unanswered
 * link expires after `linkTtlDays`. Sending means recording it and publishing followup_survey.sent:
 * the communication service delivers it.
 */
export class FollowUpScheduling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly rules: ContactRules,
    private readonly settings: FollowUpSettings,
  ) {}

  /** Schedules the follow-up of a completed trip, once per trip. */
  async scheduleForTrip(data: EventData<typeof tripCompleted>, manager: EntityManager): Promise<FollowUpSurvey | null> {
    const existing = await manager.findOneBy(FollowUpSurvey, { tripId: data.tripId });
    if (existing) return existing;
    const standing = await this.customers.standing(manager, data.customerId);
    if (standing.state !== 'KNOWN') return null;
    const endedAt = new Date(data.endsAt);
    const now = this.clock.now();
    const components = [...new Set(data.components.map((kind) => COMPONENT_OF_SEGMENT[kind]))].sort(
      (a, b) => Object.values(SurveyComponent).indexOf(a) - Object.values(SurveyComponent).indexOf(b),
    );
    const survey = manager.create(FollowUpSurvey, {
      tripId: data.tripId,
      customerId: standing.id,
      bookingReference: data.bookingReference || null,
      components,
      tripEndedAt: endedAt,
      status: FollowUpSurveyStatus.SCHEDULED,
      skipReason: null,
      dueAt: new Date(endedAt.getTime() + this.settings.delayHours * 3_600_000),
      ratings: [],
      createdAt: now,
      updatedAt: now,
    });
    return manager.save(survey);
  }

  /** Sends due surveys and reminders and expires old links, a batch per transaction. */
  async run(now = this.clock.now()): Promise<SurveyRun> {
    const result: SurveyRun = { sent: 0, reminded: 0, skipped: 0, expired: 0 };
    await this.batches((manager) => this.sendDue(manager, now, result));
    await this.batches((manager) => this.remindDue(manager, now, result));
    const expired = await this.dataSource.query(
      `UPDATE follow_up_survey SET status = 'EXPIRED', updated_at = $1, version = version + 1 WHERE status = 'SENT' AND link_expires_at <= $1`,
      [now],
    );
    result.expired = Array.isArray(expired) ? Number(expired[1] ?? 0) : 0;
    return result;
  }

  private async batches(step: (manager: EntityManager) => Promise<number>): Promise<void> {
    for (;;) {
      const done = await this.dataSource.transaction(step);
      if (done < BATCH) return;
    }
  }

  private async sendDue(manager: EntityManager, now: Date, result: SurveyRun): Promise<number> {
    const due = await manager.find(FollowUpSurvey, {
      where: { status: FollowUpSurveyStatus.SCHEDULED, dueAt: LessThanOrEqual(now) },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: BATCH,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    for (const survey of due) {
      const skip = await this.skipReason(manager, survey, now);
      if (skip) {
        Object.assign(survey, { status: FollowUpSurveyStatus.SKIPPED, skipReason: skip, updatedAt: now });
        await manager.save(survey);
        result.skipped += 1;
        continue;
      }
      // Whole seconds: the link's token carries the expiry in seconds.
      const expiresAt = new Date(Math.floor((now.getTime() + this.settings.linkTtlDays * DAY_MS) / 1000) * 1000);
      const reminderDueAt = this.settings.reminderAfterDays > 0 ? new Date(now.getTime() + this.settings.reminderAfterDays * DAY_MS) : null;
      Object.assign(survey, {
        status: FollowUpSurveyStatus.SENT,
        sentAt: now,
        linkExpiresAt: expiresAt,
        reminderDueAt: reminderDueAt && reminderDueAt < expiresAt ? reminderDueAt : null,
        updatedAt: now,
      });
      const saved = await manager.save(survey);
      await this.announce(manager, saved, false, now);
      result.sent += 1;
    }
    return due.length;
  }

  private async remindDue(manager: EntityManager, now: Date, result: SurveyRun): Promise<number> {
    const due = await manager.find(FollowUpSurvey, {
      where: { status: FollowUpSurveyStatus.SENT, remindedAt: IsNull(), reminderDueAt: LessThanOrEqual(now), anonymisedAt: IsNull() },
      order: { reminderDueAt: 'ASC', id: 'ASC' },
      take: BATCH,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    for (const survey of due) {
      // A customer who withdrew consent since the survey went out gets no reminder.
      if (!(await this.rules.consents(manager, survey.customerId)) || (survey.linkExpiresAt && survey.linkExpiresAt <= now)) {
        Object.assign(survey, { reminderDueAt: null, updatedAt: now });
        await manager.save(survey);
        continue;
      }
      Object.assign(survey, { remindedAt: now, updatedAt: now });
      const saved = await manager.save(survey);
      await this.announce(manager, saved, true, now);
      result.reminded += 1;
    }
    return due.length;
  }

  private async skipReason(manager: EntityManager, survey: FollowUpSurvey, now: Date): Promise<FollowUpSkipReason | null> {
    if (survey.anonymisedAt) return FollowUpSkipReason.CUSTOMER_ERASED;
    const standing = await this.customers.standing(manager, survey.customerId);
    if (standing.state === 'ERASED') return FollowUpSkipReason.CUSTOMER_ERASED;
    if (!(await this.rules.consents(manager, survey.customerId))) return FollowUpSkipReason.NO_CONSENT;
    const last = await this.rules.lastContactedAt(manager, survey.customerId, survey.id);
    if (last && now.getTime() - last.getTime() < this.settings.contactPauseDays * DAY_MS) return FollowUpSkipReason.RECENTLY_CONTACTED;
    return null;
  }

  private async announce(manager: EntityManager, survey: FollowUpSurvey, reminder: boolean, now: Date): Promise<void> {
    await this.outbox.publish(manager, followUpSurveySent, {
      surveyId: survey.id,
      tripId: survey.tripId,
      customerId: survey.customerId,
      components: survey.components,
      reminder,
      sentAt: now.toISOString(),
      linkExpiresAt: (survey.linkExpiresAt as Date).toISOString(),
    });
  }
}
