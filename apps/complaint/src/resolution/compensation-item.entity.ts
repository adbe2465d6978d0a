import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ApprovalState, CompensationKind } from './compensation.enums';

const decimal = { to: (value: string | null) => value, from: (value: string | null) => value };

/**
 * One item of a complaint's resolution plan. Never deleted: a replaced plan withdraws its items,
 * resolving grants the approved ones (and only once, so crm credits them once).
 */
@ObjectType('CompensationItem', { description: 'Refund, voucher, points, miles or a service gesture offered to the customer, with its reason.' })
@Entity('compensation_item')
export class CompensationItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  /** Order within its plan. */
  @Column({ type: 'smallint' })
  position: number;

  @Field(() => CompensationKind)
  @Column({ type: 'enum', enum: CompensationKind, enumName: 'compensation_kind' })
  kind: CompensationKind;

  @Field(() => String, { nullable: true, description: 'Decimal amount, e.g. "120.00" (refund, voucher; optional estimate for a service gesture).' })
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: decimal })
  amount: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the amount.' })
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Field(() => Int, { nullable: true, description: 'Loyalty points or miles.' })
  @Column({ type: 'integer', nullable: true })
  quantity: number | null;

  @Field(() => String, { nullable: true, description: 'What the service gesture or voucher is.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field({ description: 'Why it is offered.' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'Its value in the approval currency (null when it cannot be valued).' })
  @Column({ name: 'assessed_value', type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: decimal })
  assessedValue: string | null;

  @Field(() => ApprovalState)
  @Column({ type: 'enum', enum: ApprovalState, enumName: 'approval_state' })
  approval: ApprovalState;

  @Field()
  @Column({ name: 'proposed_by' })
  proposedBy: string;

  @Field()
  @Column({ name: 'proposed_at', type: 'timestamptz', precision: 3 })
  proposedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who approved or rejected it.' })
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true, description: 'Set when a new plan replaced this item.' })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set when the complaint was resolved with this item.' })
  @Column({ name: 'granted_at', type: 'timestamptz', precision: 3, nullable: true })
  grantedAt: Date | null;
}
