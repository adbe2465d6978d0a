import type { PendingCustomerReference, PendingReferencePolicy } from '@carebridge/known-customers';
import type { EntityManager } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { InquiryHistoryKind, InquiryPriority } from '../inquiry/inquiry.enums';

/**
 * Inquiries received for a customer crm never announced (CUSTOMER_REFERENCE_WAIT_MINUTES): each is
 * raised to URGENT, so that it leads the queue and a supervisor sees it, with the reason in its
 * history — the agent checks the customer id with crm instead of the inquiry pointing at no one.
 */
export function unannouncedCustomerPolicy(settings: { waitMinutes: number; checkEveryMs: number }): PendingReferencePolicy {
  return {
    ...settings,
    async flagged(manager: EntityManager, references: PendingCustomerReference[], at: Date) {
      for (const reference of references.filter((r) => r.recordKind === 'inquiry')) {
        await manager.query(`UPDATE inquiry SET priority = $2, updated_at = $3 WHERE id = $1`, [reference.recordId, InquiryPriority.URGENT, at]);
        await recordHistory(
          manager,
          reference.recordId,
          InquiryHistoryKind.PRIORITY_CHANGED,
          `Raised to URGENT: crm has not announced customer ${reference.customerId} within ${settings.waitMinutes} minutes`,
          null,
          at,
        );
      }
    },
  };
}
