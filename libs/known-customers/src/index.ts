export * from './customer-record-kinds';
export * from './customer-records';
export * from './customer-reference';
export * from './known-customer.entity';
export * from './known-customers';
export * from './migrations';
