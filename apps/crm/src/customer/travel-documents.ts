import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { Customer } from './customer.entity';
import type { AddTravelDocumentInput, RemoveTravelDocumentInput } from './customer.inputs';
import type { CustomerProfiles } from './customer-profiles';
import { isCalendarDate } from './profile-values';
import { TravelDocument } from './travel-document.entity';

/** Passports and other travel documents on file: each once per customer, kind, country and number. */
export class TravelDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfiles,
    private readonly clock: Clock,
  ) {}

  async add(input: AddTravelDocumentInput, by: Identity): Promise<Customer> {
    if (input.expiresOn && !isCalendarDate(input.expiresOn)) throw BadUserInputError.field('input.expiresOn', 'date', 'must be a real calendar date');
    const number = input.number.replace(/\s/g, '').toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.profiles.lockedActive(manager, input.customerId, 'input.customerId');
      if (await manager.existsBy(TravelDocument, { customerId: customer.id, kind: input.kind, issuingCountry: input.issuingCountry, number })) {
        throw BadUserInputError.field('input.number', 'unique', 'is already on file for this customer');
      }
      await manager.insert(TravelDocument, {
        customerId: customer.id,
        kind: input.kind,
        number,
        issuingCountry: input.issuingCountry,
        expiresOn: input.expiresOn ?? null,
        createdBy: by.userId,
        createdAt: this.clock.now(),
      });
      return this.profiles.saveAndPublish(manager, customer, ['documents']);
    });
  }

  async remove(input: RemoveTravelDocumentInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const { record: document, customer } = await this.profiles.lockedOwnerOf(manager, TravelDocument, input.documentId, 'input.documentId');
      await manager.delete(TravelDocument, { id: document.id });
      return this.profiles.saveAndPublish(manager, customer, ['documents']);
    });
  }
}
