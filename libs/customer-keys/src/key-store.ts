/** A data key: the plain key to encrypt with now, and the same key wrapped by the subject's key, to travel with the ciphertext. */
export interface DataKey {
  plaintext: Buffer;
  wrapped: string;
}

/**
 * Holds one key per data subject (a crm customer, or `contact:<id>` for someone crm does not know)
 * and never lets it out: it hands out data keys wrapped by the subject's key and unwraps them again
 * (envelope encryption, as Vault transit and cloud KMSs do). Destroying a subject's key makes every
 * data key wrapped by it — so every field encrypted with one — unreadable everywhere at once.
 */
export interface CustomerKeyStore {
  /** A fresh data key for `subject` (its key is made on first use), or undefined once the subject is erased. */
  generateDataKey(subject: string): Promise<DataKey | undefined>;
  /** The plain data key `wrapped` by `subject`'s key, or undefined once that key is destroyed. */
  unwrapDataKey(subject: string, wrapped: string): Promise<Buffer | undefined>;
  /** Destroys `subject`'s key for good and refuses to make a new one (idempotent). */
  destroy(subject: string): Promise<void>;
}

/** A key subject names a customer id or `contact:<id>`: nothing that needs escaping in SQL patterns or tokens. */
export function assertKeySubject(subject: string): void {
  if (!/^(contact:)?[0-9A-Za-z-]{1,64}$/.test(subject)) throw new Error('A key subject is a customer id or contact:<id>');
}

/** Runs SQL: a TypeORM DataSource or EntityManager, or a pg pool adapted to return the rows. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
