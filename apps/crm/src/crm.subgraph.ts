import {
  complaintAssigned,
  complaintClosed,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  inquiryClosed,
  inquiryEscalated,
  inquiryReceived,
  orderChangeCompleted,
  orderChangeRequested,
} from '@carebridge/event-contracts';
import { type EventHandler, onEvent, type Outbox } from '@carebridge/messaging';
import { type Clock, defineSubgraph, type ReferenceResolvers, type ScheduledJob } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerRecords } from './shared/customer-records';
import { type CrmSettings, crmSettings } from './crm.settings';
import { ContactRecords, DocumentRecords } from './customer/contact-records';
import { CustomerContact } from './customer/customer-contact.entity';
import { Customer } from './customer/customer.entity';
import { CustomerContactResolver, CustomerResolver, TravelDocumentResolver } from './customer/customer.resolver';
import { CustomerService } from './customer/customer.service';
import { TravelDocument } from './customer/travel-document.entity';
import { FollowUp, FollowUpPlan } from './follow-up/follow-up.entity';
import { CustomerFollowUpsResolver, FollowUpResolver } from './follow-up/follow-up.resolver';
import { FollowUpService } from './follow-up/follow-up.service';
import { Interaction } from './interaction/interaction.entity';
import { CustomerInteractionsResolver } from './interaction/interaction.resolver';
import { InteractionService } from './interaction/interaction.service';
import { CustomerEvent, CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account/key-account.entity';
import {
  CustomerEventInvitationResolver,
  CustomerEventResolver,
  CustomerKeyAccountResolver,
  KeyAccountMemberResolver,
  KeyAccountResolver,
} from './key-account/key-account.resolver';
import { KeyAccountService } from './key-account/key-account.service';
import { Campaign, CampaignGrant } from './loyalty/campaign.entity';
import { CampaignService } from './loyalty/campaign.service';
import { CouponService } from './loyalty/coupon.service';
import { Coupon, LoyaltyAccount, LoyaltyEntry } from './loyalty/loyalty.entity';
import { CampaignResolver, CustomerLoyaltyResolver, LoyaltyResolver } from './loyalty/loyalty.resolver';
import { LoyaltyService } from './loyalty/loyalty.service';
import { CustomerMerge } from './merge/customer-merge.entity';
import { CustomerMergeResolver } from './merge/merge.resolver';
import { CustomerMergeService } from './merge/merge.service';
import { CreateCustomer1763800000000 } from './migrations/1763800000000-CreateCustomer';
import { CreateInteraction1763800000001 } from './migrations/1763800000001-CreateInteraction';
import { EvolveCustomerProfile1763900000000 } from './migrations/1763900000000-EvolveCustomerProfile';
import { ExtendInteraction1763900000001 } from './migrations/1763900000001-ExtendInteraction';
import { CreateFollowUp1763900000002 } from './migrations/1763900000002-CreateFollowUp';
import { CreateKeyAccount1763900000003 } from './migrations/1763900000003-CreateKeyAccount';
import { CreateLoyalty1763900000004 } from './migrations/1763900000004-CreateLoyalty';
import { CreatePrivacy1763900000005 } from './migrations/1763900000005-CreatePrivacy';
import { CreateCustomerDataExport1764300000000 } from './migrations/1764300000000-CreateCustomerDataExport';
import { AccessLog } from './privacy/access-log';
import { PersonalDataAccess } from './privacy/personal-data-access.entity';
import { CustomerDataExport, EXPORT_CONTRIBUTOR_SECTIONS, EXPORT_CONTRIBUTORS } from './privacy/customer-data-export.entity';
import { CustomerDataExportService } from './privacy/customer-data-export.service';
import { CustomerDataExportResolver, PrivacyResolver } from './privacy/privacy.resolver';
import { PrivacyService } from './privacy/privacy.service';
import { CustomerRecommendationsResolver } from './recommendation/recommendation.resolver';
import { RecommendationService } from './recommendation/recommendation.service';

/** crm's domain services, wired once; the subgraph and the integration tests build them the same way. */
export function createCrmServices(dataSource: DataSource, outbox: Outbox, clock: Clock, settings: CrmSettings) {
  const accessLog = new AccessLog(dataSource, clock);
  const interactions = new InteractionService(dataSource);
  const customers = new CustomerService(dataSource, outbox, clock, settings.CRM_VERIFY_AFTER_DAYS);
  const keyAccounts = new KeyAccountService(dataSource, customers, interactions, clock);
  const followUps = new FollowUpService(dataSource, customers, keyAccounts, interactions, outbox, clock, {
    complaintFollowUpDays: settings.CRM_COMPLAINT_FOLLOW_UP_DAYS,
    leadDays: settings.CRM_FOLLOW_UP_LEAD_DAYS,
  });
  const loyalty = new LoyaltyService(dataSource, customers, interactions, outbox, clock, {
    pointsExpiryMonths: settings.CRM_POINTS_EXPIRY_MONTHS,
    tierPoints: settings.CRM_TIER_POINTS,
  });
  const coupons = new CouponService(dataSource, customers, interactions, outbox, clock, settings.CRM_COMPENSATION_COUPON_VALID_DAYS);
  const campaigns = new CampaignService(dataSource, loyalty, coupons, clock);
  // Every part that keeps customer ids: a merge moves, an export reads and an erasure cleans all of them.
  const records: CustomerRecords[] = [new ContactRecords(), new DocumentRecords(), interactions, followUps, loyalty, coupons, campaigns, keyAccounts];
  const exports = new CustomerDataExportService(dataSource, records, accessLog, outbox, clock, {
    partsDueMinutes: settings.CRM_EXPORT_PARTS_DUE_MINUTES,
    retentionDays: settings.CRM_EXPORT_RETENTION_DAYS,
  });
  // Earlier export requests are records about the customer too (and an erasure must delete them).
  records.push(exports);
  const merges = new CustomerMergeService(dataSource, customers, records, outbox, clock);
  const privacy = new PrivacyService(dataSource, records, outbox, clock);
  const recommendations = new RecommendationService(dataSource, clock);
  return { accessLog, interactions, customers, keyAccounts, followUps, loyalty, coupons, campaigns, merges, privacy, exports, recommendations };
}

export type CrmServices = ReturnType<typeof createCrmServices>;

/** What crm does with other services' events, each in the transaction that records the event as processed. */
export function crmEventHandlers(s: CrmServices): EventHandler[] {
  return [
    onEvent(complaintRegistered, (event, manager) => s.interactions.recordComplaintRegistered(event, manager)),
    onEvent(complaintAssigned, (event, manager) => s.interactions.recordComplaintAssigned(event, manager)),
    onEvent(complaintResolved, (event, manager) => s.interactions.recordComplaintResolved(event, manager)),
    onEvent(complaintResolved, (event, manager) => s.loyalty.creditCompensation(event, manager)),
    onEvent(complaintResolved, (event, manager) => s.coupons.issueCompensation(event, manager)),
    onEvent(complaintClosed, (event, manager) => s.interactions.recordComplaintClosed(event, manager)),
    onEvent(complaintClosed, (event, manager) => s.followUps.scheduleAfterComplaintClosed(event, manager)),
    onEvent(complaintReopened, (event, manager) => s.interactions.recordComplaintReopened(event, manager)),
    onEvent(complaintReopened, (event, manager) => s.followUps.cancelAfterComplaintReopened(event, manager)),
    onEvent(inquiryReceived, (event, manager) => s.interactions.recordInquiryReceived(event, manager)),
    onEvent(inquiryClosed, (event, manager) => s.interactions.recordInquiryClosed(event, manager)),
    onEvent(inquiryEscalated, (event, manager) => s.interactions.recordInquiryEscalated(event, manager)),
    onEvent(orderChangeRequested, (event, manager) => s.interactions.recordOrderChangeRequested(event, manager)),
    onEvent(orderChangeCompleted, (event, manager) => s.interactions.recordOrderChangeCompleted(event, manager)),
    ...EXPORT_CONTRIBUTORS.map((contract) => onEvent(contract, (event, manager) => s.exports.recordPrepared(contract.producer, event.data, manager))),
  ];
}

/** Scheduled work; each job is idempotent and one instance at a time runs it. */
export function crmJobs(s: CrmServices, everyMs: number): ScheduledJob[] {
  return [
    { name: 'recurring-follow-ups', everyMs, run: (now) => s.followUps.scheduleRecurring(now) },
    { name: 'points-expiry', everyMs, run: (now) => s.loyalty.expirePoints(now) },
    { name: 'coupon-expiry', everyMs, run: (now) => s.coupons.expireCoupons(now) },
    { name: 'campaign-rewards', everyMs, run: (now) => s.campaigns.grantRewards(now) },
    { name: 'customer-export-deadline', everyMs, run: (now) => s.exports.markOverdue(now) },
    { name: 'customer-export-retention', everyMs, run: (now) => s.exports.expire(now) },
  ];
}

export function crmResolvers(s: CrmServices): object[] {
  return [
    new CustomerResolver(s.customers, s.accessLog),
    new CustomerContactResolver(s.accessLog),
    new TravelDocumentResolver(s.accessLog),
    new CustomerInteractionsResolver(s.interactions),
    new CustomerMergeResolver(s.merges),
    new FollowUpResolver(s.followUps),
    new CustomerFollowUpsResolver(s.followUps),
    new KeyAccountResolver(s.keyAccounts),
    new KeyAccountMemberResolver(s.customers),
    new CustomerEventResolver(s.keyAccounts),
    new CustomerEventInvitationResolver(s.customers),
    new CustomerKeyAccountResolver(s.keyAccounts),
    new LoyaltyResolver(s.loyalty, s.coupons),
    new CampaignResolver(s.campaigns),
    new CustomerLoyaltyResolver(s.loyalty, s.coupons),
    new PrivacyResolver(s.privacy, s.accessLog),
    new CustomerDataExportResolver(s.exports),
    new CustomerRecommendationsResolver(s.recommendations),
  ];
}

/** The entities other subgraphs (and the gateway) resolve by key. */
export function crmReferences(s: CrmServices): ReferenceResolvers {
  return {
    Customer: { __resolveReference: (reference: { id: string }) => s.customers.findById(reference.id) },
    // The gateway brings the other services' parts along (@requires); they go to `document`.
    CustomerDataExport: {
      __resolveReference: async (reference: { id: string } & Record<string, unknown>) => {
        const found = await s.exports.findById(reference.id);
        // Only the parts are taken from the representation; everything else comes from crm's own row.
        return found && Object.assign(found, Object.fromEntries(EXPORT_CONTRIBUTOR_SECTIONS.map((section) => [section, reference[section]])));
      },
    },
  };
}

/** crm: customer profiles, key accounts, follow-ups, loyalty and privacy (T-1.6, T-2, A-3.4, A-5.3). */
export const crmSubgraph = defineSubgraph({
  name: 'crm',
  entities: [
    Customer,
    CustomerContact,
    TravelDocument,
    CustomerMerge,
    Interaction,
    FollowUp,
    FollowUpPlan,
    KeyAccount,
    KeyAccountMember,
    CustomerEvent,
    CustomerEventInvitation,
    LoyaltyAccount,
    LoyaltyEntry,
    Coupon,
    Campaign,
    CampaignGrant,
    PersonalDataAccess,
    CustomerDataExport,
  ],
  migrations: [
    CreateCustomer1763800000000,
    CreateInteraction1763800000001,
    EvolveCustomerProfile1763900000000,
    ExtendInteraction1763900000001,
    CreateFollowUp1763900000002,
    CreateKeyAccount1763900000003,
    CreateLoyalty1763900000004,
    CreatePrivacy1763900000005,
    CreateCustomerDataExport1764300000000,
  ],
  build({ dataSource, outbox, clock, env }) {
    const settings = crmSettings(env);
    const services = createCrmServices(dataSource, outbox, clock, settings);
    return {
      resolvers: crmResolvers(services),
      references: crmReferences(services),
      eventHandlers: crmEventHandlers(services),
      jobs: crmJobs(services, settings.CRM_JOB_INTERVAL_MS),
    };
  },
});
