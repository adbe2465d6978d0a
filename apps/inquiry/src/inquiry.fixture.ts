import { customerCreated } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer } from '@carebridge/messaging';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { inquirySettings } from './inquiry.settings';
import { inquiryDomain, inquiryEventHandlers, inquirySubgraph } from './inquiry.subgraph';

/** The inquiry service's domain services on a fresh database, wired as the subgraph wires them, for integration tests. */
export async function openInquiryServices(env: Record<string, string> = {}) {
  const db: ServiceDatabase = await openServiceDatabase(inquirySubgraph);
  const settings = inquirySettings(env);
  const domain = inquiryDomain(db, settings);
  const { policies, assignment, savedReplies, deadlines, inquiries, orderChanges, customerExport } = domain;
  // Events go straight into the consumer; what it dead-letters is kept, so a failing handler shows.
  const transport = new DirectTransport();
  const deadLetters = transport.published;
  const consumer = new EventConsumer({ service: 'inquiry', dataSource: db.dataSource, transport, retryBackoffMs: 1, handlers: inquiryEventHandlers(domain) });
  return {
    db,
    settings,
    policies,
    assignment,
    savedReplies,
    deadlines,
    inquiries,
    orderChanges,
    customerExport,
    consumer,
    deadLetters,
    learnCustomer: (customerId: string) =>
      consumer.deliver(encodeEvent(customerCreated, { customerId, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-01T08:00:00.000Z' }, { source: 'crm', time: new Date() })),
    /** The events written to the outbox about one inquiry (their key), oldest first. */
    eventsOf: async (inquiryId: string) => (await db.outboxEvents()).filter((e) => e.key === inquiryId),
  };
}

export type InquiryServices = Awaited<ReturnType<typeof openInquiryServices>>;
