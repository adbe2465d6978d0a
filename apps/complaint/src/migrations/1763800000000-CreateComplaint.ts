import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplaint1763800000000 implements MigrationInterface {
  name = 'CreateComplaint1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE complaint_status AS ENUM ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'FEEDBACK_GIVEN', 'RESOLVED', 'CLOSED', 'REOPENED')`);
    await queryRunner.query(`CREATE TYPE contact_channel AS ENUM ('PHONE', 'EMAIL', 'CHAT', 'WEB_FORM', 'IN_PERSON', 'SOCIAL_MEDIA')`);
    await queryRunner.query(
      `CREATE TYPE complaint_category AS ENUM ('FLIGHT_DELAY_CANCELLATION', 'BAGGAGE', 'REFUND', 'TICKETING', 'STAFF_CONDUCT', 'ACCOMMODATION', 'ITINERARY_CHANGE', 'VISA_DOCUMENTS', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE urgency AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')`);
    await queryRunner.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registration_number character varying NOT NULL,
        customer_id uuid NOT NULL,
        status complaint_status NOT NULL DEFAULT 'REGISTERED',
        channel contact_channel NOT NULL,
        category complaint_category NOT NULL,
        urgency urgency NOT NULL,
        description text NOT NULL,
        occurred_at timestamp(3) with time zone NOT NULL,
        location text,
        people_involved jsonb NOT NULL DEFAULT '[]',
        registered_by character varying NOT NULL,
        registered_by_name text,
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX complaint_registration_number_key ON complaint (registration_number)`);
    await queryRunner.query(`CREATE INDEX complaint_customer_created_idx ON complaint (customer_id, created_at)`);
    await queryRunner.query(`CREATE INDEX complaint_created_at_id_idx ON complaint (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE TABLE complaint_number_counter (year integer PRIMARY KEY, last_number integer NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE known_customer (
        id uuid PRIMARY KEY,
        known_since timestamp(3) with time zone NOT NULL,
        erased_at timestamp(3) with time zone
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_customer`);
    await queryRunner.query(`DROP TABLE complaint_number_counter`);
    await queryRunner.query(`DROP TABLE complaint`);
    await queryRunner.query(`DROP TYPE urgency`);
    await queryRunner.query(`DROP TYPE complaint_category`);
    await queryRunner.query(`DROP TYPE contact_channel`);
    await queryRunner.query(`DROP TYPE complaint_status`);
  }
}
