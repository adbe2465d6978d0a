import type { CrmDomain } from './crm.domain';
import { CustomerContactResolver, CustomerResolver, TravelDocumentResolver } from './customer/customer.resolver';
import { CustomerFollowUpsResolver, FollowUpCustomerResolver, FollowUpResolver } from './follow-up/follow-up.resolver';
import { CustomerInteractionsResolver } from './interaction/interaction.resolver';
import {
  CustomerEventInvitationResolver,
  CustomerEventResolver,
  CustomerKeyAccountResolver,
  KeyAccountMemberResolver,
  KeyAccountResolver,
  ServiceTermsResolver,
} from './key-account/key-account.resolver';
import { CampaignResolver, CustomerLoyaltyResolver, LoyaltyResolver } from './loyalty/loyalty.resolver';
import { CustomerMergeResolver } from './merge/merge.resolver';
import { CustomerDataExportResolver, PrivacyResolver } from './privacy/privacy.resolver';
import { CustomerRecommendationsResolver } from './recommendation/recommendation.resolver';
import { SearchQueryResolver } from './search/search-results';
import { CustomerSearchResolver } from './search/search.resolver';
import { CrmAccessReportSection, PersonalDataAccessReportQuery } from './access-log/access-report';

/** crm's GraphQL resolvers, each given the use cases it calls. */
export function crmResolvers(domain: CrmDomain): object[] {
  return [
    new CustomerResolver(domain.customer, domain.accessLog),
    new CustomerContactResolver(domain.accessLog),
    new TravelDocumentResolver(domain.accessLog),
    new CustomerInteractionsResolver(domain.interaction.history),
    new CustomerMergeResolver(domain.merge),
    new FollowUpResolver(domain.followUp),
    new CustomerFollowUpsResolver(domain.followUp),
    new FollowUpCustomerResolver(domain.customer.queries),
    new KeyAccountResolver(domain.keyAccount),
    new KeyAccountMemberResolver(domain.customer.queries),
    new CustomerEventResolver(domain.keyAccount),
    new CustomerEventInvitationResolver(domain.customer.queries),
    new CustomerKeyAccountResolver(domain.keyAccount),
    new ServiceTermsResolver(),
    new LoyaltyResolver(domain.loyalty),
    new CampaignResolver(domain.loyalty),
    new CustomerLoyaltyResolver(domain.loyalty),
    new PrivacyResolver(domain.privacy.erasure, domain.accessLog),
    new CrmAccessReportSection(domain.accessLog),
    new PersonalDataAccessReportQuery(),
    new CustomerDataExportResolver(domain.privacy.exports),
    new CustomerRecommendationsResolver(domain.recommendation.needsAnalysis),
    new SearchQueryResolver(),
    new CustomerSearchResolver(domain.search),
  ];
}
