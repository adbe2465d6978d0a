import { inboundMessageReceived } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { Complaint } from '../complaint/complaint.entity';
import { ConversationMessage } from '../complaint/conversation-message.entity';
import { MessageDirection } from '../complaint/complaint.enums';

/**
 * communication's inbound_message.received for a complaint (the customer answered one of its
 * mails): the answer joins the complaint's conversation, the attachments (kept by communication)
 * named below it. Mail about anything else is the inquiry service's.
 */
export function onInboundMessageReceived(): EventHandler<typeof inboundMessageReceived> {
  return onEvent(inboundMessageReceived, async ({ data }, manager) => {
    if (data.thread?.kind !== 'COMPLAINT') return;
    const complaint = await manager.findOne(Complaint, { where: { id: data.thread.id }, lock: { mode: 'pessimistic_write' } });
    if (!complaint) return;
    const [{ last }] = await manager.query(`SELECT COALESCE(MAX(position), -1) AS last FROM complaint_conversation_message WHERE complaint_id = $1`, [complaint.id]);
    const files = data.attachments.map((a) => `${a.fileName} (${a.contentType}, ${a.size} bytes)`).join(', ');
    await manager.insert(ConversationMessage, {
      complaintId: complaint.id,
      position: Number(last) + 1,
      direction: MessageDirection.INBOUND,
      authorId: null,
      at: new Date(data.receivedAt),
      body: files ? `${data.body}\n\n[Attachments: ${files}]` : data.body,
    });
  });
}
