import { DEVELOPMENT_MASTER_KEY, EventFieldEncryption, PostgresCustomerKeyStore } from '@carebridge/customer-keys';
import { findContract } from '@carebridge/event-contracts';
import { Outbox } from '@carebridge/messaging';
import { migrationsOf, openDatabase, type Clock, type SubgraphDefinition } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@carebridge/local-platform';

/** A clock the test moves by hand, for deadlines and timestamps. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-02T09:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  set(time: Date | string): void {
    this.current = new Date(time);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface ServiceDatabase {
  dataSource: DataSource;
  outbox: Outbox;
  /** The key store of the service's sealed event fields (kept in the test database itself). */
  personalFields: EventFieldEncryption;
  clock: TestClock;
  /** Events the service wrote to its outbox, oldest first, their sealed fields opened. */
  outboxEvents(): Promise<{ type: string; key: string; data: any; headers: Record<string, string> }[]>;
  close(): Promise<void>;
}

/**
 * A service's own database, fresh, with the kit's and the service's migrations applied — what
 * integration tests of domain services run against.
 */
export async function openServiceDatabase(definition: SubgraphDefinition): Promise<ServiceDatabase> {
  const database = await createTestDatabase(definition.name);
  const dataSource = await openDatabase({
    serverUrl: database.serverUrl,
    database: database.database,
    entities: definition.entities,
    migrations: migrationsOf(definition),
    poolSize: 5,
  });
  const clock = new TestClock();
  const personalFields = new EventFieldEncryption(new PostgresCustomerKeyStore(dataSource, DEVELOPMENT_MASTER_KEY));
  return {
    dataSource,
    clock,
    personalFields,
    outbox: new Outbox(definition.name, () => clock.now(), personalFields),
    async outboxEvents() {
      const rows: { event_type: string; key: string; payload: string; headers: Record<string, string> }[] = await dataSource.query(
        'SELECT event_type, key, payload, headers FROM outbox_event ORDER BY sequence',
      );
      return Promise.all(
        rows.map(async (r) => {
          const contract = findContract(r.event_type, Number(/:v(\d+)$/.exec(r.headers.ce_dataschema ?? '')?.[1] ?? 1));
          const data = contract ? (await personalFields.open(contract, JSON.parse(r.payload))).data : JSON.parse(r.payload);
          return { type: r.event_type, key: r.key, data, headers: r.headers };
        }),
      );
    },
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
