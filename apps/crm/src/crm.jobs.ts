import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmDomain } from './crm.domain';
import type { CrmSettings } from './crm.settings';
import { recurringFollowUpsJob } from './follow-up/recurring-follow-ups.job';
import { campaignRewardsJob } from './loyalty/campaign-rewards.job';
import { couponExpiryJob } from './loyalty/coupon-expiry.job';
import { pointsExpiryJob } from './loyalty/points-expiry.job';
import { customerExportDeadlineJob } from './privacy/customer-export-deadline.job';
import { customerExportRetentionJob } from './privacy/customer-export-retention.job';

/** Scheduled work; each job is idempotent and one instance at a time runs it. */
export function crmJobs(domain: CrmDomain, settings: CrmSettings): ScheduledJob[] {
  return [
    recurringFollowUpsJob(domain.followUp.plans, settings),
    pointsExpiryJob(domain.loyalty.ledger, settings),
    couponExpiryJob(domain.loyalty.couponRedemption, settings),
    campaignRewardsJob(domain.loyalty.campaignRewards, settings),
    customerExportDeadlineJob(domain.privacy.exportParts, settings),
    customerExportRetentionJob(domain.privacy.exportRetention, settings),
  ];
}
