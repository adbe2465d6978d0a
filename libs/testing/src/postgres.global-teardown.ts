import type { LocalPostgres } from '@carebridge/local-platform';

export default async function teardown(): Promise<void> {
  await (globalThis as { __carebridgePostgres?: LocalPostgres }).__carebridgePostgres?.stop();
}
