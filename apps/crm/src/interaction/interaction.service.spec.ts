import { complaintRegistered, inquiryReceived, orderChangeCompleted } from '@carebridge/event-contracts';
import { decodeEnvelope, encodeEvent, EventConsumer, onEvent } from '@carebridge/messaging';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { crmSubgraph } from '../crm.subgraph';
import { InteractionService } from './interaction.service';

const directTransport = new DirectTransport();
const deadLetters = directTransport.published;

describe('interaction history from complaint events (real Postgres)', () => {
  let db: ServiceDatabase;
  let interactions: InteractionService;
  let consumer: EventConsumer;

  beforeAll(async () => {
    db = await openServiceDatabase(crmSubgraph);
    interactions = new InteractionService(db.dataSource);
    consumer = new EventConsumer({
      service: 'crm',
      dataSource: db.dataSource,
      transport: directTransport,
      handlers: [
        onEvent(complaintRegistered, (event, manager) => interactions.recordComplaintRegistered(event, manager)),
        onEvent(inquiryReceived, (event, manager) => interactions.recordInquiryReceived(event, manager)),
        onEvent(orderChangeCompleted, (event, manager) => interactions.recordOrderChangeCompleted(event, manager)),
      ],
    });
  });
  afterAll(() => db.close());

  const customerId = '3f0e8a52-7d64-4c1b-9a53-0d3b8f1f2a10';
  const registered = (n: number, at: string) =>
    encodeEvent(
      complaintRegistered,
      {
        complaintId: `7a1b2c3d-0000-4000-8000-00000000000${n}`,
        registrationNumber: `CMP-2026-00000${n}`,
        customerId,
        channel: 'PHONE',
        category: 'BAGGAGE',
        urgency: 'HIGH',
        registeredBy: 'agent-1',
        registeredAt: at,
      },
      { source: 'complaint', time: new Date(at) },
    );

  it('adds a complaint to the history once, even when the event is delivered twice', async () => {
    const message = registered(1, '2026-11-01T10:00:00.000Z');
    await consumer.deliver(message);
    await consumer.deliver(message);
    const history = await interactions.forCustomer(customerId, {});
    expect(history.totalCount).toBe(1);
    expect(history.edges[0].node).toMatchObject({ kind: 'COMPLAINT', referenceNumber: 'CMP-2026-000001', sourceService: 'complaint' });
    expect(decodeEnvelope(message).id).toBeTruthy();
  });

  it('lists the history newest first', async () => {
    await consumer.deliver(registered(2, '2026-11-03T10:00:00.000Z'));
    await consumer.deliver(registered(3, '2026-11-02T10:00:00.000Z'));
    const history = await interactions.forCustomer(customerId, {});
    expect(history.edges.map((e) => e.node.referenceNumber)).toEqual(['CMP-2026-000002', 'CMP-2026-000003', 'CMP-2026-000001']);
  });

  it('adds inquiries and order changes of known customers, and ignores anonymous ones', async () => {
    const inquiry = (customer: string | null) =>
      encodeEvent(
        inquiryReceived,
        { inquiryId: '5c0d1e2f-0000-4000-8000-000000000001', customerId: customer, channel: 'CHAT', category: 'VISA', receivedAt: '2026-11-05T10:00:00.000Z', firstResponseDueAt: '2026-11-05T10:05:00.000Z' },
        { source: 'inquiry', time: new Date('2026-11-05T10:00:00.000Z') },
      );
    await consumer.deliver(inquiry(null));
    await consumer.deliver(inquiry(customerId));
    await consumer.deliver(
      encodeEvent(
        orderChangeCompleted,
        {
          orderChangeId: '6d1e2f30-0000-4000-8000-000000000001',
          inquiryId: '5c0d1e2f-0000-4000-8000-000000000001',
          customerId,
          bookingReference: 'BK-7781',
          kind: 'CANCEL',
          outcome: 'DONE',
          reason: null,
          completedBy: 'agent-1',
          completedAt: '2026-11-05T11:00:00.000Z',
        },
        { source: 'inquiry', time: new Date('2026-11-05T11:00:00.000Z') },
      ),
    );
    const history = await interactions.forCustomer(customerId, { first: 2 });
    expect(history.edges.map((e) => [e.node.kind, e.node.summary, e.node.category])).toEqual([
      ['ORDER_CHANGE', 'Order change CANCEL of booking BK-7781 done', null],
      ['INQUIRY', 'Inquiry received via CHAT (VISA)', 'VISA'],
    ]);
    await db.dataSource.query(`DELETE FROM interaction WHERE source_service = 'inquiry'`);
  });

  it('dead-letters an event whose data breaks the contract, and records nothing', async () => {
    const bad = registered(4, '2026-11-04T10:00:00.000Z');
    bad.value = Buffer.from(JSON.stringify({ complaintId: 'not-a-uuid' }));
    await consumer.deliver(bad);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].topic).toBe('carebridge.dead-letter.carebridge.crm');
    expect(deadLetters[0].headers.dlq_error).toMatch(/complaint.registered/);
    expect((await interactions.forCustomer(customerId, {})).totalCount).toBe(3);
  });
});
