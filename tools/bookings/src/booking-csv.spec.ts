import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBookingsCsv, problemInFile } from './booking-csv';

const EXAMPLE = readFileSync(join(__dirname, '../examples/bookings.csv'), 'utf8');
const HEADER = 'booking_reference,customer_id,status,changed_at,kind,carrier,flight_number,origin,destination,departure_at,arrival_at';
const CUSTOMER = '3f0b5a9e-2c1d-4e8f-9a7b-6c5d4e3f2a10';

describe('reading a bookings CSV file', () => {
  it('makes one booking of the rows of each booking reference and time, segments in file order', () => {
    const { bookings, lines, problems } = parseBookingsCsv(EXAMPLE);
    expect(problems).toEqual([]);
    expect(bookings.map((b) => [b.bookingReference, b.status, b.segments.map((s) => s.kind)])).toEqual([
      ['ORD-2026-0042', 'CONFIRMED', ['FLIGHT', 'HOTEL', 'TOUR', 'FLIGHT']],
      ['W9Q4LM', 'CANCELLED', ['FLIGHT']],
    ]);
    expect(bookings[0]).toMatchObject({ customerId: CUSTOMER, changedAt: '2026-11-20T10:00:00Z', travellers: 1 });
    expect(bookings[0].segments[0]).toEqual({
      kind: 'FLIGHT',
      carrier: 'LH',
      flightNumber: '400',
      origin: 'FRA',
      destination: 'JFK',
      departureAt: '2026-12-01T10:00:00+01:00',
      arrivalAt: '2026-12-01T12:45:00-05:00',
      distanceKm: 6200,
    });
    expect(bookings[0].segments[2]).toEqual({ kind: 'TOUR', name: 'Harbour cruise', supplier: 'Circle Line', startsAt: '2026-12-03T10:00:00-05:00', endsAt: '2026-12-03T12:30:00-05:00' });
    expect(bookings[1]).not.toHaveProperty('travellers');
    expect(lines).toEqual([
      { booking: 2, segments: [2, 3, 4, 5] },
      { booking: 6, segments: [6] },
    ]);
  });

  it('keeps two states of one booking apart, and reads semicolons, loose header names and a byte-order mark', () => {
    const text = `\uFEFFBooking Reference;customerId;Changed At;KIND;carrier;flight number;origin;destination;departure_at;arrival_at
AB12CD;${CUSTOMER};2026-11-20T10:00:00Z;flight;LH;1;FRA;MUC;2026-12-01T10:00:00Z;2026-12-01T11:00:00Z
AB12CD;${CUSTOMER};2026-11-21T10:00:00Z;flight;LH;3;FRA;MUC;2026-12-01T12:00:00Z;2026-12-01T13:00:00Z`;
    const { bookings, problems } = parseBookingsCsv(text);
    expect(problems).toEqual([]);
    expect(bookings.map((b) => [b.changedAt, b.status, b.segments[0].flightNumber])).toEqual([
      ['2026-11-20T10:00:00Z', 'CONFIRMED', '1'],
      ['2026-11-21T10:00:00Z', 'CONFIRMED', '3'],
    ]);
  });

  it('names line and column of what the gateway would refuse without naming the row', () => {
    const text = `${HEADER},travellers,wrong_column
AB12CD,${CUSTOMER},MAYBE,yesterday,FLIGHT,LH,1,FRA,MUC,2026-12-01 10:00,2026-12-01T11:00:00Z,two,`;
    expect(parseBookingsCsv(text).problems).toEqual([{ line: 1, column: 'wrong_column', message: expect.stringMatching(/^is not a column of a bookings file/) }]);
    const { problems } = parseBookingsCsv(`${HEADER},travellers
AB12CD,${CUSTOMER},MAYBE,yesterday,SHIP,LH,1,FRA,MUC,2026-12-01 10:00,2026-12-01T11:00:00Z,two
AB12CD,${CUSTOMER},MAYBE,yesterday,FLIGHT,LH,1,FRA,MUC,2026-12-01T10:00:00Z,2026-12-01T11:00:00Z,3`);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 'status', 'must be CONFIRMED, CANCELLED, COMPLETED (empty: CONFIRMED)'],
      [2, 'changed_at', 'must be an ISO-8601 time with its offset, e.g. 2026-12-12T07:35:00+01:00'],
      [2, 'kind', 'must be FLIGHT, HOTEL, TOUR, TRANSFER'],
      [2, 'departure_at', 'must be an ISO-8601 time with its offset, e.g. 2026-12-12T07:35:00+01:00'],
      [2, 'travellers', 'must be a whole number'],
      [3, 'status', 'must be CONFIRMED, CANCELLED, COMPLETED (empty: CONFIRMED)'],
      [3, 'changed_at', 'must be an ISO-8601 time with its offset, e.g. 2026-12-12T07:35:00+01:00'],
      [3, 'travellers', 'differs from line 2, the first row of booking AB12CD'],
    ]);
  });

  it('refuses a file without the required columns, without rows, or with a row of the wrong length', () => {
    expect(parseBookingsCsv('kind,carrier\nFLIGHT,LH').problems.map((p) => p.column)).toEqual(['booking_reference', 'customer_id', 'changed_at']);
    expect(parseBookingsCsv(`${HEADER}\n`).problems).toEqual([{ line: 2, message: expect.stringMatching(/no rows/) }]);
    expect(parseBookingsCsv('').problems).toEqual([{ line: 1, message: expect.stringMatching(/empty/) }]);
    expect(parseBookingsCsv(`${HEADER}\nAB12CD,${CUSTOMER}`).problems).toEqual([{ line: 2, message: expect.stringMatching(/^not readable as CSV/) }]);
  });

  it('turns the gateway’s field names back into lines and columns of the file', () => {
    const { bookings, lines } = parseBookingsCsv(EXAMPLE);
    expect(problemInFile('input.bookings.0.segments.3.flightNumber', lines, bookings)).toEqual({ line: 5, column: 'flight_number', booking: 'ORD-2026-0042' });
    expect(problemInFile('input.bookings.1.customerId', lines, bookings)).toEqual({ line: 6, column: 'customer_id', booking: 'W9Q4LM' });
    expect(problemInFile('input.bookings.0.segments.2', lines, bookings)).toEqual({ line: 4, column: undefined, booking: 'ORD-2026-0042' });
    expect(problemInFile('input.bookings', lines, bookings)).toEqual({});
  });
});
