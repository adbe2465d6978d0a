import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@carebridge/service-kit';

/** The Postgres server of this test run (started by the global setup). */
export function testPostgresUrl(): string {
  const url = process.env.CAREBRIDGE_TEST_POSTGRES_URL;
  if (!url) throw new Error('No test Postgres: add libs/testing/src/postgres.global-setup.ts as the Jest globalSetup of this project');
  return url;
}

/** A fresh, uniquely named database on the test server: every test file starts from nothing. */
export async function createTestDatabase(prefix = 'test'): Promise<{ serverUrl: string; database: string; drop(): Promise<void> }> {
  const serverUrl = testPostgresUrl();
  const database = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    serverUrl,
    database,
    async drop() {
      const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
