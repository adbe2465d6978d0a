import type { CustomFieldValues } from '@carebridge/help-desk';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { InquiryChannel } from '../channel/channel.enums';
import type { CitedArticleVersion } from '../knowledge-citation/citation.types';
import { ComplaintProgress, InquiryCategory, InquiryHistoryKind, InquiryPriority, InquiryStatus, MessageDirection, TravelMaterialKind } from './inquiry.enums';
import { PersonalText } from '@carebridge/service-kit';
import { INQUIRY_TEXT } from '../access-log/personal-text';

@ObjectType({ description: 'Travel material attached to a reply: a reference to the document, not a copy (T-1.3).' })
export class TravelMaterial {
  @Field(() => TravelMaterialKind)
  kind: TravelMaterialKind;

  @Field({ description: 'Where the document is: its id in the document store or a URL.' })
  reference: string;

  @Field({ description: 'What the customer sees, e.g. "Visa guide: Japan (tourism)".' })
  title: string;
}

@ObjectType({ description: "The customer's satisfaction, asked before closing (A-3.1.5)." })
export class Satisfaction {
  @Field()
  satisfied: boolean;

  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' })
  score: number;

  @Field(() => String, { nullable: true, description: 'Why the customer was not satisfied, in their words.' })
  reason: string | null;
}

