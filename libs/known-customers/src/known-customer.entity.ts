import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A customer id known from crm's events, in the database of a service that refers to customers.
 * No personal data is copied. The service's own migration creates the table:
 *   known_customer (id uuid PRIMARY KEY, known_since timestamptz(3) NOT NULL,
 *                   erased_at timestamptz(3), merged_into uuid)
 */
@Entity('known_customer')
export class KnownCustomer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'known_since', type: 'timestamptz', precision: 3 })
  knownSince: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;

  /** Set when crm merged this profile into another one (customer.merged). */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;
}
