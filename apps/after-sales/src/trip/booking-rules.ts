import { BadUserInputError, type FieldProblem, REPORTED_TIME_TOLERANCE_MS } from '@carebridge/domain';
import { type BookingSegment, type BookingSnapshot, bookingSnapshot } from '@carebridge/event-contracts';
import { matchKey } from './booking-segments';

/** What zod calls a broken rule, in the words of Carebridge's field problems. */
const RULES: Record<string, string> = {
  invalid_type: 'type',
  invalid_format: 'format',
  invalid_value: 'one-of',
  invalid_union: 'one-of',
  too_small: 'min',
  too_big: 'max',
  not_multiple_of: 'format',
};

/**
 * A booking as the reservation system sent it, checked against the contract's rules (one
 * definition for the booking events and the import) and the rules between fields: a flight
 * arrives after it departs and between two airports, a stay ends after it starts, and the same
 * segment is not listed twice. Every problem is named by its field under `field`, e.g.
 * `input.bookings.3.segments.1.origin`; none is left out.
 */
export function checkBooking(raw: unknown, field: string, now: Date): BookingSnapshot {
  const parsed = bookingSnapshot.safeParse(raw);
  if (!parsed.success) {
    throw new BadUserInputError(
      parsed.error.issues.map((issue) => ({
        field: [field, ...issue.path.map(String)].join('.'),
        rule: issue.message === 'is required' ? 'required' : (RULES[issue.code] ?? issue.code),
        message: issue.message,
      })),
    );
  }
  const problems = bookingProblems(parsed.data, field, now);
  if (problems.length) throw new BadUserInputError(problems);
  return parsed.data;
}

/** The rules between fields of a well-formed booking. */
export function bookingProblems(booking: BookingSnapshot, field: string, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (Date.parse(booking.changedAt) > now.getTime() + REPORTED_TIME_TOLERANCE_MS) {
    problems.push({ field: `${field}.changedAt`, rule: 'past', message: 'must not be in the future' });
  }
  const seen = new Map<string, number>();
  booking.segments.forEach((segment, index) => {
    const at = `${field}.segments.${index}`;
    problems.push(...segmentProblems(segment, at));
    const key = matchKey(segment);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: at, rule: 'unique', message: `lists the same segment as segments.${first} (give each its reference to tell them apart)` });
    else seen.set(key, index);
  });
  return problems;
}

function segmentProblems(segment: BookingSegment, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const after = (later: string | null | undefined, earlier: string, laterField: string, earlierField: string) => {
    if (later && Date.parse(later) <= Date.parse(earlier)) problems.push({ field: `${at}.${laterField}`, rule: 'after', message: `must be after ${earlierField}` });
  };
  switch (segment.kind) {
    case 'FLIGHT':
      if (segment.origin === segment.destination) problems.push({ field: `${at}.destination`, rule: 'different', message: 'must be another airport than origin' });
      after(segment.arrivalAt, segment.departureAt, 'arrivalAt', 'departureAt');
      break;
    case 'HOTEL':
      after(segment.checkOutAt, segment.checkInAt, 'checkOutAt', 'checkInAt');
      break;
    case 'TOUR':
      after(segment.endsAt, segment.startsAt, 'endsAt', 'startsAt');
      break;
    case 'TRANSFER':
      after(segment.dropOffAt, segment.pickupAt, 'dropOffAt', 'pickupAt');
      break;
  }
  return problems;
}
