import type { EntityManager } from 'typeorm';
import type { CustomerRecords } from '../customer/customer-records';
import { Interaction } from './interaction.entity';

/** The interaction history as part of what crm keeps about a customer. */
export class InteractionRecords implements CustomerRecords {
  readonly section = 'interactions';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved] = await manager.query(`UPDATE interaction SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Interaction, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** The history holds no personal data (summaries are classifications and references), so it is kept for statistics. */
  async erase(): Promise<void> {
    return undefined;
  }
}
