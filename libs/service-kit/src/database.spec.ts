import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { databaseUrl } from '@carebridge/config';
import { ensureDatabase, inTransaction, openDatabase } from './database';
import { createTestDatabase } from '@carebridge/local-platform';

const serverUrl = () => process.env.CAREBRIDGE_TEST_POSTGRES_URL!;

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}


class CreateNote1763900000100 implements MigrationInterface {
  name = 'CreateNote1763900000100';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL UNIQUE)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE note');
  }
}

class BrokenMigration1763900000200 implements MigrationInterface {
  name = 'BrokenMigration1763900000200';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE half_done (id int)');
    await queryRunner.query('SELECT * FROM no_such_table');
  }
  async down(): Promise<void> {
    // never applied
  }
}

describe('databaseUrl', () => {
  it('puts the database name in the path of a server URL, keeping credentials and options', () => {
    expect(databaseUrl('postgres://user:pw@db:5432', 'carebridge_crm')).toBe('postgres://user:pw@db:5432/carebridge_crm');
    expect(databaseUrl('postgres://user:pw@db:5432/other?sslmode=require', 'x')).toBe('postgres://user:pw@db:5432/x?sslmode=require');
  });
});

describe('ensureDatabase and openDatabase (real Postgres)', () => {
  const created: string[] = [];
  afterAll(async () => {
    const client = new Client({ connectionString: databaseUrl(serverUrl(), 'postgres') });
    await client.connect();
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('creates a missing database once, also when asked twice at the same moment', async () => {
    const name = `test_ensure_${randomBytes(5).toString('hex')}`;
    created.push(name);
    expect(await databaseExists(name)).toBe(false);
    await Promise.all([ensureDatabase(serverUrl(), name), ensureDatabase(serverUrl(), name), ensureDatabase(serverUrl(), name)]);
    expect(await databaseExists(name)).toBe(true);
    await ensureDatabase(serverUrl(), name);
  });

  it('warns instead of failing when it cannot reach the server, leaving the error to opening the database', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args), info: () => undefined } as never;
    await ensureDatabase('postgres://nobody:wrong@127.0.0.1:1', 'x', logger);
    expect(warnings).toHaveLength(1);
  });

  it('migrates at open, and rolls a failed migration back without leaving the pool open', async () => {
    const database = await createTestDatabase('test_database');
    try {
      const dataSource = await openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [], migrations: [CreateNote1763900000100], poolSize: 2 });
      await dataSource.query("INSERT INTO note (body) VALUES ('kept')");
      // A transaction commits all or nothing.
      await expect(
        inTransaction(dataSource, async (manager) => {
          await manager.query("INSERT INTO note (body) VALUES ('rolled back')");
          await manager.query("INSERT INTO note (body) VALUES ('kept')");
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await dataSource.query('SELECT body FROM note')).toEqual([{ body: 'kept' }]);
      await dataSource.destroy();

      // The failure goes to the service's log, not to the console.
      const console = jest.spyOn(global.console, 'log');
      const logged: string[] = [];
      const logger = pino({ level: 'debug' }, { write: (line: string) => void logged.push(line) });
      try {
        await expect(
          openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [], migrations: [CreateNote1763900000100, BrokenMigration1763900000200], poolSize: 2 }, logger),
        ).rejects.toThrow(/no_such_table/);
        expect(console).not.toHaveBeenCalled();
      } finally {
        console.mockRestore();
      }
      const failure = logged.map((line) => JSON.parse(line)).find((entry) => entry.level === 50);
      expect(failure).toMatchObject({ component: 'migrations', msg: expect.stringMatching(/BrokenMigration1763900000200.*failed/) });
      const client = new Client({ connectionString: databaseUrl(database.serverUrl, database.database) });
      await client.connect();
      try {
        expect((await client.query("SELECT to_regclass('half_done') AS t")).rows[0].t).toBeNull();
        expect((await client.query('SELECT name FROM migrations')).rows.map((r) => r.name)).toEqual(['CreateNote1763900000100']);
        // Nothing of the failed open holds a connection or the migration lock.
        const sessions = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.database]);
        expect(sessions.rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
