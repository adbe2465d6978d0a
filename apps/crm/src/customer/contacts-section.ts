import type { EntityManager } from 'typeorm';
import { CustomerContact } from './customer-contact.entity';
import { type CustomerDataSection, dropRowsTheSurvivorHas } from './customer-data-section';

/** A customer's contacts: on a merge the survivor keeps its primaries, and contacts it already has are dropped. */
export class ContactsSection implements CustomerDataSection {
  readonly section = 'contacts';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await dropRowsTheSurvivorHas(manager, 'customer_contact', fromId, toId, ['kind', 'value']);
    const [, moved] = await manager.query(
      `UPDATE customer_contact d SET customer_id = $2,
         is_primary = d.is_primary AND NOT EXISTS (SELECT 1 FROM customer_contact s WHERE s.customer_id = $2 AND s.kind = d.kind AND s.is_primary)
       WHERE d.customer_id = $1`,
      [fromId, toId],
    );
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(CustomerContact, { where: { customerId }, order: { isPrimary: 'DESC', createdAt: 'ASC' } });
  }

  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(CustomerContact, { customerId });
  }
}
