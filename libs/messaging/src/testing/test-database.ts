import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { CreateMessagingTables1763700000000 } from '../migrations';

// The messaging tests' own small copies of @carebridge/testing's createTestDatabase and
// @carebridge/service-kit's createDataSource: both of those libraries build on messaging, so
// importing them here would make a dependency cycle (which the module-boundary lint refuses).

/** The Postgres server of this test run (started by jest.global-setup.js). */
export function testPostgresUrl(): string {
  const url = process.env.CAREBRIDGE_TEST_POSTGRES_URL;
  if (!url) throw new Error('No test Postgres: libs/messaging/jest.global-setup.js sets CAREBRIDGE_TEST_POSTGRES_URL');
  return url;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a connection to the server's `postgres` database. */
export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(testPostgresUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the test server. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(testPostgresUrl(), name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export interface ServiceTestDatabase extends TestDatabase {
  dataSource: DataSource;
  /** Rows the test handlers wrote, one per handled event. */
  effects(): Promise<{ event_id: string; key: string; seq: number }[]>;
  close(): Promise<void>;
}

/**
 * A service's database as a service has it: the messaging tables from
 * CreateMessagingTables1763700000000, plus `effect`, where test handlers record what they did
 * (deliberately without a unique constraint: only processed_event may absorb a duplicate).
 */
export async function openServiceTestDatabase(prefix = 'svc'): Promise<ServiceTestDatabase> {
  const database = await createTestDatabase(prefix);
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    entities: [],
    migrations: [CreateMessagingTables1763700000000],
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { max: 10 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.query(`CREATE TABLE effect (id bigserial PRIMARY KEY, event_id uuid NOT NULL, key text NOT NULL, seq integer NOT NULL)`);
  return {
    ...database,
    dataSource,
    effects: () => dataSource.query('SELECT event_id, key, seq FROM effect ORDER BY id'),
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}

/** What the test handlers do: one `effect` row per handled event, in the handler's transaction. */
export async function recordEffect(manager: EntityManager, event: { id: string; data: { ticketId: string; seq: number } }, delayMs = 0): Promise<void> {
  if (delayMs) await manager.query('SELECT pg_sleep($1)', [delayMs / 1000]);
  await manager.query('INSERT INTO effect (event_id, key, seq) VALUES ($1, $2, $3)', [event.id, event.data.ticketId, event.data.seq]);
}
