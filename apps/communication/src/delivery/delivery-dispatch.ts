import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import { type MessageSender, SendFailure } from '../channel/channel';
import type { DeliveryEvents } from './delivery-events';
import { Delivery } from './delivery.entity';
import { DeliveryStatus, type MessageChannel, type ThreadKind } from './delivery.enums';

export interface DispatchOptions {
  maxAttempts: number;
  retryBaseMs: number;
  batchSize?: number;
  /** E-mail: the Reply-To address that threads an answer onto its case. */
  replyAddress(kind: ThreadKind, caseId: string): string;
}

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the queued deliveries that are due, each in a transaction of its own that holds its row:
 * SENT with notification.sent, or back in the queue with a doubled wait, or FAILED with
 * notification.failed after the last attempt or a refusal no retry can change. Should the process
 * die between the channel's acceptance and the commit, the message goes out once more: the
 * channel's boundary is at least once, everything on this side exactly once.
 */
export class DeliveryDispatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly senders: Partial<Record<MessageChannel, MessageSender>>,
    private readonly events: DeliveryEvents,
    private readonly clock: Clock,
    private readonly options: DispatchOptions,
  ) {}

  async dispatchDue(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
    const now = this.clock.now();
    const due = await this.dataSource.getRepository(Delivery).find({
      select: { id: true },
      where: { status: DeliveryStatus.QUEUED },
      order: { nextAttemptAt: 'ASC' },
      take: this.options.batchSize ?? 50,
    });
    for (const { id } of due) {
      const outcome = await this.dataSource.transaction((manager) => this.attempt(manager, id, now));
      if (outcome) result[outcome]++;
    }
    return result;
  }

  private async attempt(manager: EntityManager, id: string, now: Date): Promise<keyof DispatchResult | null> {
    const [delivery] = await manager
      .createQueryBuilder(Delivery, 'd')
      .where('d.id = :id AND d.status = :queued AND d.next_attempt_at <= :now', { id, queued: DeliveryStatus.QUEUED, now })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (!delivery) return null;
    const sender = this.senders[delivery.channel];
    delivery.attempts += 1;
    try {
      if (!sender) throw new SendFailure(`no ${delivery.channel} channel configured`, true);
      const receipt = await sender.send({
        deliveryId: delivery.id,
        to: delivery.address as string,
        subject: delivery.subject,
        text: delivery.body,
        ...(delivery.threadKind && delivery.threadId
          ? { replyTo: this.options.replyAddress(delivery.threadKind, delivery.threadId), references: await this.earlierMessageIds(manager, delivery) }
          : {}),
      });
      Object.assign(delivery, { status: DeliveryStatus.SENT, sentAt: now, providerMessageId: receipt.providerMessageId, nextAttemptAt: null, lastError: null });
      await manager.save(delivery);
      await this.events.sent(manager, delivery, now);
      return 'sent';
    } catch (error) {
      const failure = error instanceof SendFailure ? error : new SendFailure('unexpected error', false);
      if (failure.permanent || delivery.attempts >= this.options.maxAttempts) {
        Object.assign(delivery, { status: DeliveryStatus.FAILED, lastError: failure.reason, nextAttemptAt: null, settledAt: now });
        await manager.save(delivery);
        await this.events.failed(manager, delivery, failure.reason, now);
        return 'failed';
      }
      const wait = this.options.retryBaseMs * 2 ** (delivery.attempts - 1);
      Object.assign(delivery, { lastError: failure.reason, nextAttemptAt: new Date(now.getTime() + wait) });
      await manager.save(delivery);
      return 'retried';
    }
  }

  /** The Message-IDs of the case's earlier mails, oldest first: the answer's mail client threads them. */
  private async earlierMessageIds(manager: EntityManager, delivery: Delivery): Promise<string[]> {
    const earlier = await manager.find(Delivery, {
      select: { providerMessageId: true },
      where: { threadId: delivery.threadId as string, channel: delivery.channel, id: Not(delivery.id), status: In([DeliveryStatus.SENT, DeliveryStatus.DELIVERED]) },
      order: { sentAt: 'ASC' },
      take: 10,
    });
    return earlier.map((d) => d.providerMessageId).filter((m): m is string => Boolean(m));
  }
}
