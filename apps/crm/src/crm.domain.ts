import type { SubgraphRuntime } from '@carebridge/service-kit';
import { AccessLog } from './access-log/access-log';
import type { CrmSettings } from './crm.settings';
import { ContactDetails } from './customer/contact-details';
import { ContactsSection } from './customer/contacts-section';
import { CustomerProfiles } from './customer/customer-profiles';
import { CustomerQueries } from './customer/customer-queries';
import type { CustomerDataSection } from './customer/customer-data-section';
import { CustomerRegistration } from './customer/customer-registration';
import { CustomerTiers } from './customer/customer-tiers';
import { ProfileUpdate } from './customer/profile-update';
import { TravelDocuments } from './customer/travel-documents';
import { TravelDocumentsSection } from './customer/travel-documents-section';
import { CareFollowUps } from './follow-up/care-follow-ups';
import { ComplaintFollowUps } from './follow-up/complaint-follow-ups';
import { FollowUpCompletion } from './follow-up/follow-up-completion';
import { FollowUpPlans } from './follow-up/follow-up-plans';
import { FollowUpQueries } from './follow-up/follow-up-queries';
import { FollowUpScheduling } from './follow-up/follow-up-scheduling';
import { FollowUpsSection } from './follow-up/follow-ups-section';
import { InteractionHistory } from './interaction/interaction-history';
import { InteractionsSection } from './interaction/interactions-section';
import { CustomerEvents } from './key-account/customer-events';
import { KeyAccountManagement } from './key-account/key-account-management';
import { KeyAccountQueries } from './key-account/key-account-queries';
import { KeyAccountSection } from './key-account/key-account-section';
import { ServiceTermsAnnouncement } from './key-account/service-terms-announcement';
import { CampaignGrantsSection } from './loyalty/campaign-grants-section';
import { CampaignQueries } from './loyalty/campaign-queries';
import { CampaignRewards } from './loyalty/campaign-rewards';
import { ComplaintCompensation } from './loyalty/complaint-compensation';
import { CouponIssuing } from './loyalty/coupon-issuing';
import { CouponRedemption } from './loyalty/coupon-redemption';
import { CouponsSection } from './loyalty/coupons-section';
import { LoyaltyLedger } from './loyalty/loyalty-ledger';
import { LoyaltyQueries } from './loyalty/loyalty-queries';
import { LoyaltySection } from './loyalty/loyalty-section';
import { RewardCampaigns } from './loyalty/reward-campaigns';
import { DuplicateDetection } from './merge/duplicate-detection';
import { ProfileMerge } from './merge/profile-merge';
import { CustomerDataExportQueries } from './privacy/customer-data-export-queries';
import { CustomerDataExportRequest } from './privacy/customer-data-export-request';
import { CustomerErasure } from './privacy/customer-erasure';
import { DataExportsSection } from './privacy/data-exports-section';
import { ExportPartCollection } from './privacy/export-part-collection';
import { ExportRetention } from './privacy/export-retention';
import { NeedsAnalysis } from './recommendation/needs-analysis';
import { CustomerSearch } from './search/customer-search';

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
  const serviceTermsAnnouncement = new ServiceTermsAnnouncement(outbox);
  const tiers = new CustomerTiers(dataSource, profiles, clock);
  const customer = {
    profiles,
    registration: new CustomerRegistration(dataSource, outbox, clock),
    profileUpdate: new ProfileUpdate(dataSource, profiles, clock),
    contactDetails: new ContactDetails(dataSource, profiles, clock),
    travelDocuments: new TravelDocuments(dataSource, profiles, clock),
    tiers,
    queries: new CustomerQueries(dataSource, clock, settings.verifyAfterDays),
  };

  const keyAccount = {
    management: new KeyAccountManagement(dataSource, profiles, tiers, clock, serviceTermsAnnouncement),
    customerEvents: new CustomerEvents(dataSource, interactionHistory, clock),
    queries: new KeyAccountQueries(dataSource),
  };

  const scheduling = new FollowUpScheduling(dataSource, profiles, interactionHistory, outbox, clock);
  const followUp = {
    scheduling,
    completion: new FollowUpCompletion(dataSource, interactionHistory, outbox, clock),
    plans: new FollowUpPlans(dataSource, profiles, scheduling, clock, settings.followUpLeadDays),
    afterComplaints: new ComplaintFollowUps(scheduling, settings.complaintFollowUpDays),
    afterCareContacts: new CareFollowUps(scheduling),
    queries: new FollowUpQueries(dataSource, clock),
  };

  const ledger = new LoyaltyLedger(dataSource, profiles, tiers, interactionHistory, outbox, clock, settings.loyalty);
  const couponIssuing = new CouponIssuing(dataSource, profiles, interactionHistory, outbox, clock);
  const loyalty = {
    ledger,
    couponIssuing,
    couponRedemption: new CouponRedemption(dataSource, interactionHistory, outbox, clock),
    compensation: new ComplaintCompensation(ledger, couponIssuing, settings.compensationCouponValidDays),
    rewardCampaigns: new RewardCampaigns(dataSource, clock),
    campaignRewards: new CampaignRewards(dataSource, ledger, couponIssuing),
    campaignQueries: new CampaignQueries(dataSource, clock, settings.jobIntervalMs),
    queries: new LoyaltyQueries(dataSource),
  };

  // Every section of crm's data that keeps customer ids: a merge moves, an export reads and an
  // erasure cleans all of them, in this order (the order of the sections in crm's part of an
  // export). Earlier export requests are data about the customer too, and an erasure must delete them.
  const sections: readonly CustomerDataSection[] = [
    new ContactsSection(),
    new TravelDocumentsSection(),
    new InteractionsSection(),
    new FollowUpsSection(),
    new LoyaltySection(clock),
    new CouponsSection(),
    new CampaignGrantsSection(),
    new KeyAccountSection(serviceTermsAnnouncement, clock),
    new DataExportsSection(),
  ];

  const merge = {
    duplicateDetection: new DuplicateDetection(dataSource),
    profileMerge: new ProfileMerge(dataSource, profiles, sections, outbox, clock),
  };

  const privacy = {
    erasure: new CustomerErasure(dataSource, sections, outbox, clock),
    exports: {
      request: new CustomerDataExportRequest(dataSource, sections, outbox, clock, settings.dataExports),
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
    search: new CustomerSearch(dataSource),
  };
}

export type CrmDomain = ReturnType<typeof crmDomain>;
