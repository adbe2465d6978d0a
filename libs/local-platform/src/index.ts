export * from './embedded-postgres';
export * from './platform';
export * from './ports';
export * from './service-process';
export * from './test-database';
export * from './subgraph-definitions';
