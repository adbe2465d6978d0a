import type { SubgraphRuntime } from '@carebridge/service-kit';
import { AccessLog } from './access-log/access-log';
import type { CrmSettings } from './crm.settings';
import { ContactDetails } from './customer/contact-details';
import { ContactRecords, DocumentRecords } from './customer/contact-records';
import { CustomerProfiles } from './customer/customer-profiles';
import { CustomerQueries } from './customer/customer-queries';
import type { CustomerRecords } from './customer/customer-records';
import { CustomerRegistration } from './customer/customer-registration';
import { CustomerTiers } from './customer/customer-tiers';
import { ProfileUpdate } from './customer/profile-update';
import { TravelDocuments } from './customer/travel-documents';
import { ComplaintFollowUps } from './follow-up/complaint-follow-ups';
import { FollowUpCompletion } from './follow-up/follow-up-completion';
import { FollowUpPlans } from './follow-up/follow-up-plans';
import { FollowUpQueries } from './follow-up/follow-up-queries';
import { FollowUpRecords } from './follow-up/follow-up-records';
import { FollowUpScheduling } from './follow-up/follow-up-scheduling';
import { InteractionHistory } from './interaction/interaction-history';
import { InteractionRecords } from './interaction/interaction-records';
import { CustomerEvents } from './key-account/customer-events';
import { KeyAccountManagement } from './key-account/key-account-management';
import { KeyAccountQueries } from './key-account/key-account-queries';
import { KeyAccountRecords } from './key-account/key-account-records';
import { CampaignQueries } from './loyalty/campaign-queries';
import { CampaignRewards } from './loyalty/campaign-rewards';
import { ComplaintCompensation } from './loyalty/complaint-compensation';
import { CouponIssuing } from './loyalty/coupon-issuing';
import { CouponRedemption } from './loyalty/coupon-redemption';
import { LoyaltyLedger } from './loyalty/loyalty-ledger';
import { LoyaltyQueries } from './loyalty/loyalty-queries';
import { CampaignRecords, CouponRecords, LoyaltyRecords } from './loyalty/loyalty-records';
import { RewardCampaigns } from './loyalty/reward-campaigns';
import { DuplicateDetection } from './merge/duplicate-detection';
import { ProfileMerge } from './merge/profile-merge';
import { CustomerDataExportQueries } from './privacy/customer-data-export-queries';
import { CustomerDataExportRequest } from './privacy/customer-data-export-request';
import { CustomerErasure } from './privacy/customer-erasure';
import { DataExportRecords } from './privacy/data-export-records';
import { ExportPartCollection } from './privacy/export-part-collection';
import { ExportRetention } from './privacy/export-retention';
import { NeedsAnalysis } from './recommendation/needs-analysis';

/** What crm's use cases are built from: the database, the outbox and the clock of the running subgraph. */
export type CrmRuntime = Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>;

/**
 * crm's use cases, wired once, by folder; the subgraph and the integration tests build them the
 * same way.
 */
export function crmDomain({ dataSource, outbox, clock }: CrmRuntime, settings: CrmSettings) {
  const accessLog = new AccessLog(dataSource, clock);
  const interactionHistory = new InteractionHistory(dataSource);

  const profiles = new CustomerProfiles(outbox, clock);
  const tiers = new CustomerTiers(dataSource, profiles, clock);
  const customer = {
    profiles,
    registration: new CustomerRegistration(dataSource, outbox, clock),
    profileUpdate: new ProfileUpdate(dataSource, profiles, clock),
    contactDetails: new ContactDetails(dataSource, profiles, clock),
    travelDocuments: new TravelDocuments(dataSource, profiles, clock),
    tiers,
    queries: new CustomerQueries(dataSource, clock, settings.CRM_VERIFY_AFTER_DAYS),
  };

  const keyAccount = {
    management: new KeyAccountManagement(dataSource, profiles, tiers, clock),
    customerEvents: new CustomerEvents(dataSource, interactionHistory, clock),
    queries: new KeyAccountQueries(dataSource),
  };

  const scheduling = new FollowUpScheduling(dataSource, profiles, interactionHistory, outbox, clock);
  const followUp = {
    scheduling,
    completion: new FollowUpCompletion(dataSource, interactionHistory, outbox, clock),
    plans: new FollowUpPlans(dataSource, profiles, scheduling, clock, settings.CRM_FOLLOW_UP_LEAD_DAYS),
    afterComplaints: new ComplaintFollowUps(scheduling, settings.CRM_COMPLAINT_FOLLOW_UP_DAYS),
    queries: new FollowUpQueries(dataSource, clock),
  };

  const ledger = new LoyaltyLedger(dataSource, profiles, tiers, interactionHistory, outbox, clock, {
    pointsExpiryMonths: settings.CRM_POINTS_EXPIRY_MONTHS,
    tierPoints: settings.CRM_TIER_POINTS,
  });
  const couponIssuing = new CouponIssuing(dataSource, profiles, interactionHistory, outbox, clock);
  const loyalty = {
    ledger,
    couponIssuing,
    couponRedemption: new CouponRedemption(dataSource, interactionHistory, outbox, clock),
    compensation: new ComplaintCompensation(ledger, couponIssuing, settings.CRM_COMPENSATION_COUPON_VALID_DAYS),
    rewardCampaigns: new RewardCampaigns(dataSource, clock),
    campaignRewards: new CampaignRewards(dataSource, ledger, couponIssuing),
    campaignQueries: new CampaignQueries(dataSource),
    queries: new LoyaltyQueries(dataSource),
  };

  // Every part that keeps customer ids: a merge moves, an export reads and an erasure cleans all of
  // them, in this order (the order of the sections in crm's part of an export). Earlier export
  // requests are records about the customer too, and an erasure must delete them.
  const records: readonly CustomerRecords[] = [
    new ContactRecords(),
    new DocumentRecords(),
    new InteractionRecords(),
    new FollowUpRecords(),
    new LoyaltyRecords(clock),
    new CouponRecords(),
    new CampaignRecords(),
    new KeyAccountRecords(),
    new DataExportRecords(),
  ];

  const merge = {
    duplicateDetection: new DuplicateDetection(dataSource),
    profileMerge: new ProfileMerge(dataSource, profiles, records, outbox, clock),
  };

  const privacy = {
    erasure: new CustomerErasure(dataSource, records, outbox, clock),
    exports: {
      request: new CustomerDataExportRequest(dataSource, records, outbox, clock, {
        partsDueMinutes: settings.CRM_EXPORT_PARTS_DUE_MINUTES,
        retentionDays: settings.CRM_EXPORT_RETENTION_DAYS,
      }),
      queries: new CustomerDataExportQueries(dataSource, accessLog),
    },
    exportParts: new ExportPartCollection(dataSource, clock),
    exportRetention: new ExportRetention(dataSource),
  };

  return {
    accessLog,
    customer,
    interaction: { history: interactionHistory },
    keyAccount,
    followUp,
    loyalty,
    merge,
    privacy,
    recommendation: { needsAnalysis: new NeedsAnalysis(dataSource, clock) },
  };
}

export type CrmDomain = ReturnType<typeof crmDomain>;
