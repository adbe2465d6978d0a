import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ThreadKind } from '../delivery/delivery.enums';

/**
 * The inquiries and complaints communication writes about, as their events announce them: whose
 * they are and the reference the customer knows (a complaint's registration number), so that a
 * later message names it and an answer is threaded onto it.
 */
@Entity('customer_case')
export class CustomerCase {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: ThreadKind;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  /** The registration number of a complaint; null for an inquiry. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;
}
