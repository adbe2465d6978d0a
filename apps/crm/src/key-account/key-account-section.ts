import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import type { Clock } from '@carebridge/service-kit';
import { CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account.entity';
import type { ServiceTermsAnnouncement } from './service-terms-announcement';

/** Membership of a key account and invitations to customer events, as a section of what crm keeps about a customer. */
export class KeyAccountSection implements CustomerDataSection {
  readonly section = 'keyAccount';

  constructor(
    private readonly announcement: ServiceTermsAnnouncement,
    private readonly clock: Clock,
  ) {}

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    // The survivor keeps its own membership; the duplicate's moves only if the survivor has none.
    const [, members] = await manager.query(
      `UPDATE key_account_member SET customer_id = $2 WHERE customer_id = $1 AND NOT EXISTS (SELECT 1 FROM key_account_member WHERE customer_id = $2)`,
      [fromId, toId],
    );
    await manager.query(`DELETE FROM key_account_member WHERE customer_id = $1`, [fromId]);
    const invitations = await moveCustomerRows(manager, 'customer_event_invitation', fromId, toId, ['event_id']);
    // Inquiry and complaint keep terms per customer: the survivor's are stated again.
    await this.announcement.announceCurrent(manager, toId, this.clock.now());
    return members + invitations;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    const membership = await manager.findOneBy(KeyAccountMember, { customerId });
    const account = membership ? await manager.findOneBy(KeyAccount, { id: membership.keyAccountId }) : null;
    return {
      membership: membership && account ? { keyAccount: account.name, kind: account.kind, position: membership.position, since: membership.addedAt, accountManagerId: account.accountManagerId } : null,
      customerEvents: await manager.query(
        `SELECT e.title, e.starts_at AS "startsAt", e.venue, i.status, i.invited_at AS "invitedAt", i.responded_at AS "respondedAt"
         FROM customer_event_invitation i JOIN customer_event e ON e.id = i.event_id WHERE i.customer_id = $1 ORDER BY e.starts_at`,
        [customerId],
      ),
    };
  }

  /** Membership links a person to a company and invitations to places and times: both go. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(KeyAccountMember, { customerId });
    await manager.delete(CustomerEventInvitation, { customerId });
  }
}
