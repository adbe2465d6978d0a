// Per-request batching came to @carebridge/personal-data-access with the access log; crm's resolvers keep this path.
export { RequestBatch } from '@carebridge/personal-data-access';
