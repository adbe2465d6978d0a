// Where services took it from before the kit had it; the kit's loader is the one implementation.
export { RequestLoader as RequestBatch } from '@carebridge/service-kit';
