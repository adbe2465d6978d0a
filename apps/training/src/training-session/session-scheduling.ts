import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { SessionEnrolment, TrainingSession } from './training-session.entity';
import { EnrolmentStatus, SEATED, SessionMode, SessionStatus } from './training-session.enums';
import type { ScheduleTrainingSessionInput } from './training-session.inputs';

/** What scheduling needs of the rest of training: that the course exists, and who the trainer is. */
export interface SessionScheduleChecks {
  courseExists(courseId: string, manager: EntityManager): Promise<boolean>;
  roleOf(userId: string, manager: EntityManager): Promise<string | null>;
}

/** Trainers schedule sessions of a course, and cancel them (every place goes with it). */
export class SessionScheduling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly checks: SessionScheduleChecks,
  ) {}

  async schedule(input: ScheduleTrainingSessionInput, _by: Identity): Promise<TrainingSession> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw BadUserInputError.field('input.endsAt', 'after-start', 'must be after the start');
    if (input.mode === SessionMode.ONLINE && !/^https:\/\/\S+$/.test(input.location.trim())) throw BadUserInputError.field('input.location', 'meeting-link', 'must be the https meeting link of an online session');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.checks.courseExists(input.courseId, manager))) throw BadUserInputError.field('input.courseId', 'exists', 'must be an existing course');
      if ((await this.checks.roleOf(input.trainerUserId, manager)) !== 'trainer') throw BadUserInputError.field('input.trainerUserId', 'trainer', 'must be a trainer on training’s roster');
      return manager.save(
        manager.create(TrainingSession, {
          courseId: input.courseId,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          trainerUserId: input.trainerUserId,
          capacity: input.capacity,
          mode: input.mode,
          location: input.location.trim(),
          status: SessionStatus.SCHEDULED,
          createdAt: this.clock.now(),
        }),
      );
    });
  }

  async cancel(sessionId: string): Promise<TrainingSession> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lock(manager, sessionId);
      if (session.status === SessionStatus.CANCELLED) return session;
      if (session.startsAt.getTime() <= this.clock.now().getTime()) throw new ConflictError('A session that has started cannot be cancelled', { startsAt: session.startsAt.toISOString() });
      await manager
        .createQueryBuilder()
        .update(SessionEnrolment)
        .set({ status: EnrolmentStatus.CANCELLED, updatedAt: this.clock.now() })
        .where('sessionId = :sessionId AND status IN (:...open)', { sessionId, open: [EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED] })
        .execute();
      return manager.save(Object.assign(session, { status: SessionStatus.CANCELLED }));
    });
  }

  sessionsOf(courseId: string): Promise<TrainingSession[]> {
    if (!isUuid(courseId)) return Promise.resolve([]);
    return this.dataSource.getRepository(TrainingSession).find({ where: { courseId }, order: { startsAt: 'ASC', id: 'ASC' }, take: 500 });
  }

  seatsTaken(sessionId: string): Promise<number> {
    return this.dataSource.getRepository(SessionEnrolment).countBy({ sessionId, status: In([...SEATED]) });
  }

  /** The session, locked for the rest of the transaction: places on it are given one at a time. */
  async lock(manager: EntityManager, sessionId: string): Promise<TrainingSession> {
    const session = isUuid(sessionId) ? await manager.findOne(TrainingSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!session) throw new NotFoundError('TrainingSession', sessionId);
    return session;
  }
}
