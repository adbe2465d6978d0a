import { communicationCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords, defineCustomerRecords } from '@carebridge/known-customers';
import type { SubgraphRuntime } from '@carebridge/service-kit';
import { CustomerCases } from './case/customer-cases';
import type { MessageSender } from './channel/channel';
import { EmailSender } from './channel/email-sender';
import { ReplyTokens } from './channel/mail-addresses';
import { TwilioSmsSender } from './channel/twilio-sms-sender';
import type { CommunicationSettings } from './communication.settings';
import { communicationCustomerRecords } from './customer/communication-customer-records';
// Customer view
import { customerView } from './customer-view/customer-view';
import { customerViewRecordKinds } from './customer-view/customer-view-records';
import { ChannelConsentRecording } from './customer-contact/channel-consent-recording';
import { CustomerConsents } from './customer-contact/customer-consents';
import { CustomerContacts } from './customer-contact/customer-contacts';
import { CustomerMessaging } from './customer-message/customer-messaging';
import { SurveyInvitationLinks } from './customer-message/survey-invitation-links';
import { DeliveryDispatch } from './delivery/delivery-dispatch';
import { DeliveryEvents } from './delivery/delivery-events';
import { DeliveryQueries } from './delivery/delivery-queries';
import { DeliveryQueue } from './delivery/delivery-queue';
import { DeliveryReports } from './delivery/delivery-reports';
import { MessageChannel } from './delivery/delivery.enums';
import { DevelopmentMailbox } from './development-mail/development-mailbox';
import { InboundMail } from './inbound/inbound-mail';
import { SupportMailboxPolling } from './inbound/support-mailbox-polling';
import { StaffInbox } from './staff-notification/staff-inbox';
import { StaffNotifying } from './staff-notification/staff-notifying';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';

/** The sender address of `Name <address>` or of a bare address. */
function bareAddress(from: string): string {
  return (from.match(/<([^>]+)>/)?.[1] ?? from).trim().toLowerCase();
}

/**
 * The communication service's use cases, wired once: by the subgraph, and by the test fixture.
 * `senders` replaces the channels (tests hand in their own fake SMS provider's adapter).
 */
export function communicationDomain(runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: CommunicationSettings, senders?: Partial<Record<MessageChannel, MessageSender>>) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new CustomerRecords({ service: 'communication', prepared: communicationCustomerExportPrepared, dataSource, outbox, clock, records: defineCustomerRecords([...communicationCustomerRecords.kinds, ...customerViewRecordKinds()]) });
  const email = new EmailSender(settings.email, settings.localMail);
  const channels: Partial<Record<MessageChannel, MessageSender>> = senders ?? {
    [MessageChannel.EMAIL]: email,
    ...(settings.sms.twilio ? { [MessageChannel.SMS]: new TwilioSmsSender(settings.sms.twilio) } : {}),
  };
  const replyTokens = new ReplyTokens(settings.replyTokenSecret, settings.email.supportAddress, settings.replyTokenTtlDays);
  const contacts = new CustomerContacts();
  const consents = new CustomerConsents();
  const cases = new CustomerCases();
  const deliveryEvents = new DeliveryEvents(outbox);
  const queue = new DeliveryQueue(deliveryEvents);
  const reports = new DeliveryReports(dataSource, deliveryEvents, clock);
  const messaging = new CustomerMessaging(customers, contacts, consents, queue, clock, { smsAvailable: Boolean(channels[MessageChannel.SMS]), timeZone: settings.timeZone });
  const dispatch = new DeliveryDispatch(dataSource, channels, deliveryEvents, clock, {
    maxAttempts: settings.maxAttempts,
    retryBaseMs: settings.retryBaseMs,
    replyAddress: (kind, caseId) => replyTokens.replyAddress(kind, caseId, clock.now()),
  });
  const inbound = new InboundMail(dataSource, outbox, contacts, reports, replyTokens, { support: settings.email.supportAddress, bounce: settings.email.bounceAddress, from: bareAddress(settings.email.from) }, clock);
  return {
    customers,
    accessLog: new PersonalDataAccessLog(dataSource, clock),
    contacts,
    consents,
    cases,
    messaging,
    surveyLinks: new SurveyInvitationLinks(settings.survey),
    dispatch,
    reports,
    replyTokens,
    deliveries: new DeliveryQueries(dataSource),
    channelConsents: new ChannelConsentRecording(dataSource, customers, consents, clock),
    staffNotifying: new StaffNotifying(queue, clock, settings.timeZone),
    staffInbox: new StaffInbox(dataSource, clock),
    inbound,
    /** IMAP polling of the support mailbox, when COMMUNICATION_IMAP_URL is set. */
    mailboxPolling: settings.imap ? new SupportMailboxPolling(inbound, settings.imap) : null,
    mailbox: new DevelopmentMailbox(dataSource, clock, settings.localMail.enabled),
    // Customer view: the customer's own view of their cases, fed by events.
    customerView: customerView(runtime, customers, settings.customerView),
    /** Closes the SMTP connections of the e-mail channel. */
    close: () => email.close(),
  };
}

export type CommunicationDomain = ReturnType<typeof communicationDomain>;
