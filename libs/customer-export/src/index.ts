export * from './customer-export-part.entity';
export * from './customer-export-contribution';
export * from './migrations';
