import { complaintRegistered } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { recordHistory } from './inquiry-history';
import { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind } from './inquiry.enums';

/** complaint.registered for an escalated inquiry: the inquiry now shows its complaint (`Inquiry.complaint`). */
export function onComplaintRegistered(): EventHandler<typeof complaintRegistered> {
  return onEvent(complaintRegistered, async (event, manager) => {
    const { inquiryId, complaintId, registrationNumber } = event.data;
    if (!inquiryId) return;
    const inquiry = await manager.findOne(Inquiry, { where: { id: inquiryId }, lock: { mode: 'pessimistic_write' } });
    // Another environment's inquiry, or one linked already: nothing to do.
    if (!inquiry || inquiry.complaintId) return;
    const at = new Date(event.data.registeredAt);
    await manager.update(Inquiry, { id: inquiry.id }, { complaintId, updatedAt: at });
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.COMPLAINT_LINKED, `Complaint ${registrationNumber} registered from this inquiry`, null, at);
  });
}
