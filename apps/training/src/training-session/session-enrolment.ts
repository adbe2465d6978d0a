import { type Identity, hasAnyRole } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ForbiddenError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { SessionScheduling } from './session-scheduling';
import { SessionEnrolment, type TrainingSession } from './training-session.entity';
import { EnrolmentStatus, SessionStatus } from './training-session.enums';

/**
 * Places on a session: within its capacity a person is enrolled, beyond it waitlisted; when an
 * enrolled person cancels, the first on the waiting list (by when they asked) takes the seat.
 * Staff enrol themselves; trainers and supervisors enrol anyone on the roster.
 */
export class SessionEnrolments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly scheduling: SessionScheduling,
    private readonly roster: { require(userId: string, field: string, manager: EntityManager): Promise<unknown> },
  ) {}

  async enrol(sessionId: string, staffUserId: string, by: Identity): Promise<SessionEnrolment> {
    this.mayActFor(staffUserId, by);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.scheduling.lock(manager, sessionId);
      this.open(session);
      await this.roster.require(staffUserId, 'staffUserId', manager);
      const now = this.clock.now();
      const existing = await manager.findOneBy(SessionEnrolment, { sessionId, staffUserId });
      if (existing && existing.status !== EnrolmentStatus.CANCELLED) throw new ConflictError(`${staffUserId} already has a place on this session`, { status: existing.status });
      const seated = await manager.countBy(SessionEnrolment, { sessionId, status: EnrolmentStatus.ENROLLED });
      const status = seated < session.capacity ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
      return manager.save(Object.assign(existing ?? manager.create(SessionEnrolment, { sessionId, staffUserId }), { status, requestedAt: now, updatedAt: now }));
    });
  }

  /** Cancels a place; a freed seat goes to the first on the waiting list. Answers the cancelled place. */
  async cancel(sessionId: string, staffUserId: string, by: Identity): Promise<SessionEnrolment> {
    this.mayActFor(staffUserId, by);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.scheduling.lock(manager, sessionId);
      this.open(session);
      const place = await manager.findOneBy(SessionEnrolment, { sessionId, staffUserId, status: In([EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED]) });
      if (!place) throw BadUserInputError.field('staffUserId', 'enrolled', 'must have a place or be on the waiting list of this session');
      const now = this.clock.now();
      const freedSeat = place.status === EnrolmentStatus.ENROLLED;
      await manager.save(Object.assign(place, { status: EnrolmentStatus.CANCELLED, updatedAt: now }));
      if (freedSeat) {
        const next = await manager.findOne(SessionEnrolment, { where: { sessionId, status: EnrolmentStatus.WAITLISTED }, order: { requestedAt: 'ASC', id: 'ASC' } });
        if (next) await manager.save(Object.assign(next, { status: EnrolmentStatus.ENROLLED, updatedAt: now }));
      }
      return place;
    });
  }

  list(sessionId: string): Promise<SessionEnrolment[]> {
    return this.dataSource.getRepository(SessionEnrolment).find({ where: { sessionId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  /** Where the waiting list stands: 1 for the next to be promoted. */
  async waitingPosition(place: SessionEnrolment): Promise<number | null> {
    if (place.status !== EnrolmentStatus.WAITLISTED) return null;
    const ahead = await this.dataSource
      .getRepository(SessionEnrolment)
      .createQueryBuilder('e')
      .where('e.sessionId = :sessionId AND e.status = :status', { sessionId: place.sessionId, status: EnrolmentStatus.WAITLISTED })
      .andWhere('(e.requestedAt, e.id) < (:requestedAt, :id)', { requestedAt: place.requestedAt, id: place.id })
      .getCount();
    return ahead + 1;
  }

  private open(session: TrainingSession): void {
    if (session.status !== SessionStatus.SCHEDULED) throw new ConflictError('The session was cancelled', { status: session.status });
    if (session.startsAt.getTime() <= this.clock.now().getTime()) throw new ConflictError('The session has started: places can no longer change', { startsAt: session.startsAt.toISOString() });
  }

  private mayActFor(staffUserId: string, by: Identity): void {
    if (staffUserId !== by.userId && !hasAnyRole(by, ['trainer', 'supervisor'])) throw new ForbiddenError('Only trainers and supervisors manage other people’s places');
  }
}
