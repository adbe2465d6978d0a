import { AsyncLocalStorage } from 'node:async_hooks';
import { databaseUrl } from '@carebridge/config';
import { Client } from 'pg';
import { DataSource, type EntityManager, type MixedList, type EntitySchema, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from './logger';

export interface DatabaseOptions {
  /** A server URL (`postgres://user:password@host:5432`); the service's own database is `database`. */
  serverUrl: string;
  database: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * Creates the service's database when it does not exist yet. Where the role may not create
 * databases (a managed server), the database is expected to be provisioned and this is a no-op.
 */
export async function ensureDatabase(serverUrl: string, database: string, logger?: Logger): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  try {
    await client.connect();
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      logger?.info({ database }, 'created database');
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42P04 duplicate_database / 23505: another instance created it at the same moment.
    if (code !== '42P04' && code !== '23505') {
      logger?.warn({ database, code, err: (error as Error).message }, 'could not ensure the database exists; expecting it to be provisioned');
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

const statementCounts = new AsyncLocalStorage<{ statements: number }>();

/**
 * Runs `work` and counts the SQL statements TypeORM sends for it (everything it awaits, transaction
 * control included): what one GraphQL request costs the database, for the service's metrics.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const count = { statements: 0 };
  const result = await statementCounts.run(count, work);
  return { result, statements: count.statements };
}

/**
 * TypeORM writes migration messages (a failed migration among them) straight to the console;
 * here they join the service's JSON log, and queries are not logged at all.
 */
class MigrationLog implements TypeOrmLogger {
  constructor(private readonly logger?: Logger) {}

  logMigration(message: string): void {
    if (/failed/i.test(message)) this.logger?.error({ component: 'migrations' }, message);
    else this.logger?.debug({ component: 'migrations' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ component: 'typeorm' }, String(message));
  }

  logQuery(): void {
    // Queries are not logged: they carry personal data. They are only counted.
    const count = statementCounts.getStore();
    if (count) count.statements += 1;
  }

  logQueryError(): void {
    // A failed query surfaces as the error it throws.
  }

  logQuerySlow(): void {
    // No slow-query threshold is set.
  }

  logSchemaBuild(): void {
    // The schema is never built from entities (no synchronize).
  }
}

/** A TypeORM DataSource on pg. The schema only ever changes through migrations, run at start. */
export function createDataSource(options: DatabaseOptions, logger?: Logger): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl(options.serverUrl, options.database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    logger: new MigrationLog(logger),
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10 },
  });
}

export async function openDatabase(options: DatabaseOptions, logger?: Logger): Promise<DataSource> {
  await ensureDatabase(options.serverUrl, options.database, logger);
  const dataSource = createDataSource(options, logger);
  await dataSource.initialize();
  // Several instances of a service may start at once (a rolling update): one migrates, the others wait.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['carebridge.migrations']);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['carebridge.migrations']).catch(() => undefined);
    await lock.release().catch(() => undefined);
  }
  return dataSource;
}

/** Runs `work` in one database transaction; everything it writes commits or rolls back together. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
