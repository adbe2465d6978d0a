import type { Role } from '@carebridge/auth';
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, THREAD_KINDS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** The channels communication sends on (the contracts' MESSAGE_CHANNELS). */
export enum MessageChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  IN_APP = 'IN_APP',
}

/** Why a message is sent: service messages always go out; follow-ups and marketing need consent. */
export enum MessagePurpose {
  SERVICE = 'SERVICE',
  FOLLOW_UP = 'FOLLOW_UP',
  MARKETING = 'MARKETING',
}

/** The case a message belongs to, so that the customer's answer comes back to it. */
export enum ThreadKind {
  INQUIRY = 'INQUIRY',
  COMPLAINT = 'COMPLAINT',
}

/** Where a delivery stands: QUEUED until its channel took it (SENT), then DELIVERED or BOUNCED as reported; FAILED when every attempt failed. */
export enum DeliveryStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  BOUNCED = 'BOUNCED',
  FAILED = 'FAILED',
}

// The GraphQL enums and the contracts' vocabularies are the same lists.
const same = (a: readonly string[], b: object) => a.length === Object.keys(b).length && a.every((v) => v in b);
if (!same(MESSAGE_CHANNELS, MessageChannel) || !same(MESSAGE_PURPOSES, MessagePurpose) || !same(THREAD_KINDS, ThreadKind)) {
  throw new Error('communication enums differ from libs/event-contracts');
}

registerEnumType(MessageChannel, { name: 'MessageChannel', description: 'E-mail, SMS or chat through the SMS provider, or the staff notification inbox.' });
registerEnumType(MessagePurpose, { name: 'MessagePurpose', description: 'SERVICE messages always go out; FOLLOW_UP and MARKETING need the customer’s consent.' });
registerEnumType(ThreadKind, { name: 'ThreadKind', description: 'The kind of case a message belongs to.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'Where a delivery stands.' });

/** Every staff role (admin passes every check); a system caller (integration) has no inbox. */
export const STAFF_ROLES: Role[] = ['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales', 'trainer', 'analyst'];

/** Roles whose duties need what was written to customers (their addresses stay masked in logs). */
export const CUSTOMER_MESSAGE_ROLES: Role[] = ['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales'];
