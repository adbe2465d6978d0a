import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AttendanceRecording } from './attendance-recording';
import type { SessionEnrolments } from './session-enrolment';
import type { SessionScheduling } from './session-scheduling';
import { SessionEnrolment, TrainingSession } from './training-session.entity';
import { RecordAttendanceInput, ScheduleTrainingSessionInput } from './training-session.inputs';

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  constructor(
    private readonly scheduling: SessionScheduling,
    private readonly places: SessionEnrolments,
    private readonly attendance: AttendanceRecording,
  ) {}

  @Authorized()
  @Query(() => [TrainingSession], { description: 'The sessions of a course, soonest first.' })
  trainingSessions(@Arg('courseId', () => ID) courseId: string): Promise<TrainingSession[]> {
    return this.scheduling.sessionsOf(courseId);
  }

  @Authorized('trainer')
  @Mutation(() => TrainingSession, { description: 'Schedules a session of a course: date, trainer, capacity, online or in a room.' })
  scheduleTrainingSession(@Arg('input') input: ScheduleTrainingSessionInput, @Ctx() context: RequestContext): Promise<TrainingSession> {
    return this.scheduling.schedule(input, caller(context));
  }

  @Authorized('trainer')
  @Mutation(() => TrainingSession, { description: 'Cancels a session that has not started, with every place on it.' })
  cancelTrainingSession(@Arg('sessionId', () => ID) sessionId: string): Promise<TrainingSession> {
    return this.scheduling.cancel(sessionId);
  }

  @Authorized()
  @Mutation(() => SessionEnrolment, { description: 'Takes a place on a session, or on its waiting list when it is full. Staff enrol themselves (staffUserId omitted); trainers and supervisors enrol anyone.' })
  enrolInTrainingSession(@Arg('sessionId', () => ID) sessionId: string, @Ctx() context: RequestContext, @Arg('staffUserId', () => String, { nullable: true }) staffUserId?: string | null): Promise<SessionEnrolment> {
    const by = caller(context);
    return this.places.enrol(sessionId, staffUserId ?? by.userId, by);
  }

  @Authorized()
  @Mutation(() => SessionEnrolment, { description: 'Gives up a place (the first on the waiting list takes it) or leaves the waiting list.' })
  cancelTrainingEnrolment(@Arg('sessionId', () => ID) sessionId: string, @Ctx() context: RequestContext, @Arg('staffUserId', () => String, { nullable: true }) staffUserId?: string | null): Promise<SessionEnrolment> {
    const by = caller(context);
    return this.places.cancel(sessionId, staffUserId ?? by.userId, by);
  }

  @Authorized('trainer')
  @Mutation(() => [SessionEnrolment], { description: 'Records who attended a started session; the enrolled not listed were absent. Completes the course for those whose criteria are now met.' })
  recordTrainingAttendance(@Arg('input') input: RecordAttendanceInput, @Ctx() context: RequestContext): Promise<SessionEnrolment[]> {
    return this.attendance.record(input, caller(context));
  }

  @Authorized('trainer', 'supervisor')
  @FieldResolver(() => [SessionEnrolment], { description: 'Places and waiting list, in the order asked.' })
  enrolments(@Root() session: TrainingSession): Promise<SessionEnrolment[]> {
    return this.places.list(session.id);
  }

  @FieldResolver(() => Int, { description: 'Seats still free.' })
  async seatsLeft(@Root() session: TrainingSession): Promise<number> {
    return Math.max(session.capacity - (await this.scheduling.seatsTaken(session.id)), 0);
  }
}

@Resolver(() => SessionEnrolment)
export class SessionEnrolmentResolver {
  constructor(private readonly enrolments: SessionEnrolments) {}

  @FieldResolver(() => Int, { nullable: true, description: 'On the waiting list: 1 for the next to be promoted.' })
  waitingPosition(@Root() place: SessionEnrolment): Promise<number | null> {
    return this.enrolments.waitingPosition(place);
  }
}
