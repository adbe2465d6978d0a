/** A file as stored: its bytes and the media type it was checked to be. */
export interface StoredFile {
  content: Buffer;
  contentType: string;
  size: number;
}

/**
 * Where a service keeps the files people send it (attachments, documents). One interface, two
 * stores: the service's own PostgreSQL database by default, S3-compatible object storage in
 * production. Keys are chosen by the service (a uuid); a key is written once and never overwritten.
 */
export interface FileStorage {
  /** Which store this is, for logs and readiness: `database` or `s3`. */
  readonly kind: string;
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** null when no file has that key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file (an erasure); a key without a file is no error. */
  delete(key: string): Promise<void>;
}
