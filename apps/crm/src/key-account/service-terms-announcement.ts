import { customerServiceTermsChanged, type EventData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { KeyAccount, KeyAccountMember } from './key-account.entity';
import { KeyAccountStatus, type ServiceTerms } from './key-account.enums';

type AnnouncedTerms = NonNullable<EventData<typeof customerServiceTermsChanged>['terms']>;

/**
 * Tells inquiry and complaint which key-account terms apply to a customer now
 * (`customer.service_terms_changed`, one event per member), in the transaction of the change.
 */
export class ServiceTermsAnnouncement {
  constructor(private readonly outbox: Outbox) {}

  /** The customer's terms are the account's (or none, for no account or a closed one). */
  async announce(manager: EntityManager, customerId: string, account: KeyAccount | null, at: Date): Promise<void> {
    const applies = account && account.status === KeyAccountStatus.ACTIVE;
    await this.outbox.publish(manager, customerServiceTermsChanged, {
      customerId,
      keyAccountId: applies ? account.id : null,
      terms: applies ? announcedTerms(account.serviceTerms) : null,
      changedAt: at.toISOString(),
    });
  }

  /** Every member of the account, after its terms or status changed. */
  async announceMembers(manager: EntityManager, account: KeyAccount, at: Date): Promise<void> {
    const members = await manager.find(KeyAccountMember, { where: { keyAccountId: account.id }, order: { addedAt: 'ASC', id: 'ASC' } });
    for (const member of members) await this.announce(manager, member.customerId, account, at);
  }

  /** The customer's membership as it is now (after a merge moved it, say). */
  async announceCurrent(manager: EntityManager, customerId: string, at: Date): Promise<void> {
    const member = await manager.findOneBy(KeyAccountMember, { customerId });
    const account = member ? await manager.findOneBy(KeyAccount, { id: member.keyAccountId }) : null;
    await this.announce(manager, customerId, account, at);
  }
}

function announcedTerms(terms: ServiceTerms): AnnouncedTerms {
  return {
    responseTargetMinutes: responseTargetMinutes(terms),
    dedicatedContact: terms.dedicatedContact ?? null,
    compensationRules: terms.compensationRules ?? [],
    validUntil: terms.validUntil ? new Date(terms.validUntil).toISOString() : null,
  };
}

/** Terms stored before the target was kept in minutes carry it in hours. */
export function responseTargetMinutes(terms: ServiceTerms): number {
  return terms.responseTargetMinutes ?? (terms.responseTimeHours ?? 4) * 60;
}
