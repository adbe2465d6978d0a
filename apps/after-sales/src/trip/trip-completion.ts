import type { Clock } from '@carebridge/service-kit';
import { type DataSource, In, IsNull, LessThanOrEqual } from 'typeorm';
import type { TripAnnouncements } from './trip-announcements';
import { COMPLETABLE_BY_SCHEDULE } from './trip-lifecycle';
import { TripSegment } from './trip-segment.entity';
import { Trip } from './trip.entity';
import { TripStatus, TripStepSource } from './trip.enums';

const BATCH = 100;

/**
 * Completing trips whose end has passed, for reservation systems that never say `booking.completed`
 * (or say it late): a confirmed trip is completed `delayHours` after its end (0: never by schedule),
 * and `trip.completed` goes out via SCHEDULE, so that post-trip follow-up starts either way. A
 * completion the reservation system sends later changes nothing; a cancellation it sends still wins.
 */
export class TripCompletion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly announcements: TripAnnouncements,
    private readonly delayHours: number,
  ) {}

  /** Completes every trip due by `now`, a batch per transaction; how many it completed. */
  async completeEnded(now = this.clock.now()): Promise<number> {
    if (this.delayHours <= 0) return 0;
    const endedBy = new Date(now.getTime() - this.delayHours * 3_600_000);
    let completed = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const due = await manager.find(Trip, {
          // Trips of erased customers take no steps any more.
          where: { status: In(COMPLETABLE_BY_SCHEDULE), endsAt: LessThanOrEqual(endedBy), anonymisedAt: IsNull() },
          order: { endsAt: 'ASC', id: 'ASC' },
          take: BATCH,
          lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        });
        for (const trip of due) {
          Object.assign(trip, { status: TripStatus.COMPLETED, completedAt: now, completedVia: TripStepSource.SCHEDULE, updatedAt: now });
          const saved = await manager.save(trip);
          const segments = await manager.find(TripSegment, { where: { tripId: trip.id }, order: { position: 'ASC' } });
          await this.announcements.completed(manager, saved, segments, TripStepSource.SCHEDULE);
        }
        return due.length;
      });
      completed += done;
      if (done < BATCH) return completed;
    }
  }
}
