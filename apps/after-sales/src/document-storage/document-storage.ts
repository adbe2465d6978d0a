/**
 * Where the files of customer documents live: issued invoices, credit notes, travel certificates and
 * the files recorded from other issuers (e-fapiao). The database keeps what a document is and says;
 * the storage keeps its bytes under a key. Keys are the service's own (`<document id>/<file name>`),
 * never a customer's words, so that listing a bucket or a directory shows no personal data.
 *
 * The default stores files on the filesystem (`FileSystemDocumentStorage`). An object store fits the
 * same three operations; see docs/services/after-sales.md "Documents" for the adapter's shape.
 */
export interface DocumentStorage {
  /** Stores the bytes under `key`, replacing what was there; resolves once they are durable. */
  put(key: string, bytes: Uint8Array, meta: { contentType: string }): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Buffer | null>;
  /** Removes what is stored under `key`; removing a key that holds nothing is no error. */
  delete(key: string): Promise<void>;
}

/** Segments of letters, digits, dot, dash and underscore, separated by `/`; no empty, `.` or `..` segment. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}){0,4}$/;

/** Refuses a key that could leave the storage's root or that an object store would read differently. */
export function checkStorageKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`Not a document storage key: "${key}" (letters, digits, . _ - in up to five /-separated segments)`);
  }
  return key;
}
