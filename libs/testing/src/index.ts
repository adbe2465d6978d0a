export * from './graphql-client';
export * from './platform-under-test';
export * from './service-database';
export * from './test-database';
