import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One compensation rule a key account agreed (crm's compensationRuleSchema): up to what, of which kind, for which category (null: any), and whether it needs no approval. */
export interface AgreedCompensationRule {
  category: string | null;
  kind: string;
  maxAmount: string | null;
  currency: string | null;
  maxQuantity: number | null;
  preApproved: boolean;
}

/**
 * A statement of crm about the key-account terms that apply to a customer
 * (`customer.service_terms_changed`). One row per statement, keyed by its own id, so a merge
 * re-points the merged customer's rows to the survivor without clashing; the statement with the
 * latest `changedAt` applies.
 */
@Entity('known_customer_service_terms')
@Index('known_customer_service_terms_customer_idx', ['customerId', 'changedAt'])
export class KeyAccountTerms {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'key_account_id', type: 'uuid', nullable: true })
  keyAccountId: string | null;

  /** Agreed first-response time in calendar minutes; null when no terms apply. */
  @Column({ name: 'response_target_minutes', type: 'int', nullable: true })
  responseTargetMinutes: number | null;

  @Column({ name: 'dedicated_contact_id', type: 'text', nullable: true })
  dedicatedContactId: string | null;

  /** The staff member's name, for replies that name the account's contact. */
  @Column({ name: 'dedicated_contact_name', type: 'text', nullable: true })
  dedicatedContactName: string | null;

  /** The agreed compensation rules (customer.service_terms_changed's terms.compensationRules). */
  @Column({ name: 'compensation_rules', type: 'jsonb', default: () => "'[]'" })
  compensationRules: AgreedCompensationRule[];

  @Column({ name: 'valid_until', type: 'timestamptz', precision: 3, nullable: true })
  validUntil: Date | null;

  @Column({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
