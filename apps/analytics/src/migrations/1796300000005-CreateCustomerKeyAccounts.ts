import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The key account crm last stated for a customer (customer.service_terms_changed), newest statement wins; null: none. */
export class CreateCustomerKeyAccounts1796300000005 implements MigrationInterface {
  name = 'CreateCustomerKeyAccounts1796300000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_key_account (
        customer_id uuid PRIMARY KEY,
        key_account_id uuid,
        stated_at timestamp(3) with time zone NOT NULL
      );`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_key_account`);
  }
}
