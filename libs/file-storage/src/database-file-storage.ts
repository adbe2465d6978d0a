import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { FileStorage, StoredFile } from './file-storage';

/** The files in the service's own database: nothing else to run, backed up with the rest of its data. */
export class DatabaseFileStorage implements FileStorage {
  readonly kind = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO stored_file (key, content, content_type, size) VALUES ($1, $2, $3, $4)`, [key, content, contentType, content.length]);
  }

  async get(key: string): Promise<StoredFile | null> {
    const [row] = await this.dataSource.query(`SELECT content, content_type, size FROM stored_file WHERE key = $1`, [key]);
    return row ? { content: row.content as Buffer, contentType: row.content_type, size: Number(row.size) } : null;
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM stored_file WHERE key = $1`, [key]);
  }
}

/** The table of DatabaseFileStorage, in every service that keeps files in its database. */
export class StoredFileTable1765400000001 implements MigrationInterface {
  name = 'StoredFileTable1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS stored_file (
        key text PRIMARY KEY,
        content bytea NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        stored_at timestamp(3) with time zone NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stored_file`);
  }
}

export const FILE_STORAGE_MIGRATIONS = [StoredFileTable1765400000001];
