import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How communication reaches a customer, from crm's customer.contact_changed (and the language of
 * customer.created/updated): the one place outside crm that holds a name and addresses, because
 * it must send. After a merge a customer may have several rows: the latest statement counts.
 */
@Entity('customer_contact')
export class CustomerContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** Lower-cased, so an inbound sender is matched whatever its case. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'preferred_language', type: 'text', default: 'en' })
  preferredLanguage: string;

  /** When crm stated it: an older statement arriving later is ignored. */
  @Column({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt: Date;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}
