import { registerEnumType } from 'type-graphql';

export enum FollowUpKind {
  CALL = 'CALL',
  VISIT = 'VISIT',
  EMAIL = 'EMAIL',
}
registerEnumType(FollowUpKind, { name: 'FollowUpKind' });

export enum FollowUpReason {
  MANUAL = 'MANUAL',
  RECURRING = 'RECURRING',
  COMPLAINT_CLOSED = 'COMPLAINT_CLOSED',
}
registerEnumType(FollowUpReason, { name: 'FollowUpReason', description: 'Why the follow-up was scheduled: by hand, by a recurring plan, or after a closed complaint.' });

export enum FollowUpStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

export enum FollowUpOutcome {
  REACHED = 'REACHED',
  NOT_REACHED = 'NOT_REACHED',
  DECLINED = 'DECLINED',
}
registerEnumType(FollowUpOutcome, { name: 'FollowUpOutcome' });
