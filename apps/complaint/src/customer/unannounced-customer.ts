import type { PendingCustomerReference, PendingReferencePolicy } from '@carebridge/known-customers';
import type { EntityManager } from 'typeorm';
import { ESCALATION_ROLE } from '../deadline/deadline-monitor';
import { type ComplaintHistory, SYSTEM_ACTOR } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';

/**
 * Complaints registered for a customer crm never announced (CUSTOMER_REFERENCE_WAIT_MINUTES): each
 * is escalated to a supervisor, as a breached deadline is, with the reason in its history, so that
 * someone checks the customer id with crm rather than the complaint waiting for a profile that never comes.
 */
export function unannouncedCustomerPolicy(history: ComplaintHistory, settings: { waitMinutes: number; checkEveryMs: number }): PendingReferencePolicy {
  return {
    ...settings,
    async flagged(manager: EntityManager, references: PendingCustomerReference[], at: Date) {
      for (const reference of references.filter((r) => r.recordKind === 'complaint')) {
        await manager.query(
          `UPDATE complaint SET escalated_at = COALESCE(escalated_at, $2), escalated_to_role = COALESCE(escalated_to_role, $3), version = version + 1, updated_at = $2 WHERE id = $1`,
          [reference.recordId, at, ESCALATION_ROLE],
        );
        await history.record(manager, reference.recordId, {
          action: ComplaintAction.ESCALATED,
          actor: SYSTEM_ACTOR,
          at,
          changes: { escalatedToRole: { to: ESCALATION_ROLE }, customerId: { to: reference.customerId } },
          reason: `crm has not announced the customer within ${settings.waitMinutes} minutes`,
        });
      }
    },
  };
}
