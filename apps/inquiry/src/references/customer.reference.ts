import { customerReferenceType } from '@carebridge/known-customers';

/**
 * crm's Customer in this subgraph: what `Inquiry.customer` and `OrderChange.customer` point to, and
 * what `Customer.inquiries` and `Customer.orderChanges` are added to. Made once, here, for the whole
 * subgraph (the library explains why every subgraph has its own).
 */
export const CustomerReference = customerReferenceType();
export type CustomerReference = InstanceType<typeof CustomerReference>;
