import { createTestDatabase, type TestDatabase } from '@carebridge/local-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CreateMessagingTables1763700000000 } from '@carebridge/messaging';

// Only the messaging tables, without a subgraph definition: what messaging's own tests need
// (openServiceDatabase is for a service's tables).

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
