import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from './customer-data-section';
import { TravelDocument } from './travel-document.entity';

/** Travel documents on file: on a merge a document the survivor already has is dropped. */
export class TravelDocumentsSection implements CustomerDataSection {
  readonly section = 'travelDocuments';

  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    return moveCustomerRows(manager, 'travel_document', fromId, toId, ['kind', 'issuing_country', 'number']);
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(TravelDocument, { where: { customerId }, order: { createdAt: 'ASC' } });
  }

  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(TravelDocument, { customerId });
  }
}
