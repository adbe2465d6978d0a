import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ensureNotInFuture } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { InquiryChannel } from '../channel/channel.enums';
import type { ResponsePolicies } from '../response-policy/response-policies';
import type { InquiryIntake } from './inquiry-intake';
import { recordHistory } from './inquiry-history';
import { reloadInquiry } from './inquiry-lock';
import { Inquiry } from './inquiry.entity';
import { InquiryCategory, InquiryHistoryKind, InquiryPriority, InquiryStatus } from './inquiry.enums';
import type { ReportCallInput } from './inquiry.inputs';

/**
 * Ring times from the telephony system: it reports a call by its id when it starts
 * ringing and again when an agent answers. The first report of a call no agent recorded yet opens
 * its inquiry (category OTHER until the agent corrects it); while the call is unanswered a report
 * replaces the ring time typed by hand, and the answer it reports is the call's first response,
 * taken by the agent who answered. Once answered, a report changes nothing: repeated reports of
 * one call are harmless.
 */
export class TelephonyCalls {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: InquiryIntake,
    private readonly policies: ResponsePolicies,
    private readonly clock: Clock,
  ) {}

  async report(input: ReportCallInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    ensureNotInFuture(input.ringStartedAt, now, 'input.ringStartedAt');
    const answeredAt = input.answeredAt ?? null;
    if (answeredAt) {
      ensureNotInFuture(answeredAt, now, 'input.answeredAt');
      if (answeredAt < input.ringStartedAt) throw BadUserInputError.field('input.answeredAt', 'order', 'must not be before input.ringStartedAt');
      if (!input.answeredBy?.trim()) throw BadUserInputError.field('input.answeredBy', 'required', 'must name the agent who answered the call');
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Inquiry, { where: { callId: input.callId }, lock: { mode: 'pessimistic_write' } });
      const inquiry = existing ?? (await this.opened(manager, input, by));
      if (inquiry.status !== InquiryStatus.NEW) return inquiry;
      if (existing && existing.receivedAt.getTime() !== input.ringStartedAt.getTime()) await this.correctRingStart(manager, existing, input.ringStartedAt, by, now);
      if (answeredAt) {
        const ringing = await reloadInquiry(manager, inquiry.id);
        await this.intake.answered(manager, ringing, answeredAt, { userId: input.answeredBy!.trim(), roles: ['agent'] });
      }
      return reloadInquiry(manager, inquiry.id);
    });
  }

  private async opened(manager: EntityManager, input: ReportCallInput, by: Identity): Promise<Inquiry> {
    if (!input.callerNumber) throw BadUserInputError.field('input.callerNumber', 'required', 'must be given for a call no agent recorded yet');
    return this.intake.receive(
      {
        channel: InquiryChannel.PHONE,
        category: InquiryCategory.OTHER,
        subject: 'Phone call',
        contact: { phone: input.callerNumber },
        call: { ringStartedAt: input.ringStartedAt, callId: input.callId },
        priority: InquiryPriority.NORMAL,
        tags: [],
      },
      by,
      manager,
    );
  }

  private async correctRingStart(manager: EntityManager, inquiry: Inquiry, ringStartedAt: Date, by: Identity, now: Date): Promise<void> {
    const firstResponseDueAt = await this.policies.firstResponseDue(manager, inquiry.channel, ringStartedAt, inquiry.customerId);
    await manager.update(Inquiry, { id: inquiry.id }, {
      receivedAt: ringStartedAt,
      firstResponseDueAt,
      nextDueAt: firstResponseDueAt,
      atRiskAt: this.policies.atRiskAt(ringStartedAt, firstResponseDueAt),
      updatedAt: now,
    });
    const detail = `Ringing since ${ringStartedAt.toISOString()} as the telephony system reports (was ${inquiry.receivedAt.toISOString()})`;
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.RING_TIMES_REPORTED, detail, by.userId, now);
  }
}
