import type { Identity } from '@carebridge/auth';
import { customerCreated, type EventContract, type EventData } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer, type TransportMessage } from '@carebridge/messaging';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { InquiryChannel } from './channel/channel.enums';
import { inquiryDomain, type InquiryDomain } from './inquiry.domain';
import { inquiryEventHandlers } from './inquiry.event-handlers';
import { type InquirySettings, inquirySettings } from './inquiry.settings';
import { inquirySubgraph } from './inquiry.subgraph';
import { Inquiry, InquiryMessage } from './inquiry/inquiry.entity';
import { InquiryCategory } from './inquiry/inquiry.enums';
import type { ReceiveInquiryInput } from './inquiry/inquiry.inputs';

/** The instant tests start from, and `at(seconds)` after it. */
export const START = '2026-11-02T09:00:00.000Z';
export const at = (offsetSeconds: number) => new Date(new Date(START).getTime() + offsetSeconds * 1000);

/** Test users of the inquiry service, one per duty. */
export const people = {
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  admin: { userId: 'admin-ada', roles: ['admin'], name: 'Ada Admin' },
  afterSales: { userId: 'sales-sam', roles: ['after_sales'], name: 'Sam Sales' },
} satisfies Record<string, Identity>;

/**
 * The inquiry service on a fresh database of its own: the use cases wired as the subgraph wires
 * them, its event handlers behind a consumer fed by hand, and a clock the test moves.
 */
export interface InquiryWorld extends InquiryDomain {
  db: ServiceDatabase;
  settings: InquirySettings;
  consumer: EventConsumer;
  /** Messages the consumer dead-lettered: a failing handler shows here. */
  deadLetters: TransportMessage[];
  deliver<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
  learnCustomer(customerId: string): Promise<void>;
  /** The events written to the outbox about one inquiry (their key), oldest first. */
  eventsOf(inquiryId: string): ReturnType<ServiceDatabase['outboxEvents']>;
  /** Mei Tanaka's e-mail about her bag allowance, received by Ana now. */
  receiveEmail(overrides?: Partial<ReceiveInquiryInput>): Promise<Inquiry>;
  /** A known customer's call about a flight, ringing since `ringStartedAt`. */
  receiveCall(customerId: string, ringStartedAt: Date, answeredAt?: Date | null): Promise<Inquiry>;
  /** Ana's written reply. */
  reply(inquiryId: string, body?: string): Promise<Inquiry>;
  /** How many inquiries, messages and events there are: bad input writes none. */
  counts(): Promise<{ inquiries: number; messages: number; events: number }>;
  close(): Promise<void>;
}

export async function openInquiry(env: Record<string, string> = {}): Promise<InquiryWorld> {
  const db = await openServiceDatabase(inquirySubgraph);
  const settings = inquirySettings(env);
  const domain = inquiryDomain(db, settings);
  const transport = new DirectTransport();
  const consumer = new EventConsumer({ service: 'inquiry', dataSource: db.dataSource, transport, retryBackoffMs: 1, handlers: inquiryEventHandlers(domain) });
  const world: InquiryWorld = {
    ...domain,
    db,
    settings,
    consumer,
    deadLetters: transport.published,
    deliver: (contract, data) => consumer.deliver(encodeEvent(contract, data, { source: contract.producer, time: db.clock.now() })),
    learnCustomer: (customerId) =>
      consumer.deliver(encodeEvent(customerCreated, { customerId, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-01T08:00:00.000Z' }, { source: 'crm', time: new Date() })),
    eventsOf: async (inquiryId) => (await db.outboxEvents()).filter((e) => e.key === inquiryId),
    receiveEmail: (overrides = {}) =>
      domain.intake.receive(
        {
          channel: InquiryChannel.EMAIL,
          category: InquiryCategory.BAGGAGE,
          subject: 'Bag allowance to Tokyo',
          message: 'How many bags may I check in on NH 204?',
          contact: { name: 'Mei Tanaka', email: ' Mei.Tanaka@Example.jp ' },
          ...overrides,
        } as ReceiveInquiryInput,
        people.agent,
      ),
    receiveCall: (customerId, ringStartedAt, answeredAt = null) =>
      domain.intake.receive(
        { channel: InquiryChannel.PHONE, category: InquiryCategory.FLIGHT_INFO, subject: 'Is LH 721 on time?', customerId, call: { ringStartedAt, answeredAt } } as ReceiveInquiryInput,
        people.agent,
      ),
    reply: (inquiryId, body = 'You may check in two bags of 23 kg.') => domain.handling.reply({ inquiryId, body, citedArticleIds: [], attachments: [] }, people.agent),
    counts: async () => ({
      inquiries: await db.dataSource.getRepository(Inquiry).count(),
      messages: await db.dataSource.getRepository(InquiryMessage).count(),
      events: (await db.outboxEvents()).length,
    }),
    close: () => db.close(),
  };
  return world;
}
