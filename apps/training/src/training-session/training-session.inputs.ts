import { IsDate, IsIn, IsInt, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SessionMode } from './training-session.enums';

@InputType({ description: 'A new session of a course.' })
export class ScheduleTrainingSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a course id (UUID)' })
  courseId: string;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  startsAt: Date;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  endsAt: Date;

  @Field({ description: 'The trainer’s user id (on training’s roster).' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  trainerUserId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  capacity: number;

  @Field(() => SessionMode)
  @IsIn(Object.values(SessionMode))
  mode: SessionMode;

  @Field({ description: 'The room, or the meeting link (https) of an online session.' })
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  location: string;
}

@InputType({ description: 'Who attended a session: everyone not listed among the enrolled was absent.' })
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a session id (UUID)' })
  sessionId: string;

  @Field(() => [String], { description: 'User ids of those present.' })
  @Length(1, 200, { each: true })
  presentUserIds: string[];
}
