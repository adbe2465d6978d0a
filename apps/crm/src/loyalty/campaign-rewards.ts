import type { DataSource, EntityManager } from 'typeorm';
import { Campaign } from './campaign.entity';
import { CampaignStatus } from './campaign.enums';
import { SEGMENT_CONDITION, segmentParameters } from './campaign-segment';
import type { CouponIssuing } from './coupon-issuing';
import type { LoyaltyLedger } from './loyalty-ledger';
import { CouponSource, LoyaltyEntryKind, LoyaltySource } from './loyalty.enums';

const DAY_MS = 86_400_000;
/** Customers granted per campaign per run of the job; the next run continues. */
export const GRANT_BATCH = 200;

/** The rewards of active campaigns: every customer of the segment, also one who joins it later, gets it once. */
export class CampaignRewards {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LoyaltyLedger,
    private readonly coupons: CouponIssuing,
  ) {}

  /**
   * The campaign-rewards job: ends campaigns past their end date, and grants each active one's
   * reward to the next customers of its segment. A grant row (campaign, customer) is the business
   * key: a customer is rewarded once however often the job runs.
   */
  async grant(now: Date): Promise<{ granted: number; ended: number }> {
    const [, ended] = await this.dataSource.query(`UPDATE campaign SET status = 'ENDED', version = version + 1 WHERE status = 'ACTIVE' AND ends_at <= $1`, [now]);
    const campaigns = await this.dataSource
      .getRepository(Campaign)
      .createQueryBuilder('campaign')
      .where('campaign.status = :active AND campaign.startsAt <= :now', { active: CampaignStatus.ACTIVE, now })
      .getMany();
    let granted = 0;
    for (const campaign of campaigns) {
      granted += await this.dataSource.transaction(async (manager) => {
        const customerIds = await this.ungranted(manager, campaign, GRANT_BATCH);
        let count = 0;
        for (const customerId of customerIds) {
          const [grant] = await manager.query(
            `INSERT INTO campaign_grant (campaign_id, customer_id, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING customer_id`,
            [campaign.id, customerId, now],
          );
          if (!grant) continue;
          await this.reward(manager, campaign, customerId, now);
          count += 1;
        }
        return count;
      });
    }
    return { granted, ended };
  }

  private async reward(manager: EntityManager, campaign: Campaign, customerId: string, now: Date): Promise<void> {
    const reference = `campaign:${campaign.id}:${customerId}`;
    if (campaign.rewardPoints) {
      await this.ledger.book(manager, {
        customerId,
        kind: LoyaltyEntryKind.EARN,
        points: campaign.rewardPoints,
        reason: `Campaign "${campaign.name}"`,
        idempotencyKey: reference,
        source: LoyaltySource.CAMPAIGN,
        sourceReference: campaign.id,
        recordedBy: campaign.createdBy,
        occurredAt: now,
      });
    }
    if (campaign.rewardCoupon) {
      await this.coupons.issue(manager, {
        customerId,
        valueType: campaign.rewardCoupon.valueType,
        value: campaign.rewardCoupon.value,
        currency: campaign.rewardCoupon.currency,
        validFrom: now,
        validUntil: new Date(now.getTime() + campaign.rewardCoupon.validDays * DAY_MS),
        conditions: campaign.rewardCoupon.conditions,
        source: CouponSource.CAMPAIGN,
        sourceReference: reference,
        issuedBy: campaign.createdBy,
      });
    }
  }

  private async ungranted(manager: EntityManager, campaign: Campaign, limit: number): Promise<string[]> {
    const parameters = segmentParameters(campaign);
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id FROM customer c WHERE ${SEGMENT_CONDITION}
         AND NOT EXISTS (SELECT 1 FROM campaign_grant g WHERE g.campaign_id = $6 AND g.customer_id = c.id)
       ORDER BY c.created_at, c.id LIMIT $7`,
      [...parameters, campaign.id, limit],
    );
    return rows.map((r) => r.id);
  }
}
