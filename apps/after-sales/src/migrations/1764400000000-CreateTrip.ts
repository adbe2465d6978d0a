import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trips and their segments, as the reservation system's bookings describe them. */
export class CreateTrip1764400000000 implements MigrationInterface {
  name = 'CreateTrip1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE trip_status AS ENUM ('CONFIRMED', 'CANCELLED', 'COMPLETED')`);
    await queryRunner.query(`CREATE TYPE trip_step_source AS ENUM ('BOOKING_EVENT', 'IMPORT', 'SCHEDULE')`);
    await queryRunner.query(`CREATE TYPE trip_segment_kind AS ENUM ('FLIGHT', 'HOTEL', 'TOUR', 'TRANSFER')`);
    await queryRunner.query(`
      CREATE TABLE trip (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_reference text,
        customer_id uuid NOT NULL,
        status trip_status NOT NULL,
        starts_at timestamp(3) with time zone NOT NULL,
        ends_at timestamp(3) with time zone NOT NULL,
        travellers integer,
        booking_changed_at timestamp(3) with time zone NOT NULL,
        last_change_via trip_step_source NOT NULL,
        confirmed_at timestamp(3) with time zone,
        cancelled_at timestamp(3) with time zone,
        completed_at timestamp(3) with time zone,
        completed_via trip_step_source,
        created_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    // One trip per booking; erased trips have no reference any more.
    await queryRunner.query(`CREATE UNIQUE INDEX trip_booking_reference_key ON trip (booking_reference) WHERE booking_reference IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX trip_customer_idx ON trip (customer_id, starts_at, id)`);
    await queryRunner.query(`CREATE INDEX trip_starts_idx ON trip (starts_at, id)`);
    await queryRunner.query(`CREATE INDEX trip_ends_idx ON trip (ends_at, id)`);
    // What the completion job looks for.
    await queryRunner.query(`CREATE INDEX trip_confirmed_ends_idx ON trip (ends_at) WHERE status = 'CONFIRMED' AND anonymised_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE trip_segment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trip_id uuid NOT NULL REFERENCES trip (id),
        position integer NOT NULL,
        kind trip_segment_kind NOT NULL,
        match_key text NOT NULL,
        reference text,
        starts_at timestamp(3) with time zone NOT NULL,
        ends_at timestamp(3) with time zone,
        carrier text,
        flight_number text,
        origin text,
        destination text,
        distance_km integer,
        name text,
        city text,
        country_code text,
        supplier text,
        place_from text,
        place_to text,
        removed_at timestamp(3) with time zone,
        UNIQUE (trip_id, match_key)
      )`);
    await queryRunner.query(`CREATE INDEX trip_segment_trip_idx ON trip_segment (trip_id, position)`);
    await queryRunner.query(`CREATE INDEX trip_segment_flight_idx ON trip_segment (carrier, origin, destination) WHERE kind = 'FLIGHT'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE trip_segment`);
    await queryRunner.query(`DROP TABLE trip`);
    await queryRunner.query(`DROP TYPE trip_segment_kind`);
    await queryRunner.query(`DROP TYPE trip_step_source`);
    await queryRunner.query(`DROP TYPE trip_status`);
  }
}
