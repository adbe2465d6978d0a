export * from './known-customer.entity';
export * from './known-customers';
