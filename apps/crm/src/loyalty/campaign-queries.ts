import { isUuid } from '@carebridge/domain';
import { type Clock, type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Campaign, CampaignGrant } from './campaign.entity';
import { CampaignGrantPlan, CampaignStatus } from './campaign.enums';
import { GRANT_BATCH } from './campaign-rewards';
import { SEGMENT_CONDITION, segmentParameters } from './campaign-segment';

/** Campaigns, how many customers they rewarded, how many their segment holds now, and what they will grant when. */
export class CampaignQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobIntervalMs: number,
  ) {}

  findById(id: string): Promise<Campaign | null> {
    return isUuid(id) ? this.dataSource.getRepository(Campaign).findOneBy({ id }) : Promise.resolve(null);
  }

  list(page: PageArgs): Promise<Connection<Campaign>> {
    return paginate(this.dataSource.getRepository(Campaign).createQueryBuilder('campaign'), page);
  }

  grantedCount(campaignId: string): Promise<number> {
    return this.dataSource.getRepository(CampaignGrant).countBy({ campaignId });
  }

  /** How many active customers the segment holds now (granted or not). */
  async segmentSize(campaign: Campaign): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS size FROM customer c WHERE ${SEGMENT_CONDITION}`, segmentParameters(campaign));
    return row.size;
  }

  /**
   * What the campaign grants from now on: its reward to each customer of the segment not rewarded
   * yet, from its start (for a launched campaign the campaign-rewards job's next run), a batch per
   * run, until its end date.
   */
  async grantPlan(campaign: Campaign): Promise<CampaignGrantPlan> {
    const now = this.clock.now();
    const parameters = segmentParameters(campaign);
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS size FROM customer c WHERE ${SEGMENT_CONDITION}
         AND NOT EXISTS (SELECT 1 FROM campaign_grant g WHERE g.campaign_id = $${parameters.length + 1} AND g.customer_id = c.id)`,
      [...parameters, campaign.id],
    );
    const customersToReward: number = row.size;
    const ended = campaign.status === CampaignStatus.ENDED || campaign.endsAt <= now;
    const from = campaign.startsAt > now ? campaign.startsAt : now;
    const firstGrantsAt = ended || campaign.status === CampaignStatus.DRAFT ? null : new Date(from.getTime() + this.jobIntervalMs);
    const runs = Math.ceil(customersToReward / GRANT_BATCH);
    return {
      customersToReward,
      pointsEach: campaign.rewardPoints,
      totalPoints: campaign.rewardPoints === null ? null : campaign.rewardPoints * customersToReward,
      coupon: campaign.rewardCoupon,
      firstGrantsAt,
      allRewardedBy: firstGrantsAt && runs ? new Date(firstGrantsAt.getTime() + (runs - 1) * this.jobIntervalMs) : firstGrantsAt,
      grantsUntil: campaign.endsAt,
    };
  }
}
