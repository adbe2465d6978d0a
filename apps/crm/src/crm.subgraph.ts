import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { defineSubgraph } from '@carebridge/service-kit';
import { crmDomain } from './crm.domain';
import { crmEventHandlers } from './crm.event-handlers';
import { crmJobs } from './crm.jobs';
import { crmReferences } from './crm.references';
import { crmResolvers } from './crm.resolvers';
import { crmSettings } from './crm.settings';
import { CustomerContact } from './customer/customer-contact.entity';
import { Customer } from './customer/customer.entity';
import { TravelDocument } from './customer/travel-document.entity';
import { FollowUp, FollowUpPlan } from './follow-up/follow-up.entity';
import { Interaction } from './interaction/interaction.entity';
import { CustomerEvent, CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account/key-account.entity';
import { Campaign, CampaignGrant } from './loyalty/campaign.entity';
import { Coupon, LoyaltyAccount, LoyaltyEntry, MilesEntry } from './loyalty/loyalty.entity';
import { CustomerMerge } from './merge/customer-merge.entity';
import { CreateCustomer1763800000000 } from './migrations/1763800000000-CreateCustomer';
import { CreateInteraction1763800000001 } from './migrations/1763800000001-CreateInteraction';
import { EvolveCustomerProfile1763900000000 } from './migrations/1763900000000-EvolveCustomerProfile';
import { ExtendInteraction1763900000001 } from './migrations/1763900000001-ExtendInteraction';
import { CreateFollowUp1763900000002 } from './migrations/1763900000002-CreateFollowUp';
import { CreateKeyAccount1763900000003 } from './migrations/1763900000003-CreateKeyAccount';
import { CreateLoyalty1763900000004 } from './migrations/1763900000004-CreateLoyalty';
import { CreatePrivacy1763900000005 } from './migrations/1763900000005-CreatePrivacy';
import { CreateCustomerDataExport1764300000000 } from './migrations/1764300000000-CreateCustomerDataExport';
import { OpenInteractionKinds1764400000000 } from './migrations/1764400000000-OpenInteractionKinds';
import { MilesLedger1764800000000 } from './migrations/1764800000000-MilesLedger';
import { CareFollowUps1764800000001 } from './migrations/1764800000001-CareFollowUps';
import { StructuredServiceTerms1766100000000 } from './migrations/1766100000000-StructuredServiceTerms';
import { CustomerNameKey1766100000001 } from './migrations/1766100000001-CustomerNameKey';
import { CustomerSearch1766300000000 } from './migrations/1766300000000-CustomerSearch';
import { CustomerDataExport } from './privacy/customer-data-export.entity';

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
    MilesEntry,
    Coupon,
    Campaign,
    CampaignGrant,
    ...PERSONAL_DATA_ACCESS_ENTITIES,
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
    OpenInteractionKinds1764400000000,
    MilesLedger1764800000000,
    CareFollowUps1764800000001,
    StructuredServiceTerms1766100000000,
    CustomerNameKey1766100000001,
    // The shared access log's table: crm's CreatePrivacy made it already, so this does nothing here.
    ...PERSONAL_DATA_ACCESS_MIGRATIONS,
    CustomerSearch1766300000000,
  ],
  build(runtime) {
    const settings = crmSettings(runtime.env);
    const domain = crmDomain(runtime, settings);
    return {
      resolvers: crmResolvers(domain),
      references: crmReferences(domain),
      eventHandlers: crmEventHandlers(domain),
      jobs: crmJobs(domain, settings),
    };
  },
});