/**
 * An inquiry (T-1.1, A-3.1): one contact of a customer on one channel, and its handling. Every change
 * locks the row first, so two agents acting on one inquiry at once take turns.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer inquiry on any channel, with its conversation and response deadlines.' })
@Entity('inquiry')
@Index('inquiry_customer_received_idx', ['customerId', 'receivedAt', 'id'])
export class Inquiry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => InquiryStatus)
  @Column({ type: 'enum', enum: InquiryStatus, enumName: 'inquiry_status', default: InquiryStatus.NEW })
  status: InquiryStatus;

  @Field(() => InquiryChannel)
  @Column({ type: 'enum', enum: InquiryChannel, enumName: 'inquiry_channel' })
  channel: InquiryChannel;

  @Field(() => InquiryCategory)
  @Column({ type: 'enum', enum: InquiryCategory, enumName: 'inquiry_category' })
  category: InquiryCategory;

  @Field()
  @Column({ type: 'text' })
  subject: string;

  @Field(() => InquiryPriority, { description: 'How pressing the inquiry is, as the agent judges it; among the same deadline the queue puts the higher first.' })
  @Column({ type: 'enum', enum: InquiryPriority, enumName: 'inquiry_priority', default: InquiryPriority.NORMAL })
  priority: InquiryPriority;

  @Field(() => [String], { description: 'Lower-case labels agents put on the inquiry.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Values of the custom fields admins defined (custom-field/); shown through Inquiry.customFields. */
  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'{}'" })
  customFields: CustomFieldValues;

  @Field(() => String, { nullable: true, description: "The telephony system's id of the call (PHONE)." })
  @Column({ name: 'call_id', type: 'text', nullable: true })
  callId: string | null;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @PersonalText('Inquiry.contactName', INQUIRY_TEXT)
  @Field(() => String, { nullable: true, description: 'The name the customer gave (A-3.1.2).' })
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field({ description: 'When the inquiry arrived; for a call, when it started ringing.' })
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Field({ description: 'When the first response is due (A-3.1.1): three rings for a call, five minutes for a written message, by default.' })
  @Column({ name: 'first_response_due_at', type: 'timestamptz', precision: 3 })
  firstResponseDueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the call was answered or the first reply sent.' })
  @Column({ name: 'first_responded_at', type: 'timestamptz', precision: 3, nullable: true })
  firstRespondedAt: Date | null;

  @Column({ name: 'first_responded_by', type: 'text', nullable: true })
  firstRespondedBy: string | null;

  @Field(() => Date, { nullable: true, description: "When the reply to the customer's latest unanswered message is due (written channels)." })
  @Column({ name: 'reply_due_at', type: 'timestamptz', precision: 3, nullable: true })
  replyDueAt: Date | null;

  /** The deadline the agents' queue is ordered by: the first response while NEW, then the reply due. */
  @Column({ name: 'next_due_at', type: 'timestamptz', precision: 3, nullable: true })
  nextDueAt: Date | null;

  /** When the running deadline (nextDueAt) becomes at risk: INQUIRY_AT_RISK_PERCENT of its span before it. */
  @Column({ name: 'at_risk_at', type: 'timestamptz', precision: 3, nullable: true })
  atRiskAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of the agent handling the inquiry.' })
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'assigned_at', type: 'timestamptz', precision: 3, nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  satisfied: boolean | null;

  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Column({ name: 'dissatisfaction_reason', type: 'text', nullable: true })
  dissatisfactionReason: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed without asking the customer.' })
  @Column({ name: 'closed_without_satisfaction_reason', type: 'text', nullable: true })
  closedWithoutSatisfactionReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'escalated_at', type: 'timestamptz', precision: 3, nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'escalated_by', type: 'text', nullable: true })
  escalatedBy: string | null;

  /**
   * The complaint's id: assigned when escalating (the complaint service registers the complaint
   * under it); for inquiries escalated before that, set from complaint.registered.
   */
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @Column({ name: 'complaint_progress', type: 'enum', enum: ComplaintProgress, enumName: 'complaint_progress', nullable: true })
  complaintProgress: ComplaintProgress | null;

  @Column({ name: 'complaint_registration_number', type: 'text', nullable: true })
  complaintRegistrationNumber: string | null;

  /** When the complaint's progress last changed. */
  @Column({ name: 'complaint_progress_at', type: 'timestamptz', precision: 3, nullable: true })
  complaintProgressAt: Date | null;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;

  @Field({ description: 'User id of who recorded the inquiry.' })
  @Column({ name: 'recorded_by' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One message of an inquiry's conversation, or an internal note. */
@ObjectType({ description: 'A message from or to the customer, or an internal note.' })
@Entity('inquiry_message')
@Index('inquiry_message_inquiry_sent_idx', ['inquiryId', 'sentAt', 'sequence'])
export class InquiryMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Field(() => ID, { description: 'The inquiry the message was first written on (differs after a merge).' })
  @Column({ name: 'original_inquiry_id', type: 'uuid' })
  originalInquiryId: string;

  @Field(() => MessageDirection)
  @Column({ type: 'enum', enum: MessageDirection, enumName: 'message_direction' })
  direction: MessageDirection;

  @Field(() => String, { nullable: true, description: 'User id of the agent; null when the customer wrote.' })
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId: string | null;

  @Field(() => String, { nullable: true, description: "The author's name: the agent, or the name the customer gave." })
  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName: string | null;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'When it was received or sent.' })
  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3 })
  sentAt: Date;

  @Column({ name: 'cited_article_ids', type: 'uuid', array: true, default: () => "'{}'" })
  citedArticleIds: string[];

  /** The version of each cited article that was live when the reply was written. */
  @Column({ name: 'cited_article_versions', type: 'jsonb', default: () => "'[]'" })
  citedArticleVersions: CitedArticleVersion[];

  @Field(() => [TravelMaterial])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: TravelMaterial[];

  @Field(() => ID, { nullable: true, description: 'The saved reply this message was written from.' })
  @Column({ name: 'saved_reply_id', type: 'uuid', nullable: true })
  savedReplyId: string | null;

  /** Insertion order: keeps messages of the same instant in the order they were written. */
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;
}

/** Who did what and when on an inquiry (A-4 accountability). */
@ObjectType({ description: 'An entry in the history of an inquiry.' })
@Entity('inquiry_history')
@Index('inquiry_history_inquiry_at_idx', ['inquiryId', 'at', 'sequence'])
export class InquiryHistoryEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @Field(() => ID, { description: 'The inquiry this happened on (differs after a merge).' })
  @Column({ name: 'original_inquiry_id', type: 'uuid' })
  originalInquiryId: string;

  @Field(() => InquiryHistoryKind)
  @Column({ type: 'enum', enum: InquiryHistoryKind, enumName: 'inquiry_history_kind' })
  kind: InquiryHistoryKind;

  @Field(() => String, { nullable: true, description: 'User id; null for the system (deadline monitor, events).' })
  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Field()
  @Column({ type: 'text' })
  detail: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  /** Insertion order: keeps entries of the same instant in the order they happened. */
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;
}
