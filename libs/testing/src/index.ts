export * from './graphql-client';
export * from './platform-under-test';
export * from './test-database';
