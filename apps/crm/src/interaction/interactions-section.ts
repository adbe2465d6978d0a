import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import { Interaction } from './interaction.entity';

/** The interaction history as a section of what crm keeps about a customer. */
export class InteractionsSection implements CustomerDataSection {
  readonly section = 'interactions';

  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    return moveCustomerRows(manager, 'interaction', fromId, toId);
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Interaction, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** The history holds no personal data (summaries are classifications and references), so it is kept for statistics. */
  async erase(): Promise<void> {
    return undefined;
  }
}
