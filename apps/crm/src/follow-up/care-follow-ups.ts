import type { careContactDue, EventData } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import { currentCustomer } from '../customer/customer-profiles';
import { accountManagerOf } from '../key-account/key-account-lookups';
import { FollowUp } from './follow-up.entity';
import { FollowUpKind, FollowUpReason } from './follow-up.enums';
import type { FollowUpScheduling } from './follow-up-scheduling';

/** What the follow-up is about, per care rule of after-sales (T-4.4). */
const PURPOSE: Record<EventData<typeof careContactDue>['kind'], string> = {
  PRE_DEPARTURE_DOCUMENTS: 'Before departure: check the customer has their travel documents',
  PRE_DEPARTURE_VISA: 'Before departure: check the customer has the visas they need',
  PRE_DEPARTURE_CHECK_IN: 'Before departure: remind the customer of check-in',
  TRIP_ANNIVERSARY: "Anniversary of the customer's trip",
};

/**
 * after-sales' care contacts (care_contact.due) become follow-ups on crm's list, reason
 * CARE_REMINDER, due when the contact is: one per care contact (a unique index on
 * care_contact_id), on the survivor of a merged customer, none for an erased or unknown customer
 * or one without follow-up consent. Owned by the key-account manager, else by nobody.
 */
export class CareFollowUps {
  constructor(private readonly scheduling: FollowUpScheduling) {}

  async whenDue(contact: EventData<typeof careContactDue>, manager: EntityManager): Promise<void> {
    const customer = await currentCustomer(manager, contact.customerId);
    if (!customer || !customer.followUpConsent) return;
    if (await manager.existsBy(FollowUp, { careContactId: contact.careContactId })) return;
    await this.scheduling.scheduleIn(manager, {
      customerId: customer.id,
      kind: contact.kind === 'TRIP_ANNIVERSARY' ? FollowUpKind.CALL : FollowUpKind.EMAIL,
      reason: FollowUpReason.CARE_REMINDER,
      dueAt: new Date(contact.dueAt),
      ownerId: await accountManagerOf(manager, customer.id),
      purpose: `${PURPOSE[contact.kind]} (${contact.occasionAt.slice(0, 10)})`,
      careContactId: contact.careContactId,
      createdBy: 'crm',
    });
  }
}
