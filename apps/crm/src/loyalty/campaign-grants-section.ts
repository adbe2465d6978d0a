import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';

/** Campaign grants: that a customer got a campaign's reward (once: a merge keeps one grant per campaign). */
export class CampaignGrantsSection implements CustomerDataSection {
  readonly section = 'campaigns';

  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    return moveCustomerRows(manager, 'campaign_grant', fromId, toId, ['campaign_id']);
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.query(
      `SELECT c.name AS campaign, g.granted_at AS "grantedAt" FROM campaign_grant g JOIN campaign c ON c.id = g.campaign_id WHERE g.customer_id = $1 ORDER BY g.granted_at`,
      [customerId],
    );
  }

  /** A grant says only that an anonymous customer got a campaign's reward: kept for the campaign's figures. */
  async erase(): Promise<void> {
    return undefined;
  }
}
