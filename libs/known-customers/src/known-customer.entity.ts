import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A customer id known from crm's events, in the database of a service that refers to customers.
 * No personal data is copied. The table comes with this library (`KNOWN_CUSTOMER_MIGRATIONS`).
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
