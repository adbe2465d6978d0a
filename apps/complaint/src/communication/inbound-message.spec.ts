import { randomUUID } from 'node:crypto';
import { inboundMessageReceived } from '@carebridge/event-contracts';
import { openComplaint, people } from '../complaint.fixture';
import { ComplaintHistoryEntry } from '../history/complaint-history.entity';
import { ComplaintStatus } from '../status/status.enums';
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

  it('ends the wait on the customer when they answer, and the feedback deadline moves on by the business time it stood still', async () => {
    const world = await openComplaint();
    try {
      const customerId = await world.learnCustomer();
      const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
      const waiting = await world.work.setWaiting({ complaintId: complaint.id, waiting: true }, people.specialist);
      world.db.clock.advance(2 * 3_600_000);
      const answer = {
        messageId: randomUUID(),
        channel: 'EMAIL' as const,
        receivedAt: world.db.clock.now().toISOString(),
        customerId,
        from: { address: 'alex@example.com', name: null },
        thread: { kind: 'COMPLAINT' as const, id: complaint.id },
        subject: 'Re: Your complaint',
        body: 'Here is the receipt you asked for.',
        attachments: [],
      };
      const id = randomUUID();
      await world.deliver(inboundMessageReceived, answer, id);
      await world.deliver(inboundMessageReceived, answer, id);
      const after = (await world.queries.findById(complaint.id)) as NonNullable<Awaited<ReturnType<typeof world.queries.findById>>>;
      expect(after).toMatchObject({ status: 'IN_PROGRESS', waitingSince: null });
      expect(after.feedbackDueAt.getTime()).toBeGreaterThanOrEqual(waiting.feedbackDueAt.getTime());
      const ended = await world.db.dataSource.getRepository(ComplaintHistoryEntry).find({ where: { complaintId: complaint.id, action: 'WAIT_ENDED' as never } });
      expect(ended).toEqual([expect.objectContaining({ actorId: 'system', reason: 'the customer answered by e-mail', at: world.db.clock.now() })]);
      expect(ended[0].changes).toMatchObject({ waitingSince: { to: null }, pausedSeconds: { to: 7200 } });

      // An answer while nothing waits only joins the conversation.
      await world.deliver(inboundMessageReceived, { ...answer, messageId: randomUUID(), body: 'One more thing.' });
      expect(await world.db.dataSource.getRepository(ComplaintHistoryEntry).countBy({ complaintId: complaint.id, action: 'WAIT_ENDED' as never })).toBe(1);
      expect(world.deadLetters).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
