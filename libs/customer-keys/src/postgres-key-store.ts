import { newKey, seal, unseal } from './aes-gcm';
import { type CustomerKeyStore, type DataKey, type Queryable, assertKeySubject } from './key-store';

/**
 * The embedded key store: one row per subject in a PostgreSQL database every service reaches
 * (`carebridge_keys` on the services' server unless configured). A subject's key is stored wrapped
 * by the master key (CUSTOMER_KEYS_MASTER_KEY), so a dump of the table alone reveals nothing;
 * destroying it clears the row and leaves a tombstone that refuses new keys for the subject.
 */
export class PostgresCustomerKeyStore implements CustomerKeyStore {
  private ready?: Promise<void>;

  constructor(
    private readonly database: Queryable,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) throw new Error('The customer keys master key must be 32 bytes');
  }

  private init(): Promise<void> {
    this.ready ??= (async () => {
      const create = () =>
        this.database.query(`
          CREATE TABLE IF NOT EXISTS customer_key (
            subject text PRIMARY KEY,
            wrapped_key bytea,
            created_at timestamptz NOT NULL DEFAULT now(),
            destroyed_at timestamptz
          )`);
      // Several services create the table at the same moment on a fresh database: the loser of that
      // race gets a duplicate-type error once, and then finds the table.
      await create().catch(() => create());
    })().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async subjectKey(subject: string, create: boolean): Promise<Buffer | undefined> {
    assertKeySubject(subject);
    await this.init();
    if (create) {
      const wrapped = seal(this.masterKey, newKey(), subject);
      await this.database.query('INSERT INTO customer_key (subject, wrapped_key) VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING', [subject, wrapped]);
    }
    const rows: { wrapped_key: Buffer | null }[] = await this.database.query('SELECT wrapped_key FROM customer_key WHERE subject = $1', [subject]);
    // No row at all is not an erasure (that leaves a tombstone): this is not the store that sealed the data.
    if (!rows.length) throw new Error('The customer key store holds no key for a sealed field: check CUSTOMER_KEYS_DATABASE_URL/_NAME');
    const wrapped = rows[0].wrapped_key;
    if (!wrapped) return undefined;
    const key = unseal(this.masterKey, wrapped, subject);
    if (!key) throw new Error('A customer key does not open with the configured master key (CUSTOMER_KEYS_MASTER_KEY)');
    return key;
  }

  async generateDataKey(subject: string): Promise<DataKey | undefined> {
    const key = await this.subjectKey(subject, true);
    if (!key) return undefined;
    const plaintext = newKey();
    return { plaintext, wrapped: seal(key, plaintext, subject).toString('base64url') };
  }

  async unwrapDataKey(subject: string, wrapped: string): Promise<Buffer | undefined> {
    const key = await this.subjectKey(subject, false);
    return key && unseal(key, Buffer.from(wrapped, 'base64url'), subject);
  }

  async destroy(subject: string): Promise<void> {
    assertKeySubject(subject);
    await this.init();
    await this.database.query(
      `INSERT INTO customer_key (subject, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(customer_key.destroyed_at, now())`,
      [subject],
    );
  }
}
