import { inboundMessageReceived } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { DeadlineClock } from '../complaint/complaint-deadlines';
import { Complaint } from '../complaint/complaint.entity';
import { ConversationMessage } from '../complaint/conversation-message.entity';
import { MessageDirection } from '../complaint/complaint.enums';
import { endWait } from '../complaint/waiting-on-customer';
import { type ComplaintHistory, SYSTEM_ACTOR } from '../history/complaint-history';

/**
 * communication's inbound_message.received for a complaint (the customer answered one of its
 * mails): the answer joins the complaint's conversation, the attachments (kept by communication)
 * named below it. An answer while the complaint waits on the customer ends the wait, so the
 * feedback clock runs again from when the answer arrived. Mail about anything else is the
 * inquiry service's.
 */
export function onInboundMessageReceived(deadlines: DeadlineClock, history: ComplaintHistory): EventHandler<typeof inboundMessageReceived> {
  return onEvent(inboundMessageReceived, async ({ data }, manager) => {
    if (data.thread?.kind !== 'COMPLAINT') return;
    const complaint = await manager.findOne(Complaint, { where: { id: data.thread.id }, lock: { mode: 'pessimistic_write' } });
    if (!complaint) return;
    const receivedAt = new Date(data.receivedAt);
    const [{ last }] = await manager.query(`SELECT COALESCE(MAX(position), -1) AS last FROM complaint_conversation_message WHERE complaint_id = $1`, [complaint.id]);
    const files = data.attachments.map((a) => `${a.fileName} (${a.contentType}, ${a.size} bytes)`).join(', ');
    await manager.insert(ConversationMessage, {
      complaintId: complaint.id,
      position: Number(last) + 1,
      direction: MessageDirection.INBOUND,
      authorId: null,
      at: receivedAt,
      body: files ? `${data.body}\n\n[Attachments: ${files}]` : data.body,
    });
    // An answer that arrived before the wait began does not end it.
    if (!complaint.waitingSince || complaint.waitingSince > receivedAt) return;
    const ended = endWait(deadlines, complaint, receivedAt);
    complaint.updatedAt = receivedAt;
    await manager.save(complaint);
    await history.record(manager, complaint.id, { ...ended, actor: SYSTEM_ACTOR, at: receivedAt, reason: 'the customer answered by e-mail' });
  });
}
