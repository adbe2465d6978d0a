export * from './customer-record-kinds';
export * from './customer-records';
export * from './customer-reference';
export type { CustomerStanding } from './known-customers';
export * from './migrations';
export * from './key-account-terms';
export * from './key-account-terms.entity';
export * from './pending-customer-reference.entity';
export * from './pending-customer-references';
