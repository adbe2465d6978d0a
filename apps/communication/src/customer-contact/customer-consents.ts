import type { EntityManager } from 'typeorm';
import { MessageChannel, MessagePurpose } from '../delivery/delivery.enums';
import { type ConsentChannel, CustomerConsent } from './customer-consent.entity';

/** Without any statement: follow-ups are allowed (crm's default), marketing is not (it needs a yes). */
const DEFAULT_GRANTED: Record<MessagePurpose, boolean> = { [MessagePurpose.SERVICE]: true, [MessagePurpose.FOLLOW_UP]: true, [MessagePurpose.MARKETING]: false };

/**
 * Consent per purpose and channel: service messages always go out; follow-ups and marketing
 * go out as the customer stated, the statement about the channel winning over the one about all
 * channels. A statement older than the one held is ignored.
 */
export class CustomerConsents {
  async state(manager: EntityManager, customerId: string, purpose: MessagePurpose, channel: ConsentChannel, granted: boolean, statedAt: Date, statedBy: string): Promise<void> {
    const held = await manager.find(CustomerConsent, { where: { customerId, purpose, channel }, lock: { mode: 'pessimistic_write' } });
    if (!held.length) {
      await manager.insert(CustomerConsent, { customerId, purpose, channel, granted, statedAt, statedBy });
      return;
    }
    for (const row of held) if (row.statedAt <= statedAt) await manager.update(CustomerConsent, { id: row.id }, { granted, statedAt, statedBy });
  }

  async allows(manager: EntityManager, customerId: string, purpose: MessagePurpose, channel: MessageChannel): Promise<boolean> {
    if (purpose === MessagePurpose.SERVICE) return true;
    const rows = await manager.find(CustomerConsent, { where: [{ customerId, purpose, channel: 'ALL' }, ...(channel === MessageChannel.IN_APP ? [] : [{ customerId, purpose, channel: channel as ConsentChannel }])] });
    const forChannel = rows.filter((r) => r.channel !== 'ALL');
    const applicable = forChannel.length ? forChannel : rows;
    // After a merge a customer may hold several rows: a refusal in any of them wins.
    return applicable.length ? applicable.every((r) => r.granted) : DEFAULT_GRANTED[purpose];
  }

  list(manager: EntityManager, customerId: string): Promise<CustomerConsent[]> {
    return manager.find(CustomerConsent, { where: { customerId }, order: { purpose: 'ASC', channel: 'ASC' } });
  }
}
