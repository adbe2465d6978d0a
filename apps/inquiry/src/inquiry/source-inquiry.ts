import type { complaintClosed, complaintReopened, EventData } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import type { InquiryClosing } from './inquiry-closing';
import { recordHistory } from './inquiry-history';
import { Inquiry } from './inquiry.entity';
import { ComplaintProgress, InquiryHistoryKind } from './inquiry.enums';

/**
 * The source inquiry follows its complaint: closed when the complaint is closed, and showing a
 * reopened complaint (it stays closed itself: the complaint service handles the case now).
 */
export class SourceInquiry {
  constructor(private readonly closing: InquiryClosing) {}

  async complaintClosed(manager: EntityManager, data: EventData<typeof complaintClosed>): Promise<void> {
    const inquiry = await this.sourceOf(manager, data.complaintId);
    if (!inquiry) return;
    const at = new Date(data.closedAt);
    await this.progress(manager, inquiry, ComplaintProgress.CLOSED, at, { complaintRegistrationNumber: data.registrationNumber });
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.COMPLAINT_CLOSED, `Complaint ${data.registrationNumber} closed`, null, at);
    await this.closing.closeWithComplaint(manager, inquiry, { registrationNumber: data.registrationNumber, closedBy: data.closedBy, closedAt: at });
  }

  async complaintReopened(manager: EntityManager, data: EventData<typeof complaintReopened>): Promise<void> {
    const inquiry = await this.sourceOf(manager, data.complaintId);
    if (!inquiry) return;
    const at = new Date(data.reopenedAt);
    await this.progress(manager, inquiry, ComplaintProgress.REOPENED, at, {});
    const number = inquiry.complaintRegistrationNumber ?? data.complaintId;
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.COMPLAINT_REOPENED, `Complaint ${number} reopened: ${data.reason}`, data.reopenedBy, at);
  }

  private sourceOf(manager: EntityManager, complaintId: string): Promise<Inquiry | null> {
    return manager.findOne(Inquiry, { where: { complaintId }, lock: { mode: 'pessimistic_write' } });
  }

  private async progress(manager: EntityManager, inquiry: Inquiry, progress: ComplaintProgress, at: Date, more: Partial<Inquiry>): Promise<void> {
    await manager.update(Inquiry, { id: inquiry.id }, { complaintProgress: progress, complaintProgressAt: at, updatedAt: at, ...more });
  }
}
