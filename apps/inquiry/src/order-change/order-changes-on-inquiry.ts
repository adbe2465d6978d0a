import type { EntityManager } from 'typeorm';
import type { InquiryOrderChanges } from '../inquiry/inquiry-order-changes';
import { OrderChange } from './order-change.entity';

/** The order changes raised on an inquiry follow it: to the survivor of a merge, to the customer linked to it. */
export class OrderChangesOnInquiry implements InquiryOrderChanges {
  async latestBookingReference(manager: EntityManager, inquiryId: string): Promise<string | null> {
    const latest = await manager.findOne(OrderChange, { where: { inquiryId }, order: { requestedAt: 'DESC' } });
    return latest?.bookingReference ?? null;
  }

  async moveToInquiry(manager: EntityManager, fromInquiryId: string, toInquiryId: string): Promise<void> {
    await manager.update(OrderChange, { inquiryId: fromInquiryId }, { inquiryId: toInquiryId });
  }

  async linkCustomer(manager: EntityManager, inquiryId: string, customerId: string): Promise<void> {
    await manager.update(OrderChange, { inquiryId }, { customerId });
  }
}
