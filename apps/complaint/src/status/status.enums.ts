import { registerEnumType } from 'type-graphql';

/** Where a complaint stands in the procedure; the timeline records each change of it. */
export enum ComplaintStatus {
  REGISTERED = 'REGISTERED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
