import type { Identity } from '@carebridge/auth';
import { customerContactChanged, customerConsentsChanged, customerCreated } from '@carebridge/event-contracts';
import { openServiceUnderTest, type ServiceUnderTest, useServiceUnderTest } from '@carebridge/testing';
import { randomUUID } from 'node:crypto';
import type { MessageSender, OutgoingMessage } from './channel/channel';
import { type CommunicationDomain, communicationDomain } from './communication.domain';
import { communicationEventHandlers } from './communication.event-handlers';
import { communicationReferences } from './communication.references';
import { communicationResolvers } from './communication.resolvers';
import { type CommunicationSettings, communicationSettings } from './communication.settings';
import { communicationSubgraph } from './communication.subgraph';
import { Delivery } from './delivery/delivery.entity';
import { MessageChannel } from './delivery/delivery.enums';

/** Test users of communication, one per duty. */
export const people = {
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  specialist: { userId: 'specialist-sam', roles: ['complaint_specialist'], name: 'Sam Specialist' },
  supervisor: { userId: 'supervisor-sue', roles: ['supervisor'], name: 'Sue Supervisor' },
  otherSupervisor: { userId: 'supervisor-tom', roles: ['supervisor'], name: 'Tom Supervisor' },
  integration: { userId: 'mail-provider', roles: ['integration'] },
} satisfies Record<string, Identity>;

/** A channel that keeps what it is given, and fails as told: the tests' stand-in for SMTP or the SMS provider. */
export class RecordingSender implements MessageSender {
  readonly sent: OutgoingMessage[] = [];
  failures: Error[] = [];

  async send(message: OutgoingMessage) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    return { providerMessageId: `<${message.deliveryId}@carebridge.localhost>` };
  }
}

/**
 * communication on a fresh database of its own (`openServiceUnderTest`): its use cases, `deliver` for
 * other services' events, `learnCustomer`, `db.clock`, `deadLetters`, and `run` for operations on its
 * schema as the gateway would forward them; e-mail and SMS go to recording senders.
 */
export type CommunicationWorld = CommunicationDomain &
  Omit<ServiceUnderTest<CommunicationDomain, CommunicationSettings>, 'domain'> & {
    email: RecordingSender;
    sms: RecordingSender;
    /** A customer crm announced: created, with contact details and consents. */
    knownCustomer(contact?: Partial<{ name: string; email: string | null; phone: string | null; preferredLanguage: string; marketingConsent: boolean; followUpConsent: boolean }>): Promise<string>;
    deliveriesOf(customerId: string): Promise<Delivery[]>;
  };

export async function openCommunication(env: Record<string, string> = {}): Promise<CommunicationWorld> {
  const email = new RecordingSender();
  const sms = new RecordingSender();
  const { domain, ...service } = await openServiceUnderTest({
    definition: communicationSubgraph,
    settings: communicationSettings({ COMMUNICATION_RETRY_BASE_MS: '1000', ...env }),
    domain: (runtime, settings) => communicationDomain(runtime, settings, { [MessageChannel.EMAIL]: email, [MessageChannel.SMS]: sms }),
    eventHandlers: communicationEventHandlers,
    resolvers: communicationResolvers,
    references: communicationReferences,
    consumer: { maxAttempts: 2, retryBackoffMs: 1 },
  });
  const world: CommunicationWorld = {
    ...domain,
    ...service,
    email,
    sms,
    async knownCustomer(contact = {}) {
      const customerId = randomUUID();
      const at = service.db.clock.now().toISOString();
      const preferredLanguage = contact.preferredLanguage ?? 'en';
      await service.deliver(customerCreated, { customerId, tier: 'STANDARD', preferredLanguage, createdAt: at });
      await service.deliver(customerContactChanged, {
        customerId,
        name: contact.name ?? 'Li Wei',
        email: contact.email === undefined ? `${customerId.slice(0, 8)}@example.com` : contact.email,
        phone: contact.phone ?? null,
        preferredLanguage,
        changedAt: at,
      });
      await service.deliver(customerConsentsChanged, { customerId, followUpConsent: contact.followUpConsent ?? true, marketingConsent: contact.marketingConsent ?? false, changedAt: at });
      return customerId;
    },
    deliveriesOf: (customerId) => service.db.dataSource.getRepository(Delivery).find({ where: { customerId }, order: { queuedAt: 'ASC', id: 'ASC' } }),
    close: async () => {
      domain.close();
      await service.close();
    },
  };
  return world;
}

/** communication as the tests of the enclosing `describe` share it; each test ends with no event dead-lettered. */
export function useCommunication(env: Record<string, string> = {}): CommunicationWorld {
  const world = useServiceUnderTest(() => openCommunication(env));
  afterEach(() => expect(world.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));
  return world;
}
