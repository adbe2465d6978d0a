export * from './migrations';
export * from './personal-data-access-log';
export * from './personal-data-access.entity';
export * from './personal-data-access.graphql';
export * from './request-batch';
export * from './personal-data-access-report';
