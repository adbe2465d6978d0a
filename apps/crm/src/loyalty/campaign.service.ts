import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../customer/customer.service';
import type { CustomerRecords } from '../shared/customer-records';
import { Campaign, CampaignGrant, CampaignStatus } from './campaign.entity';
import type { CouponService } from './coupon.service';
import { checkValue } from './coupon.service';
import type { CreateCampaignInput, EndCampaignInput, LaunchCampaignInput } from './loyalty.inputs';
import { CouponSource, LoyaltyEntryKind, LoyaltySource } from './loyalty.entity';
import type { LoyaltyService } from './loyalty.service';

const DAY_MS = 86_400_000;
/** Customers granted per campaign per run of the job; the next run continues. */
const GRANT_BATCH = 200;

/**
 * Reward campaigns (T-2.3): a target segment and the points and/or coupon each customer in it
 * gets. While a campaign is ACTIVE, the campaign-rewards job grants the reward to every customer
 * of the segment — also to those who join it later — once per customer.
 */
export class CampaignService implements CustomerRecords {
  readonly section = 'campaigns';

  constructor(
    private readonly dataSource: DataSource,
    private readonly loyalty: LoyaltyService,
    private readonly coupons: CouponService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateCampaignInput, by: Identity): Promise<Campaign> {
    if (input.rewardPoints == null && !input.rewardCoupon) throw BadUserInputError.field('input.rewardPoints', 'reward', 'or rewardCoupon must be given: a campaign grants something');
    if (input.rewardCoupon) checkValue(input.rewardCoupon.valueType, input.rewardCoupon.value, input.rewardCoupon.currency ?? null, 'input.rewardCoupon');
    if (input.endsAt <= input.startsAt) throw BadUserInputError.field('input.endsAt', 'after-start', 'must be after startsAt');
    return this.dataSource.getRepository(Campaign).save({
      name: input.name.trim(),
      description: input.description?.trim() || null,
      status: CampaignStatus.DRAFT,
      segment: {
        tiers: input.segment.tiers ?? [],
        tags: (input.segment.tags ?? []).map((t) => t.trim().toLowerCase()),
        destinations: (input.segment.destinations ?? []).map((d) => d.trim()),
        keyAccountIds: input.segment.keyAccountIds ?? [],
        requireMarketingConsent: input.segment.requireMarketingConsent ?? true,
      },
      rewardPoints: input.rewardPoints ?? null,
      rewardCoupon: input.rewardCoupon
        ? {
            valueType: input.rewardCoupon.valueType,
            value: input.rewardCoupon.value,
            currency: input.rewardCoupon.currency ?? null,
            validDays: input.rewardCoupon.validDays,
            conditions: input.rewardCoupon.conditions?.trim() || null,
          }
        : null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: by.userId,
      createdAt: this.clock.now(),
      launchedAt: null,
    });
  }

  launch(input: LaunchCampaignInput): Promise<Campaign> {
    return this.transition(input.campaignId, CampaignStatus.DRAFT, (campaign) => {
      if (campaign.endsAt <= this.clock.now()) throw BadUserInputError.field('input.campaignId', 'ended', 'names a campaign whose end date has passed');
      campaign.status = CampaignStatus.ACTIVE;
      campaign.launchedAt = this.clock.now();
    });
  }

  end(input: EndCampaignInput): Promise<Campaign> {
    return this.transition(input.campaignId, CampaignStatus.ACTIVE, (campaign) => {
      campaign.status = CampaignStatus.ENDED;
    });
  }

  /**
   * The campaign-rewards job: ends campaigns past their end date, and grants each active one's
   * reward to the next customers of its segment. A grant row (campaign, customer) is the business
   * key: a customer is rewarded once however often the job runs.
   */
  async grantRewards(now: Date): Promise<{ granted: number; ended: number }> {
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

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `DELETE FROM campaign_grant d WHERE d.customer_id = $1 AND EXISTS (SELECT 1 FROM campaign_grant s WHERE s.customer_id = $2 AND s.campaign_id = d.campaign_id)`,
      [fromId, toId],
    );
    const [, moved] = await manager.query(`UPDATE campaign_grant SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
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

  private async reward(manager: EntityManager, campaign: Campaign, customerId: string, now: Date): Promise<void> {
    const reference = `campaign:${campaign.id}:${customerId}`;
    if (campaign.rewardPoints) {
      await this.loyalty.book(manager, {
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

  private async transition(id: string, from: CampaignStatus, change: (campaign: Campaign) => void): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = isUuid(id) ? await manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!campaign) throw new NotFoundError('Campaign', id);
      if (campaign.status !== from) {
        const allowedNext = campaign.status === CampaignStatus.DRAFT ? ['ACTIVE'] : campaign.status === CampaignStatus.ACTIVE ? ['ENDED'] : [];
        throw new ConflictError(`The campaign is ${campaign.status}`, { currentStatus: campaign.status, allowedNext });
      }
      change(campaign);
      return manager.save(campaign);
    });
  }
}

/** Active customers matching a segment; $1 tiers, $2 tags, $3 destinations (lower case), $4 key accounts, $5 marketing consent required. */
const SEGMENT_CONDITION = `c.status = 'ACTIVE'
  AND (cardinality($1::customer_tier[]) = 0 OR c.tier = ANY ($1::customer_tier[]))
  AND (cardinality($2::text[]) = 0 OR c.tags && $2::text[])
  AND (cardinality($3::text[]) = 0 OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(COALESCE(c.travel_preferences -> 'destinations', '[]')) AS d WHERE lower(d) = ANY ($3::text[])))
  AND (cardinality($4::uuid[]) = 0 OR EXISTS (SELECT 1 FROM key_account_member m WHERE m.customer_id = c.id AND m.key_account_id = ANY ($4::uuid[])))
  AND (NOT $5::boolean OR c.marketing_consent)`;

function segmentParameters(campaign: Campaign): unknown[] {
  const segment = campaign.segment;
  return [segment.tiers, segment.tags, segment.destinations.map((d) => d.toLowerCase()), segment.keyAccountIds, segment.requireMarketingConsent];
}
