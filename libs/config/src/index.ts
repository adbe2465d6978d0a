export * from './config';
export * from './database-url';
export * from './topology';
