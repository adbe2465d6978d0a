import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { Campaign } from './campaign.entity';
import { CampaignStatus } from './campaign.enums';
import { checkValue } from './coupon-value';
import type { CreateCampaignInput, EndCampaignInput, LaunchCampaignInput } from './loyalty.inputs';

/** A campaign is drafted, launched and ended, in that order. */
const NEXT_STATUSES: Record<CampaignStatus, CampaignStatus[]> = {
  [CampaignStatus.DRAFT]: [CampaignStatus.ACTIVE],
  [CampaignStatus.ACTIVE]: [CampaignStatus.ENDED],
  [CampaignStatus.ENDED]: [],
};

/**
 * Reward campaigns (T-2.3): a target segment and the points and/or coupon each customer in it
 * gets; drafted, launched (the campaign-rewards job then grants) and ended.
 */
export class RewardCampaigns {
  constructor(
    private readonly dataSource: DataSource,
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

  private async transition(id: string, from: CampaignStatus, change: (campaign: Campaign) => void): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = isUuid(id) ? await manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!campaign) throw new NotFoundError('Campaign', id);
      if (campaign.status !== from) {
        throw new ConflictError(`The campaign is ${campaign.status}`, { currentStatus: campaign.status, allowedNext: NEXT_STATUSES[campaign.status] });
      }
      change(campaign);
      return manager.save(campaign);
    });
  }
}
