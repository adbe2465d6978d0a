import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ComplaintAction {
  REGISTERED = 'REGISTERED',
  ESCALATED_FROM_INQUIRY = 'ESCALATED_FROM_INQUIRY',
  CLASSIFIED = 'CLASSIFIED',
  ASSIGNED = 'ASSIGNED',
  REASSIGNED = 'REASSIGNED',
  WORK_STARTED = 'WORK_STARTED',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  WAIT_ENDED = 'WAIT_ENDED',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  RESOLUTION_PLANNED = 'RESOLUTION_PLANNED',
  COMPENSATION_APPROVED = 'COMPENSATION_APPROVED',
  COMPENSATION_REJECTED = 'COMPENSATION_REJECTED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  DEADLINE_BREACHED = 'DEADLINE_BREACHED',
  ESCALATED = 'ESCALATED',
  CUSTOMER_MERGED = 'CUSTOMER_MERGED',
  ANONYMISED = 'ANONYMISED',
  NOTE_ADDED = 'NOTE_ADDED',
  DETAILS_UPDATED = 'DETAILS_UPDATED',
  ATTACHMENT_ADDED = 'ATTACHMENT_ADDED',
  MERGED_INTO = 'MERGED_INTO',
  MERGED_FROM = 'MERGED_FROM',
}

registerEnumType(ComplaintAction, { name: 'ComplaintAction', description: 'What was done to a complaint.' });

/** What changed in one field: values as text (JSON for anything but text). */
@ObjectType('ComplaintFieldChange')
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

export type Changes = Record<string, { from?: unknown; to?: unknown }>;
