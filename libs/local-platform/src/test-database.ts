import { randomBytes } from 'node:crypto';
import { databaseUrl } from '@carebridge/config';
import { Client } from 'pg';

/** The Postgres server of this test run (started by libs/testing's Jest global setup, or TEST_DATABASE_URL). */
export function testPostgresUrl(): string {
  const url = process.env.CAREBRIDGE_TEST_POSTGRES_URL;
  if (!url) throw new Error('No test Postgres: add libs/testing/src/postgres.global-setup.ts as the Jest globalSetup of this project');
  return url;
}

/** Runs `work` on a connection to the test server's `postgres` database. */
export async function withTestServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(testPostgresUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  serverUrl: string;
  database: string;
  /** URL of the database itself. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the test server: every test file starts from nothing. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  const database = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await withTestServer((admin) => admin.query(`CREATE DATABASE "${database}"`));
  return {
    serverUrl,
    database,
    url: databaseUrl(serverUrl, database),
    drop: async () => {
      await withTestServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}
