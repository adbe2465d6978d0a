import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Key-account terms become structured (T-2.4): response target in minutes, dedicated contact, agreed compensation rules. */
export class StructuredServiceTerms1766100000000 implements MigrationInterface {
  name = 'StructuredServiceTerms1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE key_account SET service_terms = service_terms || jsonb_build_object(
        'responseTargetMinutes', COALESCE((service_terms->>'responseTimeHours')::int, 4) * 60,
        'dedicatedContact', jsonb_build_object('userId', account_manager_id, 'name', account_manager_name),
        'compensationRules', '[]'::jsonb)
      WHERE NOT service_terms ? 'responseTargetMinutes'`);
    // pg_trgm comes with CreateCustomer; the index serves the name search (ILIKE '%…%').
    await queryRunner.query(`CREATE INDEX key_account_name_trgm_idx ON key_account USING gin (name gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX key_account_name_trgm_idx`);
    await queryRunner.query(`UPDATE key_account SET service_terms = service_terms - 'responseTargetMinutes' - 'dedicatedContact' - 'compensationRules'`);
  }
}
