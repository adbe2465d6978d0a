import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ensureNotInFuture } from '@carebridge/domain';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerContactPreference } from './contact-preference.entity';
import { FollowUpCall } from './follow-up-call.entity';
import { FollowUpSurvey } from './follow-up-survey.entity';
import type { RecordFollowUpCallInput, SetCustomerContactPreferencesInput } from './follow-up.inputs';

/** Staff's side of follow-up: calls recorded by hand, and what a customer said about being contacted. */
export class FollowUpCalls {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordFollowUpCallInput, by: Identity): Promise<FollowUpCall> {
    const now = this.clock.now();
    const calledAt = input.calledAt ?? now;
    ensureNotInFuture(calledAt, now, 'input.calledAt');
    return this.dataSource.transaction(async (manager) => {
      const customerId = await this.knownCustomer(manager, input.customerId);
      if (input.surveyId) {
        const survey = await manager.findOneBy(FollowUpSurvey, { id: input.surveyId });
        if (!survey || survey.customerId !== customerId) throw BadUserInputError.field('input.surveyId', 'known-survey', `no survey "${input.surveyId}" of this customer`);
      }
      return manager.save(
        manager.create(FollowUpCall, {
          customerId,
          tripId: input.tripId ?? null,
          surveyId: input.surveyId ?? null,
          outcome: input.outcome,
          nps: input.nps ?? null,
          note: input.note?.trim() || null,
          calledAt,
          recordedBy: by.userId,
          createdAt: now,
        }),
      );
    });
  }

  /** The latest `first` calls to a customer (all when not given). */
  callsOf(customerId: string, first?: number): Promise<FollowUpCall[]> {
    return this.dataSource.getRepository(FollowUpCall).find({ where: { customerId }, order: { calledAt: 'DESC', id: 'DESC' }, take: first });
  }

  /** Sets what the customer said; every row of a merged customer follows. */
  async setPreferences(input: SetCustomerContactPreferencesInput, by: Identity): Promise<CustomerContactPreference> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const customerId = await this.knownCustomer(manager, input.customerId);
      return this.write(manager, customerId, { followUpConsent: input.followUpConsent ?? undefined, careOptOut: input.careOptOut ?? undefined }, now, now, by.userId);
    });
  }

  /**
   * The consent crm records, mirrored here (see docs/services/after-sales.md, "crm's consent"): a
   * statement older than the one held is ignored. Applied from crm's customer.consents_changed (on-customer-consents-changed.ts).
   */
  async recordConsent(manager: EntityManager, customerId: string, followUpConsent: boolean, statedAt: Date): Promise<void> {
    const rows = await manager.findBy(CustomerContactPreference, { customerId });
    if (rows.some((row) => row.consentChangedAt && row.consentChangedAt > statedAt)) return;
    await this.write(manager, customerId, { followUpConsent }, statedAt, this.clock.now(), 'crm');
  }

  async preferencesOf(customerId: string): Promise<CustomerContactPreference> {
    const rows = await this.dataSource.getRepository(CustomerContactPreference).findBy({ customerId });
    return merged(customerId, rows);
  }

  private async write(
    manager: EntityManager,
    customerId: string,
    change: { followUpConsent?: boolean; careOptOut?: boolean },
    statedAt: Date,
    now: Date,
    by: string,
  ): Promise<CustomerContactPreference> {
    const rows = await manager.find(CustomerContactPreference, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
    const targets = rows.length ? rows : [manager.create(CustomerContactPreference, { customerId, followUpConsent: true, careOptOut: false, consentChangedAt: null })];
    for (const row of targets) {
      if (change.followUpConsent !== undefined) Object.assign(row, { followUpConsent: change.followUpConsent, consentChangedAt: statedAt });
      if (change.careOptOut !== undefined) row.careOptOut = change.careOptOut;
      Object.assign(row, { updatedBy: by, updatedAt: now });
    }
    return merged(customerId, await manager.save(targets));
  }

  private async knownCustomer(manager: EntityManager, customerId: string): Promise<string> {
    const standing = await this.customers.standing(manager, customerId);
    if (standing.state !== 'KNOWN') {
      throw BadUserInputError.field('input.customerId', 'known-customer', standing.state === 'ERASED' ? `customer "${customerId}" was erased` : `no customer with id "${customerId}" is known`);
    }
    return standing.id;
  }
}

/** The strictest of a customer's rows (several after a merge); the defaults without one. */
function merged(customerId: string, rows: CustomerContactPreference[]): CustomerContactPreference {
  const latest = rows.reduce<CustomerContactPreference | undefined>((a, b) => (!a || b.updatedAt > a.updatedAt ? b : a), undefined);
  return Object.assign(new CustomerContactPreference(), {
    id: latest?.id ?? '',
    customerId,
    followUpConsent: rows.every((row) => row.followUpConsent),
    careOptOut: rows.some((row) => row.careOptOut),
    consentChangedAt: latest?.consentChangedAt ?? null,
    updatedBy: latest?.updatedBy ?? 'system',
    updatedAt: latest?.updatedAt ?? new Date(0),
  });
}
