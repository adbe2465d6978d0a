import { isUuid } from '@carebridge/domain';
import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Campaign, CampaignGrant } from './campaign.entity';
import { SEGMENT_CONDITION, segmentParameters } from './campaign-segment';

/** Campaigns, how many customers they rewarded, and how many their segment holds now. */
export class CampaignQueries {
  constructor(private readonly dataSource: DataSource) {}

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
}
