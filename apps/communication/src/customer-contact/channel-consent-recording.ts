import type { Identity } from '@carebridge/auth';
import { BadUserInputError, isUuid } from '@carebridge/domain';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerConsent } from './customer-consent.entity';
import type { CustomerConsents } from './customer-consents';
import type { SetChannelConsentInput } from './customer-consent.inputs';

/** Staff record what the customer said about one channel (no more SMS, say); crm's consents cover all channels. */
export class ChannelConsentRecording {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly consents: CustomerConsents,
    private readonly clock: Clock,
  ) {}

  set(input: SetChannelConsentInput, by: Identity): Promise<CustomerConsent[]> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.customers.isCurrent(manager, input.customerId))) throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      await this.consents.state(manager, input.customerId, input.purpose, input.channel, input.granted, this.clock.now(), by.userId);
      return this.consents.list(manager, input.customerId);
    });
  }

  list(customerId: string): Promise<CustomerConsent[]> {
    if (!isUuid(customerId)) throw BadUserInputError.field('customerId', 'uuid', 'must be a customer id (UUID)');
    return this.dataSource.transaction((manager) => this.consents.list(manager, customerId));
  }
}
