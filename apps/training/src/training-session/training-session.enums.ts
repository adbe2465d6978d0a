import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

export const SessionMode = enumOf(['ONLINE', 'ROOM']);
export type SessionMode = EnumValue<typeof SessionMode>;
registerEnumType(SessionMode, { name: 'SessionMode', description: 'ONLINE (a meeting link) or ROOM (a place).' });

export const SessionStatus = enumOf(['SCHEDULED', 'CANCELLED']);
export type SessionStatus = EnumValue<typeof SessionStatus>;
registerEnumType(SessionStatus, { name: 'SessionStatus' });

/** A place on a session: ENROLLED within its capacity, WAITLISTED beyond it (promoted in order), CANCELLED, or after it ATTENDED / ABSENT. */
export const EnrolmentStatus = enumOf(['ENROLLED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'ABSENT']);
export type EnrolmentStatus = EnumValue<typeof EnrolmentStatus>;
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'ENROLLED (has a seat), WAITLISTED (promoted in order when a seat frees), CANCELLED, ATTENDED, ABSENT.',
});

/** The statuses that hold a seat. */
export const SEATED: readonly EnrolmentStatus[] = [EnrolmentStatus.ENROLLED, EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT];
