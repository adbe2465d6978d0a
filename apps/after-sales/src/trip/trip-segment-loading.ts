import DataLoader from 'dataloader';
import type { TripSegment } from './trip-segment.entity';
import type { TripQueries } from './trip-queries';

/**
 * The segments of the trips one request shows, loaded together: a page of trips, a customer's trips
 * or an incident list asks for each trip's segments, and DataLoader gathers those asks of one tick
 * into one query (`TripQueries.segmentsOfTrips`) instead of one per trip. A loader lives as long as
 * its request's context, so nothing is cached across requests.
 */
export class TripSegmentLoading {
  private readonly loaders = new WeakMap<object, { current: DataLoader<string, TripSegment[]>; all: DataLoader<string, TripSegment[]> }>();

  constructor(private readonly queries: TripQueries) {}

  segmentsOf(context: object, tripId: string, includeRemoved = false): Promise<TripSegment[]> {
    let loaders = this.loaders.get(context);
    if (!loaders) {
      const loader = (removedToo: boolean) =>
        new DataLoader<string, TripSegment[]>(async (tripIds) => {
          const segments = await this.queries.segmentsOfTrips(tripIds, removedToo);
          return tripIds.map((id) => segments.get(id) ?? []);
        });
      loaders = { current: loader(false), all: loader(true) };
      this.loaders.set(context, loaders);
    }
    return (includeRemoved ? loaders.all : loaders.current).load(tripId);
  }
}
