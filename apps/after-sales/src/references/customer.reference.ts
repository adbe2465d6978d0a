import { customerReferenceType } from '@carebridge/known-customers';

/** crm's Customer, as far as after-sales contributes to it (`Customer.trips`). */
export const CustomerReference = customerReferenceType();
export type CustomerReference = InstanceType<typeof CustomerReference>;
