import { Arg, Authorized, ID, Int, Query, Resolver } from 'type-graphql';
import { Inquiry } from '../inquiry/inquiry.entity';
import { ComplaintProgress } from '../inquiry/inquiry.enums';
import { type EscalationStatus, MAX_ESCALATION_WAIT_SECONDS } from './escalation-status';

@Resolver(() => Inquiry)
export class EscalationStatusResolver {
  constructor(private readonly status: EscalationStatus) {}

  @Authorized('agent', 'complaint_specialist', 'supervisor')
  @Query(() => Inquiry, {
    description: `The inquiry once its escalation has left the given status (e.g. REQUESTED → REGISTERED), or after waitSeconds (at most ${MAX_ESCALATION_WAIT_SECONDS}) with the status unchanged: the agent waits on one request rather than polling. Select escalation { status complaint { … } }.`,
  })
  awaitInquiryEscalation(
    @Arg('inquiryId', () => ID, { description: 'The escalated inquiry.' }) inquiryId: string,
    @Arg('whileStatus', () => ComplaintProgress, { defaultValue: ComplaintProgress.REQUESTED, description: 'Answer as soon as the escalation is no longer in this status.' }) whileStatus: ComplaintProgress,
    @Arg('waitSeconds', () => Int, { defaultValue: MAX_ESCALATION_WAIT_SECONDS, description: `How long to wait at most, 0 to ${MAX_ESCALATION_WAIT_SECONDS} seconds.` })
    waitSeconds: number,
  ): Promise<Inquiry> {
    return this.status.awaitChange(inquiryId, whileStatus, waitSeconds);
  }
}
