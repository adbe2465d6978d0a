import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import { type BookingSnapshot, flightSegment, hotelSegment, tourSegment, transferSegment } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { checkBooking } from './booking-rules';
import type { BookingOutcome, TripBookings } from './trip-bookings';
import type { Trip } from './trip.entity';
import { BookingIntent, type TripSegmentKind, TripStepSource } from './trip.enums';
import type { BookingInput, BookingSegmentInput, ImportBookingsInput } from './trip.inputs';

/** What an import did, booking by booking in the order given. */
export interface ImportedBookings {
  trips: Trip[];
  outcomes: BookingOutcome[];
}

/** The fields each kind of segment has (the contract's), so that a field of another kind is refused rather than dropped. */
const SEGMENT_FIELDS: Record<TripSegmentKind, Set<string>> = {
  FLIGHT: new Set(Object.keys(flightSegment.shape)),
  HOTEL: new Set(Object.keys(hotelSegment.shape)),
  TOUR: new Set(Object.keys(tourSegment.shape)),
  TRANSFER: new Set(Object.keys(transferSegment.shape)),
};
/** Codes compared in capitals, whatever case a spreadsheet used. */
const CODES = new Set(['carrier', 'flightNumber', 'origin', 'destination', 'countryCode']);

/**
 * The bulk import of bookings, for companies whose reservation system does not publish booking
 * events (`importBookings`, `npm run bookings:import`). All or nothing, in one transaction: every
 * booking is checked first, and any problem — a broken segment, an unknown customer — refuses the
 * whole import, naming each field by its row (`input.bookings.3.segments.1.origin`). Valid
 * bookings then follow the same rules as booking events (trip-bookings.ts): a state older than the
 * trip's is ignored, so importing the same file twice changes nothing.
 */
export class BookingImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly bookings: TripBookings,
    private readonly clock: Clock,
    private readonly maxBookings: number,
  ) {}

  async importBookings(input: ImportBookingsInput, _by: Identity): Promise<ImportedBookings> {
    const rows = input.bookings ?? [];
    if (rows.length === 0) throw BadUserInputError.field('input.bookings', 'min', 'must list at least one booking');
    if (rows.length > this.maxBookings) {
      throw BadUserInputError.field('input.bookings', 'max', `must list at most ${this.maxBookings} bookings (AFTER_SALES_IMPORT_MAX_BOOKINGS); split the import`);
    }
    const now = this.clock.now();
    const problems: FieldProblem[] = [];
    const checked: (BookingSnapshot | undefined)[] = rows.map((row, index) => {
      const field = `input.bookings.${index}`;
      problems.push(...foreignFields(row, field));
      try {
        return checkBooking(rawBooking(row), field, now);
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        problems.push(...error.problems);
        return undefined;
      }
    });
    return this.dataSource.transaction(async (manager) => {
      const owners: string[] = [];
      for (const [index, booking] of checked.entries()) {
        if (!booking) continue;
        const standing = await this.customers.standing(manager, booking.customerId);
        if (standing.state === 'KNOWN') owners[index] = standing.id;
        else {
          const why = standing.state === 'ERASED' ? `customer "${booking.customerId}" was erased` : `no customer with id "${booking.customerId}" is known`;
          problems.push({ field: `input.bookings.${index}.customerId`, rule: 'known-customer', message: why });
        }
      }
      if (problems.length) throw new BadUserInputError(problems);
      const trips: Trip[] = [];
      const outcomes: BookingOutcome[] = [];
      for (const [index, booking] of (checked as BookingSnapshot[]).entries()) {
        const { trip, outcome } = await this.bookings.apply(manager, booking, BookingIntent[rows[index].status], TripStepSource.IMPORT, owners[index]);
        trips.push(trip);
        outcomes.push(outcome);
      }
      return { trips, outcomes };
    });
  }
}

/** A row of the import as a booking event would carry it: codes in capitals, text trimmed, times in ISO-8601, unset fields left out. */
function rawBooking(row: BookingInput): Record<string, unknown> {
  return {
    bookingReference: typeof row.bookingReference === 'string' ? row.bookingReference.trim().toUpperCase() : row.bookingReference,
    customerId: typeof row.customerId === 'string' ? row.customerId.trim().toLowerCase() : row.customerId,
    changedAt: iso(row.changedAt),
    travellers: row.travellers ?? undefined,
    segments: (row.segments ?? []).map(rawSegment),
  };
}

function rawSegment(segment: BookingSegmentInput): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(segment)) {
    if (value === null || value === undefined) continue;
    if (value instanceof Date) raw[name] = iso(value);
    else if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed) raw[name] = CODES.has(name) ? trimmed.toUpperCase() : trimmed;
    } else raw[name] = value;
  }
  return raw;
}

function iso(time: Date | null | undefined): string | undefined {
  return time instanceof Date && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined;
}

/** Fields set on a segment that its kind does not have: refused, so that nothing given is silently dropped. */
function foreignFields(row: BookingInput, field: string): FieldProblem[] {
  return (row.segments ?? []).flatMap((segment, index) => {
    const allowed = SEGMENT_FIELDS[segment.kind];
    if (!allowed) return [];
    return Object.entries(segment)
      .filter(([name, value]) => value !== null && value !== undefined && !allowed.has(name))
      .map(([name]) => ({ field: `${field}.segments.${index}.${name}`, rule: 'kind', message: `is not a field of a ${segment.kind} segment` }));
  });
}
