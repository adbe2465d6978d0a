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
  clock: TestClock;
  /** Events the service wrote to its outbox, oldest first. */
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
  return {
    dataSource,
    clock,
    outbox: new Outbox(definition.name, () => clock.now()),
    async outboxEvents() {
      const rows: { event_type: string; key: string; payload: string; headers: Record<string, string> }[] = await dataSource.query(
        'SELECT event_type, key, payload, headers FROM outbox_event ORDER BY sequence',
      );
      return rows.map((r) => ({ type: r.event_type, key: r.key, data: JSON.parse(r.payload), headers: r.headers }));
    },
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
