import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import { unprintableCharacters } from './pdf-a';

/** The largest file recorded from another issuer (an e-fapiao PDF or OFD is some tens of kilobytes). */
export const MAX_RECORDED_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Refuses text the document fonts cannot print — a name in Thai letters or Hangul, say — naming
 * each field, rather than issue a document with empty boxes where the name should be.
 */
export function ensurePrintable(fields: [field: string, text: string | null | undefined][]): void {
  const problems: FieldProblem[] = [];
  for (const [field, text] of fields) {
    if (!text) continue;
    const missing = unprintableCharacters(text);
    if (missing.length) {
      problems.push({
        field,
        rule: 'printable',
        message: `contains characters the document font cannot print (${missing.slice(0, 5).join(' ')}); write it in Latin, Greek, Cyrillic or Chinese characters, e.g. as in the passport`,
      });
    }
  }
  if (problems.length) throw new BadUserInputError(problems);
}

/** The bytes of a recorded file, checked against their declared type and the size limit. */
export function decodeRecordedFile(file: { fileName: string; contentType: string; contentBase64: string }, field = 'input.file'): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(file.contentBase64)) throw BadUserInputError.field(`${field}.contentBase64`, 'base64', 'must be the file’s bytes in base64');
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw BadUserInputError.field(`${field}.contentBase64`, 'not-empty', 'must not be an empty file');
  if (bytes.length > MAX_RECORDED_FILE_BYTES) throw BadUserInputError.field(`${field}.contentBase64`, 'size', `must be at most ${MAX_RECORDED_FILE_BYTES / 1024 / 1024} MiB`);
  const head = bytes.subarray(0, 8).toString('latin1');
  const matches =
    file.contentType === 'application/pdf'
      ? head.startsWith('%PDF-')
      : file.contentType === 'application/ofd'
        ? head.startsWith('PK\u0003\u0004')
        : /^(\uFEFF|\u00EF\u00BB\u00BF)?\s*</.test(bytes.subarray(0, 64).toString('latin1'));
  if (!matches) throw BadUserInputError.field(`${field}.contentType`, 'content', `does not match the file: it is not ${file.contentType}`);
  return bytes;
}

/** `YYYY-MM-DD` that exists in the calendar. */
export function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
