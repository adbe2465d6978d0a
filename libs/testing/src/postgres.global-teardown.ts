// eslint-disable-next-line @nx/enforce-module-boundaries
import type { LocalPostgres } from '../../local-platform/src/embedded-postgres';

export default async function teardown(): Promise<void> {
  await (globalThis as { __carebridgePostgres?: LocalPostgres }).__carebridgePostgres?.stop();
}
