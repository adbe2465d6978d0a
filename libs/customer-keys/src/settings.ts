import { createHash } from 'node:crypto';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import { EventFieldEncryption } from './event-field-encryption';
import type { CustomerKeyStore, Queryable } from './key-store';
import { PostgresCustomerKeyStore } from './postgres-key-store';
import { PostgresErasureRecord, VaultTransitKeyStore } from './vault-transit-key-store';

/** Outside production, the master key of the embedded store is this fixed development key. */
export const DEVELOPMENT_MASTER_KEY = createHash('sha256').update('carebridge development customer keys').digest();

const masterKey = z
  .string()
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((key) => key.length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
  .optional();

/** The key store settings every service reads; see docs/security.md, "Personal data in events". */
export function customerKeySettings(env: Environment) {
  const settings = loadConfig(
    {
      NODE_ENV: setting.nodeEnv(),
      CUSTOMER_KEYS_STORE: z.enum(['postgres', 'vault-transit'], { message: 'must be postgres or vault-transit' }).default('postgres'),
      CUSTOMER_KEYS_DATABASE_URL: setting.url(['postgres', 'postgresql']).optional(),
      CUSTOMER_KEYS_DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case Postgres identifier').default('carebridge_keys'),
      CUSTOMER_KEYS_MASTER_KEY: masterKey,
      CUSTOMER_KEYS_CACHE_SECONDS: setting.positiveInt(60),
      VAULT_ADDR: setting.url(['http', 'https']).optional(),
      VAULT_TOKEN: z.string().optional(),
      VAULT_NAMESPACE: z.string().optional(),
      VAULT_TRANSIT_MOUNT: z.string().default('transit'),
    },
    env,
  );
  const problems: string[] = [];
  if (settings.CUSTOMER_KEYS_STORE === 'postgres' && settings.NODE_ENV === 'production' && !settings.CUSTOMER_KEYS_MASTER_KEY) {
    problems.push('CUSTOMER_KEYS_MASTER_KEY: production needs its own master key for the customer key store (not set)');
  }
  if (settings.CUSTOMER_KEYS_MASTER_KEY?.equals(DEVELOPMENT_MASTER_KEY) && settings.NODE_ENV === 'production') {
    problems.push('CUSTOMER_KEYS_MASTER_KEY: is the development key; production needs its own');
  }
  if (settings.CUSTOMER_KEYS_STORE === 'vault-transit') {
    if (!settings.VAULT_ADDR) problems.push('VAULT_ADDR: the vault-transit key store needs the Vault address (not set)');
    if (!settings.VAULT_TOKEN) problems.push('VAULT_TOKEN: the vault-transit key store needs a token (not set)');
  }
  if (problems.length) throw new ConfigurationError(problems);
  return settings;
}

export type CustomerKeySettings = ReturnType<typeof customerKeySettings>;

/**
 * The configured key store on `database` (the key store's own database; with Vault it holds only
 * the record of erasures), and the field encryption every outbox and consumer of the process shares.
 */
export function createEventFieldEncryption(settings: CustomerKeySettings, database: Queryable): EventFieldEncryption {
  const keys: CustomerKeyStore =
    settings.CUSTOMER_KEYS_STORE === 'vault-transit'
      ? new VaultTransitKeyStore({
          address: settings.VAULT_ADDR ?? '',
          token: settings.VAULT_TOKEN ?? '',
          namespace: settings.VAULT_NAMESPACE,
          mount: settings.VAULT_TRANSIT_MOUNT,
          erasures: new PostgresErasureRecord(database),
        })
      : new PostgresCustomerKeyStore(database, settings.CUSTOMER_KEYS_MASTER_KEY ?? DEVELOPMENT_MASTER_KEY);
  return new EventFieldEncryption(keys, { unwrappedTtlMs: settings.CUSTOMER_KEYS_CACHE_SECONDS * 1000 });
}
