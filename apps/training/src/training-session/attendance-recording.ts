import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { SessionScheduling } from './session-scheduling';
import { SessionEnrolment } from './training-session.entity';
import { EnrolmentStatus, SessionStatus } from './training-session.enums';
import type { RecordAttendanceInput } from './training-session.inputs';

/** What an attendance hands on: the course checks whether it completes for this person. */
export interface AttendanceFollowUp {
  afterAttendance(manager: EntityManager, courseId: string, staffUserId: string): Promise<unknown>;
}

/**
 * The trainer records who attended a session once it started: the enrolled who were present
 * attended, the others were absent; a correction may be recorded again. Each attendance is the
 * course's evidence of completion (its rule decides whether it is enough).
 */
export class AttendanceRecording {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly scheduling: SessionScheduling,
    private readonly followUp: AttendanceFollowUp,
  ) {}

  async record(input: RecordAttendanceInput, _by: Identity): Promise<SessionEnrolment[]> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.scheduling.lock(manager, input.sessionId);
      const now = this.clock.now();
      if (session.status !== SessionStatus.SCHEDULED) throw new ConflictError('The session was cancelled', { status: session.status });
      if (session.startsAt.getTime() > now.getTime()) throw new ConflictError('Attendance is recorded once the session has started', { startsAt: session.startsAt.toISOString() });
      const seated = await manager.find(SessionEnrolment, { where: { sessionId: session.id, status: In([EnrolmentStatus.ENROLLED, EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT]) } });
      const present = new Set(input.presentUserIds);
      const unknown = [...present].filter((userId) => !seated.some((place) => place.staffUserId === userId));
      if (unknown.length) throw BadUserInputError.field('input.presentUserIds', 'enrolled', `must be people with a place on the session (not: ${unknown.join(', ')})`);
      for (const place of seated) {
        const status = present.has(place.staffUserId) ? EnrolmentStatus.ATTENDED : EnrolmentStatus.ABSENT;
        if (place.status === status) continue;
        await manager.save(Object.assign(place, { status, updatedAt: now }));
        if (status === EnrolmentStatus.ATTENDED) await this.followUp.afterAttendance(manager, session.courseId, place.staffUserId);
      }
      return seated;
    });
  }
}
