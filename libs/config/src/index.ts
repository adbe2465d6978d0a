export * from './business-hours';
export * from './config';
export * from './database-url';
export * from './topology';
export * from './secrets';
