import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import type { Inquiry } from '../inquiry/inquiry.entity';
import { ComplaintProgress } from '../inquiry/inquiry.enums';

/** Below the gateway's SUBGRAPH_TIMEOUT_MS (5 s by default), so a wait ends with an answer, not a timeout. */
export const MAX_ESCALATION_WAIT_SECONDS = 4;
const RECHECK_MS = 200;

/**
 * Waiting for an escalation to move on: the agent who escalated asks once and the answer comes
 * when the complaint service has registered the complaint (or the wait runs out), instead of the
 * client polling. A GraphQL subscription would need subscriptions through @apollo/gateway, which it
 * does not carry; a bounded wait in a plain query works through it. The wait re-reads one row by
 * its key a few times a second, on whichever instance serves the request, so it needs no
 * notification between instances.
 */
export class EscalationStatus {
  constructor(
    private readonly inquiries: InquiryQueries,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async awaitChange(inquiryId: string, whileStatus: ComplaintProgress, waitSeconds: number): Promise<Inquiry> {
    if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > MAX_ESCALATION_WAIT_SECONDS) {
      throw BadUserInputError.field('waitSeconds', 'range', `must be a whole number of seconds from 0 to ${MAX_ESCALATION_WAIT_SECONDS}`);
    }
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const inquiry = await this.inquiries.findById(inquiryId);
      if (!inquiry) throw new NotFoundError('Inquiry', inquiryId);
      const status = inquiry.escalatedAt ? (inquiry.complaintProgress ?? ComplaintProgress.REQUESTED) : null;
      if (status !== whileStatus || Date.now() + RECHECK_MS > deadline) return inquiry;
      await this.sleep(RECHECK_MS);
    }
  }
}
