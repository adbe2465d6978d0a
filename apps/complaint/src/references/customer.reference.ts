import { customerReferenceType } from '@carebridge/known-customers';

/** crm's Customer, as far as the complaint service contributes to it (`Customer.complaints`). */
export const CustomerReference = customerReferenceType();
export type CustomerReference = InstanceType<typeof CustomerReference>;
