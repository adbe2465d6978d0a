import type { CustomerRecordSections } from '@carebridge/customer-export';
import { type EntityManager, In } from 'typeorm';
import { ComplaintClosure } from '../complaint/complaint-closure.entity';
import { ComplaintFeedback } from '../complaint/complaint-feedback.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ConversationMessage } from '../complaint/conversation-message.entity';
import { ComplaintHistoryEntry } from '../history/complaint-history.entity';
import { CompensationItem } from '../resolution/compensation-item.entity';

/**
 * The complaint service's part of a customer data export: every complaint about the customer
 * (including those re-pointed from merged profiles) with everything recorded on it — the
 * customer's words, attachments, involved parties, feedback, conversation, compensation, closing
 * and the full history.
 */
export async function collectComplaintRecords(manager: EntityManager, customerId: string): Promise<CustomerRecordSections> {
  const complaints = await manager.find(Complaint, { where: { customerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const ids = complaints.map((c) => c.id);
  if (!ids.length) return { complaints: [] };
  const of = { complaintId: In(ids) };
  return {
    complaints: complaints.map(({ version: _version, ...complaint }) => complaint),
    conversationMessages: await manager.find(ConversationMessage, { where: of, order: { at: 'ASC', id: 'ASC' } }),
    feedback: await manager.find(ComplaintFeedback, { where: of, order: { givenAt: 'ASC', id: 'ASC' } }),
    compensationItems: await manager.find(CompensationItem, { where: of, order: { proposedAt: 'ASC', id: 'ASC' } }),
    closures: await manager.find(ComplaintClosure, { where: of, order: { closedAt: 'ASC', id: 'ASC' } }),
    history: await manager.find(ComplaintHistoryEntry, { where: of, order: { at: 'ASC', id: 'ASC' } }),
  };
}
