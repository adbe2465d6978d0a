import type { Identity } from '@carebridge/auth';
import type { DeadlineMonitor } from '@carebridge/business-calendar';
import { inquiryFirstResponded } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { isLiveChannel } from '../channel/channel.enums';
import { recordHistory } from './inquiry-history';
import { AFTER_FIRST_RESPONSE } from './inquiry-lifecycle';
import { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind } from './inquiry.enums';
import { FIRST_RESPONSE_DEADLINE, overdueInquiry } from './response-deadlines';

/** How many rings a wait took (a call answered at once still rang once). */
export function ringsFor(waitSeconds: number, ringSeconds: number): number {
  return Math.max(1, Math.ceil(waitSeconds / ringSeconds));
}

/** The first response to an inquiry: a call answered, or the first written reply; measured against its target. */
export class FirstResponse {
  constructor(
    private readonly deadlines: DeadlineMonitor,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ringSeconds: number,
  ) {}

  /** Records it in the caller's transaction, on an inquiry that is NEW and locked. */
  async record(manager: EntityManager, inquiry: Inquiry, at: Date, by: Identity): Promise<void> {
    const live = isLiveChannel(inquiry.channel);
    const withinTarget = at <= inquiry.firstResponseDueAt;
    const seconds = Math.max(0, (at.getTime() - inquiry.receivedAt.getTime()) / 1000);
    const status = live ? AFTER_FIRST_RESPONSE.live : AFTER_FIRST_RESPONSE.written;
    await manager.update(Inquiry, { id: inquiry.id }, { status, firstRespondedAt: at, firstRespondedBy: by.userId, replyDueAt: null, nextDueAt: null, updatedAt: this.clock.now() });
    if (!withinTarget) await this.deadlines.record(manager, FIRST_RESPONSE_DEADLINE, overdueInquiry(inquiry, inquiry.firstResponseDueAt), at);
    await this.outbox.publish(manager, inquiryFirstResponded, {
      inquiryId: inquiry.id,
      customerId: inquiry.customerId,
      channel: inquiry.channel,
      respondedBy: by.userId,
      respondedAt: at.toISOString(),
      firstResponseSeconds: seconds,
      withinTarget,
    });
    const detail = live
      ? `Call answered after ${ringsFor(seconds, this.ringSeconds)} ring(s), ${seconds} s${withinTarget ? '' : ' (late)'}`
      : `First reply after ${seconds} s${withinTarget ? '' : ' (late)'}`;
    await recordHistory(manager, inquiry.id, live ? InquiryHistoryKind.ANSWERED : InquiryHistoryKind.FIRST_RESPONDED, detail, by.userId, at);
  }
}
