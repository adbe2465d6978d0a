import { Field, Int, ObjectType } from 'type-graphql';
import { Trip } from './trip.entity';

@ObjectType('ImportBookingsResult', { description: 'What an import did: how many bookings made new trips, moved trips on, or were no newer than the trip.' })
export class ImportBookingsResult {
  @Field(() => Int, { description: 'Bookings in the import.' })
  imported: number;

  @Field(() => Int, { description: 'Bookings not known before: new trips.' })
  created: number;

  @Field(() => Int, { description: 'Newer states of known bookings.' })
  updated: number;

  @Field(() => Int, { description: 'States the trips already held (the same changedAt).' })
  unchanged: number;

  @Field(() => Int, { description: 'States older than the trips hold: ignored.' })
  stale: number;

  @Field(() => [Trip], { description: 'The trip of each booking, in the order of the import.' })
  trips: Trip[];
}
