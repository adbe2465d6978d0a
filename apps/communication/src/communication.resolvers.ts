import type { CommunicationDomain } from './communication.domain';
import { CustomerConsentResolver } from './customer-contact/customer-consent.resolver';
import { DeliveryResolver } from './delivery/delivery.resolver';
import { DevelopmentMailboxResolver } from './development-mail/development-mailbox.resolver';
import { InboundResolver } from './inbound/inbound.resolver';
import { StaffNotificationResolver } from './staff-notification/staff-notification.resolver';
import { TemplateResolver } from './template/template.resolver';
// Customer view
import { customerViewResolvers } from './customer-view/customer-view';
import { PersonalTextGuard } from '@carebridge/service-kit';
import { CommunicationAccessReportSection } from './access-log/access-report';

/** The GraphQL resolvers of communication; each calls use cases of the domain and nothing else. */
export function communicationResolvers(domain: CommunicationDomain): object[] {
  return [
    new StaffNotificationResolver(domain.staffInbox),
    new TemplateResolver(),
    new DeliveryResolver(domain.deliveries, domain.reports),
    new PersonalTextGuard(domain.accessLog),
    new CommunicationAccessReportSection(domain.accessLog),
    new CustomerConsentResolver(domain.channelConsents),
    new InboundResolver(domain.inbound),
    new DevelopmentMailboxResolver(domain.mailbox),
    // Customer view
    ...customerViewResolvers(domain.customerView),
  ];
}
