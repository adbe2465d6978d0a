import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import { FollowUp, FollowUpPlan } from './follow-up.entity';

/** Follow-ups and plans as a section of what crm keeps about a customer. */
export class FollowUpsSection implements CustomerDataSection {
  readonly section = 'followUps';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const followUps = await moveCustomerRows(manager, 'follow_up', fromId, toId);
    const plans = await moveCustomerRows(manager, 'follow_up_plan', fromId, toId);
    return followUps + plans;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return {
      followUps: await manager.find(FollowUp, { where: { customerId }, order: { dueAt: 'ASC' } }),
      plans: await manager.find(FollowUpPlan, { where: { customerId }, order: { createdAt: 'ASC' } }),
    };
  }

  /** Free text about the customer goes; open follow-ups are cancelled and plans stopped. Outcomes stay for statistics. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(
      `UPDATE follow_up SET purpose = NULL, notes = NULL, new_needs = NULL,
         status = CASE WHEN status = 'SCHEDULED' THEN 'CANCELLED'::follow_up_status ELSE status END,
         cancel_reason = CASE WHEN status = 'SCHEDULED' THEN 'the customer was erased' ELSE cancel_reason END
       WHERE customer_id = $1`,
      [customerId],
    );
    await manager.query(`UPDATE follow_up_plan SET active = false, purpose = NULL WHERE customer_id = $1`, [customerId]);
  }
}
