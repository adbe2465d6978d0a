import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseBookingsCsv } from './booking-csv';
import { importThroughGateway } from './gateway-import';

const USAGE = `usage: npm run bookings:import -- <bookings.csv> [--url http://localhost:4000/graphql] [--token TOKEN] [--delimiter ';'] [--dry-run]
  The token (or CAREBRIDGE_TOKEN) is a bearer token of the integration role; in development:
    CAREBRIDGE_TOKEN=$(npm run -s token -- --role integration) npm run bookings:import -- bookings.csv
  One row per segment; the format is in docs/services/after-sales.md ("Importing bookings").`;

/**
 * `npm run bookings:import -- bookings.csv`: imports a reservation system's bookings export into
 * after-sales through the gateway's importBookings, all or none. Problems in the file are reported
 * by line and column before anything is sent; those the gateway finds, too.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.CAREBRIDGE_GATEWAY_URL ?? 'http://localhost:4000/graphql' },
      token: { type: 'string' },
      delimiter: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const { bookings, lines, problems } = parseBookingsCsv(text, { delimiter: values.delimiter });
  if (problems.length) {
    process.stderr.write(`${file} has problems; nothing was imported:\n`);
    for (const p of problems) process.stderr.write(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}\n`);
    return 1;
  }
  const segments = bookings.reduce((sum, booking) => sum + booking.segments.length, 0);
  if (values['dry-run']) {
    process.stdout.write(`${JSON.stringify({ bookings }, null, 2)}\n`);
    process.stderr.write(`${file}: ${bookings.length} bookings with ${segments} segments read; --dry-run: nothing sent\n`);
    return 0;
  }
  const token = values.token ?? process.env.CAREBRIDGE_TOKEN;
  if (!token) {
    process.stderr.write(`no token: pass --token or set CAREBRIDGE_TOKEN (a bearer token of the integration role)\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await importThroughGateway(values.url, token, bookings, lines);
    process.stdout.write(
      `${file}: imported ${result.imported} bookings (${segments} segments): ${result.created} new trips, ${result.updated} updated, ` +
        `${result.unchanged} unchanged, ${result.stale} older than the trip (ignored)\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error & { code?: string }) => {
    process.stderr.write(error.code?.startsWith('ERR_PARSE_ARGS') ? `${error.message}\n${USAGE}\n` : `${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  },
);
