import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A record that refers to a customer crm has not announced yet: a client created the customer and
 * at once registered a complaint or an inquiry, before crm's `customer.created` reached this
 * service. Deleted when the customer arrives; flagged when it has not arrived by `dueAt`. Ids only.
 */
@Entity('pending_customer_reference')
@Index('pending_customer_reference_record_key', ['recordKind', 'recordId'], { unique: true })
export class PendingCustomerReference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** What refers to the customer, in the service's words: `complaint`, `inquiry`. */
  @Column({ name: 'record_kind', type: 'text' })
  recordKind: string;

  @Column({ name: 'record_id', type: 'text' })
  recordId: string;

  @Column({ name: 'referred_at', type: 'timestamptz', precision: 3 })
  referredAt: Date;

  /** When the customer should have arrived by: then the reference is flagged. */
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ name: 'flagged_at', type: 'timestamptz', precision: 3, nullable: true })
  flaggedAt: Date | null;
}
