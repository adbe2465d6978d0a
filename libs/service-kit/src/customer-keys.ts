import { databaseUrl, type Environment } from '@carebridge/config';
import { createEventFieldEncryption, customerKeySettings, type EventFieldEncryption } from '@carebridge/customer-keys';
import { Pool } from 'pg';
import { ensureDatabase } from './database';
import type { Logger } from './logger';

/**
 * The process's customer key store (docs/security.md, "Personal data in events"): the embedded one
 * in its own database on the services' Postgres server (CUSTOMER_KEYS_DATABASE_URL/_NAME), or Vault
 * transit with its record of erasures there. Every service reaches the same store, so each can open
 * what another sealed.
 */
export async function openCustomerKeys(env: Environment, databaseServerUrl: string, logger: Logger): Promise<{ personalFields: EventFieldEncryption; close(): Promise<void> }> {
  const settings = customerKeySettings(env);
  const serverUrl = settings.CUSTOMER_KEYS_DATABASE_URL ?? databaseServerUrl;
  await ensureDatabase(serverUrl, settings.CUSTOMER_KEYS_DATABASE_NAME, logger);
  const pool = new Pool({ connectionString: databaseUrl(serverUrl, settings.CUSTOMER_KEYS_DATABASE_NAME), max: 3, application_name: 'carebridge-customer-keys' });
  pool.on('error', (error) => logger.warn({ err: error.message }, 'customer key store connection error'));
  const personalFields = createEventFieldEncryption(settings, { query: async (sql, parameters) => (await pool.query(sql, parameters as unknown[])).rows });
  return { personalFields, close: () => pool.end() };
}
