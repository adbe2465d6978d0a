import type { EntityManager } from 'typeorm';
import type { CustomerRecords } from './customer-records';
import { CustomerContact } from './customer-contact.entity';
import { TravelDocument } from './travel-document.entity';

/** Contacts and documents: on a merge the survivor keeps its primaries, and duplicates of what it already has are dropped. */
export class ContactRecords implements CustomerRecords {
  readonly section = 'contacts';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `DELETE FROM customer_contact d WHERE d.customer_id = $1
         AND EXISTS (SELECT 1 FROM customer_contact s WHERE s.customer_id = $2 AND s.kind = d.kind AND s.value = d.value)`,
      [fromId, toId],
    );
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

export class DocumentRecords implements CustomerRecords {
  readonly section = 'travelDocuments';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `DELETE FROM travel_document d WHERE d.customer_id = $1
         AND EXISTS (SELECT 1 FROM travel_document s WHERE s.customer_id = $2 AND s.kind = d.kind AND s.issuing_country = d.issuing_country AND s.number = d.number)`,
      [fromId, toId],
    );
    const [, moved] = await manager.query(`UPDATE travel_document SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(TravelDocument, { where: { customerId }, order: { createdAt: 'ASC' } });
  }

  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(TravelDocument, { customerId });
  }
}
