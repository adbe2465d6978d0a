import { BOOKING_SEGMENT_KINDS } from '@carebridge/event-contracts';
import { parse } from 'csv-parse/sync';

/**
 * A bookings file as the reservation system exports it: one row per segment, the booking's own
 * columns (reference, customer, status, changed_at, travellers) repeated on each of its rows. Rows
 * with the same booking reference and changed_at make one booking; a file may hold several states
 * of a booking (different changed_at), which after-sales applies in time order whatever their order.
 *
 * Column names are read loosely: `booking_reference`, `bookingReference` and `Booking reference`
 * are the same column. Unknown columns are refused, so that a misspelt one is not silently dropped.
 */

/** A booking segment as importBookings takes it (BookingSegmentInput). */
export type SegmentInput = Record<string, string | number>;

/** A booking as importBookings takes it (BookingInput). */
export interface BookingInput {
  bookingReference: string;
  customerId: string;
  status: string;
  changedAt: string;
  travellers?: number;
  segments: SegmentInput[];
}

/** Where a booking and each of its segments stand in the file (1-based lines, the header is line 1). */
export interface BookingLines {
  booking: number;
  segments: number[];
}

export interface CsvProblem {
  line: number;
  column?: string;
  message: string;
}

export interface ParsedBookings {
  bookings: BookingInput[];
  lines: BookingLines[];
  problems: CsvProblem[];
}

const BOOKING_COLUMNS = ['bookingReference', 'customerId', 'status', 'changedAt', 'travellers'] as const;
const SEGMENT_COLUMNS = [
  'kind',
  'reference',
  'carrier',
  'flightNumber',
  'origin',
  'destination',
  'departureAt',
  'arrivalAt',
  'distanceKm',
  'name',
  'city',
  'countryCode',
  'checkInAt',
  'checkOutAt',
  'supplier',
  'startsAt',
  'endsAt',
  'from',
  'to',
  'pickupAt',
  'dropOffAt',
] as const;
const TIMES = new Set(['changedAt', 'departureAt', 'arrivalAt', 'checkInAt', 'checkOutAt', 'startsAt', 'endsAt', 'pickupAt', 'dropOffAt']);
const WHOLE_NUMBERS = new Set(['travellers', 'distanceKm']);
const STATUSES = ['CONFIRMED', 'CANCELLED', 'COMPLETED'];
/** ISO-8601 with a time and an offset: the gateway's DateTime refuses anything else, without saying which row. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const looseName = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const KNOWN = new Map<string, string>([...BOOKING_COLUMNS, ...SEGMENT_COLUMNS].map((column) => [looseName(column), column]));

/** Reads a bookings file; problems name the line and column, and nothing is sent while there is one. */
export function parseBookingsCsv(text: string, options: { delimiter?: string } = {}): ParsedBookings {
  let records: string[][];
  try {
    records = parse(text, { delimiter: options.delimiter ?? detectDelimiter(text), bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 1);
    return { bookings: [], lines: [], problems: [{ line, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { bookings: [], lines: [], problems: [{ line: 1, message: 'the file is empty: a header row and one row per segment are expected' }] };
  const problems: CsvProblem[] = [];
  const columns = header.map((name) => KNOWN.get(looseName(name)));
  header.forEach((name, index) => {
    if (!columns[index]) problems.push({ line: 1, column: name, message: `is not a column of a bookings file (columns: ${[...BOOKING_COLUMNS, ...SEGMENT_COLUMNS].map(snake).join(', ')})` });
  });
  for (const required of ['bookingReference', 'customerId', 'changedAt', 'kind']) {
    if (!columns.includes(required)) problems.push({ line: 1, column: snake(required), message: 'is a required column' });
  }
  if (problems.length) return { bookings: [], lines: [], problems };
  if (!rows.length) return { bookings: [], lines: [], problems: [{ line: 2, message: 'the file has no rows: one row per segment is expected' }] };

  const bookings: BookingInput[] = [];
  const lines: BookingLines[] = [];
  const byState = new Map<string, number>();
  rows.forEach((cells, index) => {
    const line = index + 2;
    const row = new Map<string, string>();
    cells.forEach((value, column) => {
      if (value !== '') row.set(columns[column] as string, value);
    });
    const problem = (column: string, message: string) => problems.push({ line, column: snake(column), message });
    const value = (column: string): string | number | undefined => {
      const text = row.get(column);
      if (text === undefined) return undefined;
      if (TIMES.has(column) && !ISO_TIME.test(text)) problem(column, 'must be an ISO-8601 time with its offset, e.g. 2026-12-12T07:35:00+01:00');
      if (WHOLE_NUMBERS.has(column)) {
        if (!/^\d+$/.test(text)) problem(column, 'must be a whole number');
        return Number(text);
      }
      return text;
    };
    const status = (row.get('status') ?? 'CONFIRMED').toUpperCase();
    if (!STATUSES.includes(status)) problem('status', `must be ${STATUSES.join(', ')} (empty: CONFIRMED)`);
    const kind = (row.get('kind') ?? '').toUpperCase();
    if (!(BOOKING_SEGMENT_KINDS as readonly string[]).includes(kind)) problem('kind', `must be ${BOOKING_SEGMENT_KINDS.join(', ')}`);
    const segment: SegmentInput = { kind };
    for (const column of SEGMENT_COLUMNS) {
      if (column === 'kind') continue;
      const given = value(column);
      if (given !== undefined) segment[column] = given;
    }
    const booking: BookingInput = {
      bookingReference: row.get('bookingReference') ?? '',
      customerId: row.get('customerId') ?? '',
      status,
      changedAt: String(value('changedAt') ?? ''),
      segments: [],
    };
    const travellers = value('travellers');
    if (travellers !== undefined) booking.travellers = Number(travellers);

    const state = `${booking.bookingReference.toUpperCase()}|${booking.changedAt}`;
    const at = byState.get(state);
    if (at === undefined) {
      byState.set(state, bookings.length);
      bookings.push({ ...booking, segments: [segment] });
      lines.push({ booking: line, segments: [line] });
      return;
    }
    const first = bookings[at];
    for (const column of ['customerId', 'status', 'travellers'] as const) {
      if (String(first[column] ?? '') !== String(booking[column] ?? '')) problem(column, `differs from line ${lines[at].booking}, the first row of booking ${booking.bookingReference}`);
    }
    first.segments.push(segment);
    lines[at].segments.push(line);
  });
  // In the order a person reads the file: line by line, column by column.
  const place = (problem: CsvProblem) => columns.findIndex((column) => column && snake(column) === problem.column);
  problems.sort((a, b) => a.line - b.line || place(a) - place(b));
  return { bookings, lines, problems };
}

/** `input.bookings.3.segments.1.origin` → the line and column of the file it came from. */
export function problemInFile(field: string, lines: BookingLines[], bookings: BookingInput[]): { line?: number; column?: string; booking?: string } {
  const match = /^input\.bookings\.(\d+)(?:\.segments\.(\d+))?(?:\.(\w+))?/.exec(field);
  if (!match) return {};
  const [, bookingIndex, segmentIndex, column] = match;
  const place = lines[Number(bookingIndex)];
  const booking = bookings[Number(bookingIndex)]?.bookingReference;
  if (!place) return { booking };
  const line = segmentIndex !== undefined ? (place.segments[Number(segmentIndex)] ?? place.booking) : place.booking;
  return { line, column: column ? snake(column) : undefined, booking };
}

function snake(column: string): string {
  return column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Spreadsheets in many locales write `;`: the header line tells. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
