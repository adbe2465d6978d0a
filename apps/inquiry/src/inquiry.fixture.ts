import type { Identity } from '@carebridge/auth';
import { openServiceUnderTest, type ServiceDatabase, type ServiceUnderTest, useServiceUnderTest } from '@carebridge/testing';
import { InquiryChannel } from './channel/channel.enums';
import { inquiryDomain, type InquiryDomain } from './inquiry.domain';
import { inquiryEventHandlers } from './inquiry.event-handlers';
import { inquiryReferences } from './inquiry.references';
import { inquiryResolvers } from './inquiry.resolvers';
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
 * The inquiry service on a fresh database of its own (`openServiceUnderTest`): its use cases,
 * `deliver` for other services' events, `learnCustomer`, `db.clock`, `deadLetters`; and the steps
 * its tests take again and again.
 */
export interface InquiryWorld extends InquiryDomain, Omit<ServiceUnderTest<InquiryDomain, InquirySettings>, 'domain'> {
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
}

export async function openInquiry(env: Record<string, string> = {}): Promise<InquiryWorld> {
  const { domain, ...service } = await openServiceUnderTest({
    definition: inquirySubgraph,
    settings: inquirySettings(env),
    domain: inquiryDomain,
    eventHandlers: inquiryEventHandlers,
    resolvers: (domain, db) => inquiryResolvers(domain, { clock: db.clock }),
    references: inquiryReferences,
    consumer: { retryBackoffMs: 1 },
  });
  const { db } = service;
  return {
    ...domain,
    ...service,
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
  };
}

/**
 * The inquiry service the tests of the enclosing `describe` share, knowing `customers` from the
 * start: each test begins at START, and ends with no event dead-lettered.
 */
export function useInquiry({ customers = [], env }: { customers?: string[]; env?: Record<string, string> } = {}): InquiryWorld {
  const s = useServiceUnderTest(async () => {
    const world = await openInquiry(env);
    for (const customerId of customers) await world.learnCustomer(customerId);
    return world;
  });
  beforeEach(() => s.db.clock.set(START));
  afterEach(() => expect(s.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));
  return s;
}
