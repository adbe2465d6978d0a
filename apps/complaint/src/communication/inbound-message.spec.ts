import { randomUUID } from 'node:crypto';
import { inboundMessageReceived } from '@carebridge/event-contracts';
import { openComplaint } from '../complaint.fixture';
import { ConversationMessage } from '../complaint/conversation-message.entity';

describe("a customer's e-mail answer about a complaint (communication's inbound_message.received)", () => {
  it("joins the complaint's conversation once; mail about anything else is left alone", async () => {
    const world = await openComplaint();
    try {
      const customerId = await world.learnCustomer();
      const complaint = await world.register(customerId);
      const event = {
        messageId: randomUUID(),
        channel: 'EMAIL' as const,
        receivedAt: world.db.clock.now().toISOString(),
        customerId,
        from: { address: 'alex@example.com', name: null },
        thread: { kind: 'COMPLAINT' as const, id: complaint.id },
        subject: 'Re: Your complaint',
        body: 'The bag still has not arrived.',
        attachments: [{ attachmentId: randomUUID(), fileName: 'tag.jpg', contentType: 'image/jpeg', size: 10 }],
      };
      const id = randomUUID();
      await world.deliver(inboundMessageReceived, event, id);
      await world.deliver(inboundMessageReceived, event, id);
      await world.deliver(inboundMessageReceived, { ...event, thread: { kind: 'INQUIRY', id: randomUUID() } });
      const conversation = await world.db.dataSource.getRepository(ConversationMessage).find({ where: { complaintId: complaint.id }, order: { position: 'ASC' } });
      expect(conversation.map((m) => [m.direction, m.body])).toEqual([['INBOUND', 'The bag still has not arrived.\n\n[Attachments: tag.jpg (image/jpeg, 10 bytes)]']]);
      expect(world.deadLetters).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
