import { complaintRegistered } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { recordHistory } from './inquiry-history';
import { Inquiry } from './inquiry.entity';
import { ComplaintProgress, InquiryHistoryKind } from './inquiry.enums';

/**
 * complaint.registered for an escalated inquiry: the complaint the inquiry asked for exists now
 * (REGISTERED, with its registration number). An inquiry escalated before ids were assigned up
 * front learns the complaint's id here.
 */
export function onComplaintRegistered(): EventHandler<typeof complaintRegistered> {
  return onEvent(complaintRegistered, async (event, manager) => {
    const { inquiryId, complaintId, registrationNumber } = event.data;
    if (!inquiryId) return;
    const inquiry = await manager.findOne(Inquiry, { where: { id: inquiryId }, lock: { mode: 'pessimistic_write' } });
    // Another environment's inquiry, a complaint other than the one asked for, or one linked already: nothing to do.
    if (!inquiry || (inquiry.complaintId && inquiry.complaintId !== complaintId) || inquiry.complaintRegistrationNumber) return;
    const at = new Date(event.data.registeredAt);
    await manager.update(Inquiry, { id: inquiry.id }, {
      complaintId,
      complaintRegistrationNumber: registrationNumber,
      // A close or reopening that overtook the registration stays.
      complaintProgress: inquiry.complaintProgress && inquiry.complaintProgress !== ComplaintProgress.REQUESTED ? inquiry.complaintProgress : ComplaintProgress.REGISTERED,
      complaintProgressAt: inquiry.complaintProgressAt && inquiry.complaintProgressAt > at ? inquiry.complaintProgressAt : at,
      updatedAt: at,
    });
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.COMPLAINT_LINKED, `Complaint ${registrationNumber} registered from this inquiry`, null, at);
  });
}
