export { createTestDatabase, testPostgresUrl, withTestServer, type TestDatabase } from '@carebridge/local-platform';
export * from './direct-transport';
export * from './graphql-client';
export * from './input-fuzz';
export * from './messaging';
export * from './platform-under-test';
export * from './service-database';
export * from './service-under-test';
export * from './shared-platform';
