import type { BookingInput, BookingLines } from './booking-csv';
import { problemInFile } from './booking-csv';

const IMPORT = `mutation ImportBookings($input: ImportBookingsInput!) {
  importBookings(input: $input) { imported created updated unchanged stale }
}`;

export interface ImportSummary {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
}

/** The gateway refused the import: each problem as a line of the file says it. */
export class ImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`the import was refused; nothing was imported:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ImportRefused';
  }
}

/**
 * Sends the bookings to the gateway's importBookings as the integration role (all or none), and
 * turns a refusal's fields (`input.bookings.3.segments.1.origin`) back into lines and columns of
 * the file.
 */
export async function importThroughGateway(url: string, token: string, bookings: BookingInput[], lines: BookingLines[]): Promise<ImportSummary> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: IMPORT, variables: { input: { bookings } } }),
    });
  } catch (error) {
    throw Object.assign(new Error(`the gateway at ${url} cannot be reached (${(error as Error).message}); is the platform running?`), { code: 'UNREACHABLE' });
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: { importBookings?: ImportSummary } | null;
    errors?: { message: string; extensions?: { code?: string; problems?: { field: string; message: string }[] } }[];
  };
  if (body.errors?.length) {
    const problems = body.errors.flatMap((error) => {
      const code = error.extensions?.code;
      if (code === 'BAD_USER_INPUT' && error.extensions?.problems?.length) {
        return error.extensions.problems.map((problem) => {
          const { line, column, booking } = problemInFile(problem.field, lines, bookings);
          const where = line ? `line ${line}${column ? `, ${column}` : ''}${booking ? ` (booking ${booking})` : ''}` : problem.field;
          return `${where}: ${problem.message}`;
        });
      }
      if (code === 'UNAUTHENTICATED') return [`the token was refused (${error.message}): sign one for the integration role`];
      if (code === 'FORBIDDEN') return [`the token's role may not import bookings (${error.message}): the integration role may`];
      return [`${code ?? 'error'}: ${error.message}`];
    });
    throw new ImportRefused(problems);
  }
  if (!response.ok || !body.data?.importBookings) throw new Error(`the gateway answered ${response.status} without a result`);
  return body.data.importBookings;
}
