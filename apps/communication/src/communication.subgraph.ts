import { KNOWN_CUSTOMER_ENTITIES, KNOWN_CUSTOMER_MIGRATIONS } from '@carebridge/known-customers';
import { defineSubgraph } from '@carebridge/service-kit';
import { CustomerCase } from './case/customer-case.entity';
import { communicationDomain } from './communication.domain';
import { communicationEventHandlers } from './communication.event-handlers';
import { communicationJobs } from './communication.jobs';
import { communicationReferences } from './communication.references';
import { communicationResolvers } from './communication.resolvers';
import { communicationSettings } from './communication.settings';
import { CustomerConsent } from './customer-contact/customer-consent.entity';
import { CustomerContact } from './customer-contact/customer-contact.entity';
import { Delivery } from './delivery/delivery.entity';
import { DevelopmentMail } from './development-mail/development-mail.entity';
import { LocalMailCatcher } from './development-mail/local-mail-catcher';
import { InboundAttachment } from './inbound/inbound-attachment.entity';
import { InboundMessage } from './inbound/inbound-message.entity';
import { CreateCommunication1765000000000 } from './migrations/1765000000000-CreateCommunication';
import { StaffNotificationRead } from './staff-notification/staff-notification-read.entity';
import { StaffNotification } from './staff-notification/staff-notification.entity';
import { StaffPreference } from './staff-notification/staff-preference.entity';
// Customer view
import { CaseView, CaseViewStep } from './customer-view/case-view.entity';
import { CustomerView1765050000000 } from './migrations/1765050000000-CustomerView';
import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { PersonalDataAccessReport } from './access-log/access-report';

/** communication: what Carebridge tells customers and staff, on which channel, and what customers write back. */
export const communicationSubgraph = defineSubgraph({
  name: 'communication',
  entities: [
    ...KNOWN_CUSTOMER_ENTITIES,
    ...PERSONAL_DATA_ACCESS_ENTITIES,
    CustomerContact,
    CustomerConsent,
    CustomerCase,
    Delivery,
    StaffNotification,
    StaffNotificationRead,
    StaffPreference,
    InboundMessage,
    InboundAttachment,
    DevelopmentMail,
    // Customer view
    CaseView,
    CaseViewStep,
  ],
  migrations: [...KNOWN_CUSTOMER_MIGRATIONS, CreateCommunication1765000000000, CustomerView1765050000000, ...PERSONAL_DATA_ACCESS_MIGRATIONS],
  async build(runtime) {
    const settings = communicationSettings(runtime.env);
    const domain = communicationDomain(runtime, settings);
    // Only a running service listens (its database is open); composing the supergraph builds the schema alone.
    if (settings.localMail.enabled && runtime.dataSource.isInitialized) {
      const catcher = new LocalMailCatcher(domain.mailbox, domain.inbound, runtime.logger);
      try {
        settings.localMail.port = await catcher.listen(settings.localMail.host, settings.localMail.port);
        runtime.logger.info({ port: settings.localMail.port }, `local SMTP catcher listening: mails are kept for developmentMailbox, mail to ${settings.email.supportAddress} goes inbound`);
      } catch (error) {
        runtime.logger.error({ err: (error as Error).message }, 'local SMTP catcher could not listen: set COMMUNICATION_LOCAL_SMTP_PORT to a free port; mails stay queued until then');
      }
    }
    return {
      resolvers: communicationResolvers(domain),
      references: communicationReferences(domain),
      orphanedTypes: [...domain.customers.exportGraph().orphanedTypes, PersonalDataAccessReport],
      eventHandlers: communicationEventHandlers(domain),
      jobs: communicationJobs(domain, settings),
    };
  },
});
