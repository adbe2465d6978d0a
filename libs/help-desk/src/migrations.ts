import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BulkAction } from './bulk-action.entity';
import { CustomFieldDefinition } from './custom-field.entity';

/** The help-desk tables of a service: saved views, custom field definitions, bulk actions. */
export class HelpDeskTables1766400000000 implements MigrationInterface {
  name = 'HelpDeskTables1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE saved_view (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        scope text NOT NULL CHECK (scope IN ('PERSONAL', 'TEAM')),
        owner_id text,
        team text,
        filter jsonb NOT NULL,
        order_by text,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        CHECK ((scope = 'PERSONAL' AND owner_id IS NOT NULL AND team IS NULL) OR (scope = 'TEAM' AND team IS NOT NULL AND owner_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX saved_view_owner_idx ON saved_view (owner_id) WHERE owner_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX saved_view_team_idx ON saved_view (team) WHERE team IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE custom_field_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
        categories text[] NOT NULL DEFAULT '{}',
        choices text[] NOT NULL DEFAULT '{}',
        defined_by text NOT NULL,
        defined_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE bulk_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        view_id uuid,
        requested_by text NOT NULL,
        requested_at timestamp(3) with time zone NOT NULL,
        succeeded_count int NOT NULL,
        failed_count int NOT NULL,
        items jsonb NOT NULL,
        parameters jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX bulk_action_requester_idx ON bulk_action (requested_by, requested_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bulk_action`);
    await queryRunner.query(`DROP TABLE custom_field_definition`);
    await queryRunner.query(`DROP TABLE saved_view`);
  }
}

/** For a service's entity list: `entities: [...HELP_DESK_ENTITIES, <Service>View]` (the view entity is the service's own). */
export const HELP_DESK_ENTITIES = [CustomFieldDefinition, BulkAction];

/** For a service's migration list. */
export const HELP_DESK_MIGRATIONS = [HelpDeskTables1766400000000];
