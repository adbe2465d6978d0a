import { complaintRegistered, customerCreated, customerErased, customerMerged } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer, type EventTransport, onEvent, type TransportMessage } from '@carebridge/messaging';
import { openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { AssignmentService } from '../assignment/assignment.service';
import { CustomerDirectory } from '../customer/customer-directory';
import { inquirySettings } from '../inquiry.settings';
import { inquirySubgraph } from '../inquiry.subgraph';
import { OrderChangeService } from '../order-change/order-change.service';
import { DeadlineMonitor } from '../response-target/deadline-monitor';
import { ResponsePolicyService } from '../response-target/response-policy.service';
import { SavedReplyService } from '../saved-reply/saved-reply.service';
import { InquiryService } from './inquiry.service';

/** Feeds events straight into the consumer; what it dead-letters is kept, so a failing handler shows. */
const deadLetters: TransportMessage[] = [];
const directTransport: EventTransport = {
  kind: 'embedded',
  ensureTopics: async () => undefined,
  publish: async (messages) => void deadLetters.push(...messages),
  subscribe: async () => ({ stop: async () => undefined }),
  close: async () => undefined,
};

/** The inquiry service's domain services on a fresh database, wired as the subgraph wires them, for integration tests. */
export async function openInquiryServices(env: Record<string, string> = {}) {
  const db: ServiceDatabase = await openServiceDatabase(inquirySubgraph);
  const settings = inquirySettings(env);
  const customers = new CustomerDirectory();
  const policies = new ResponsePolicyService(db.dataSource, settings, db.clock);
  const assignment = new AssignmentService(db.dataSource, db.clock, settings.INQUIRY_AGENT_CAPACITY);
  const savedReplies = new SavedReplyService(db.dataSource, db.clock);
  const deadlines = new DeadlineMonitor(db.dataSource, db.outbox);
  const inquiries = new InquiryService(db.dataSource, customers, policies, assignment, savedReplies, deadlines, db.outbox, db.clock);
  const orderChanges = new OrderChangeService(db.dataSource, inquiries, db.outbox, db.clock);
  const consumer = new EventConsumer({
    service: 'inquiry',
    dataSource: db.dataSource,
    transport: directTransport,
    retryBackoffMs: 1,
    handlers: [
      onEvent(customerCreated, (e, m) => customers.recordCreated(e, m)),
      onEvent(customerErased, (e, m) => customers.recordErased(e, m)),
      onEvent(customerMerged, (e, m) => customers.recordMerged(e, m)),
      onEvent(complaintRegistered, (e, m) => inquiries.recordComplaintRegistered(e, m)),
    ],
  });
  return {
    db,
    settings,
    policies,
    assignment,
    savedReplies,
    deadlines,
    inquiries,
    orderChanges,
    consumer,
    deadLetters,
    learnCustomer: (customerId: string) =>
      consumer.deliver(encodeEvent(customerCreated, { customerId, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-01T08:00:00.000Z' }, { source: 'crm', time: new Date() })),
    /** The events written to the outbox about one inquiry (their key), oldest first. */
    eventsOf: async (inquiryId: string) => (await db.outboxEvents()).filter((e) => e.key === inquiryId),
  };
}

export type InquiryServices = Awaited<ReturnType<typeof openInquiryServices>>;
