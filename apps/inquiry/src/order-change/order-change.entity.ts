import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { OrderChangeKind, OrderChangeStatus } from './order-change.enums';

/** A request to change, cancel or confirm a booking, raised on an inquiry (T-1.2). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A change, cancellation or confirmation of a booking, and how it was handled.' })
@Entity('order_change')
@Index('order_change_inquiry_idx', ['inquiryId', 'requestedAt', 'id'])
@Index('order_change_customer_idx', ['customerId', 'requestedAt', 'id'])
@Index('order_change_booking_idx', ['bookingReference'])
export class OrderChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Field({ description: 'The booking (PNR or order number).' })
  @Column({ name: 'booking_reference' })
  bookingReference: string;

  @Field(() => OrderChangeKind)
  @Column({ type: 'enum', enum: OrderChangeKind, enumName: 'order_change_kind' })
  kind: OrderChangeKind;

  @Field({ description: 'What the customer asked to change, in their words.' })
  @Column({ name: 'requested_changes', type: 'text' })
  requestedChanges: string;

  @Field(() => OrderChangeStatus)
  @Column({ type: 'enum', enum: OrderChangeStatus, enumName: 'order_change_status', default: OrderChangeStatus.REQUESTED })
  status: OrderChangeStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Field()
  @Column({ name: 'requested_by' })
  requestedBy: string;

  @Field()
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of who handled it.' })
  @Column({ name: 'handled_by', type: 'text', nullable: true })
  handledBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'handled_by_name', type: 'text', nullable: true })
  handledByName: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @VersionColumn()
  version: number;
}
