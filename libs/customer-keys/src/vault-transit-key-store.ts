import { type CustomerKeyStore, type DataKey, type Queryable, assertKeySubject } from './key-store';

export interface VaultTransitOptions {
  /** e.g. https://vault.internal:8200 */
  address: string;
  token: string;
  /** Where the transit secrets engine is mounted. */
  mount?: string;
  /** Vault Enterprise namespace, if any. */
  namespace?: string;
  /**
   * Where erasures are remembered: Vault forgets a deleted key entirely, so without a record the
   * next event about an erased customer would make them a new key.
   */
  erasures: ErasureRecord;
  fetch?: typeof fetch;
}

export interface ErasureRecord {
  isErased(subject: string): Promise<boolean>;
  record(subject: string): Promise<void>;
}

/**
 * The key store in HashiCorp Vault's transit engine (or OpenBao): one transit key per subject,
 * `carebridge-customer-<subject>`; data keys come from `datakey/plaintext`, are unwrapped with
 * `decrypt`, and erasure deletes the transit key (after allowing its deletion). The subject keys
 * never leave Vault. Services need a token whose policy allows, on `<mount>/keys/carebridge-customer-*`,
 * create and delete, and on `<mount>/datakey/plaintext/…` and `<mount>/decrypt/…` update.
 */
export class VaultTransitKeyStore implements CustomerKeyStore {
  private readonly mount: string;
  private readonly fetch: typeof fetch;
  private readonly created = new Set<string>();

  constructor(private readonly options: VaultTransitOptions) {
    this.mount = (options.mount ?? 'transit').replace(/^\/+|\/+$/g, '');
    this.fetch = options.fetch ?? fetch;
  }

  private keyName(subject: string): string {
    assertKeySubject(subject);
    return `carebridge-customer-${subject.replace(':', '-')}`;
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; data?: any; errors?: string[] }> {
    const response = await this.fetch(`${this.options.address.replace(/\/+$/, '')}/v1/${this.mount}/${path}`, {
      method,
      headers: {
        'X-Vault-Token': this.options.token,
        ...(this.options.namespace ? { 'X-Vault-Namespace': this.options.namespace } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as { data?: any; errors?: string[] }) : {};
    return { status: response.status, data: json.data, errors: json.errors };
  }

  private fail(what: string, result: { status: number; errors?: string[] }): never {
    // Vault's messages name keys and paths, never key material or the data.
    throw new Error(`Vault transit ${what} failed with HTTP ${result.status}${result.errors?.length ? `: ${result.errors.join('; ')}` : ''}`);
  }

  async generateDataKey(subject: string): Promise<DataKey | undefined> {
    const name = this.keyName(subject);
    if (await this.options.erasures.isErased(subject)) return undefined;
    if (!this.created.has(name)) {
      // Creating an existing key changes nothing.
      const created = await this.call('POST', `keys/${name}`, { type: 'aes256-gcm96' });
      if (created.status >= 300) this.fail('key creation', created);
      this.created.add(name);
    }
    const result = await this.call('POST', `datakey/plaintext/${name}`, { bits: 256 });
    if (result.status >= 300 || !result.data?.plaintext || !result.data?.ciphertext) this.fail('datakey', result);
    return { plaintext: Buffer.from(result.data.plaintext, 'base64'), wrapped: Buffer.from(result.data.ciphertext, 'utf8').toString('base64url') };
  }

  async unwrapDataKey(subject: string, wrapped: string): Promise<Buffer | undefined> {
    const name = this.keyName(subject);
    const result = await this.call('POST', `decrypt/${name}`, { ciphertext: Buffer.from(wrapped, 'base64url').toString('utf8') });
    // A deleted key: Vault answers 400 "encryption key not found" (404 on some versions). Only an
    // erasure deletes keys; a key missing otherwise means another Vault or mount than the producer's.
    if ((result.status === 400 || result.status === 404) && result.errors?.some((e) => /not found/i.test(e))) {
      if (await this.options.erasures.isErased(subject)) return undefined;
      this.fail('decrypt (no such key, and the customer was not erased)', result);
    }
    if (result.status >= 300 || typeof result.data?.plaintext !== 'string') this.fail('decrypt', result);
    return Buffer.from(result.data.plaintext, 'base64');
  }

  async destroy(subject: string): Promise<void> {
    const name = this.keyName(subject);
    // Recorded first: from now on no new key is made, even if the deletion below must be retried.
    await this.options.erasures.record(subject);
    this.created.delete(name);
    const allowed = await this.call('POST', `keys/${name}/config`, { deletion_allowed: true });
    if (allowed.status === 404 || (allowed.status === 400 && allowed.errors?.some((e) => /not found/i.test(e)))) return;
    if (allowed.status >= 300) this.fail('key configuration', allowed);
    const deleted = await this.call('DELETE', `keys/${name}`);
    if (deleted.status >= 300 && deleted.status !== 404) this.fail('key deletion', deleted);
  }
}

/** Erasures remembered in the key store's PostgreSQL database, for a store that forgets deleted keys. */
export class PostgresErasureRecord implements ErasureRecord {
  private ready?: Promise<void>;

  constructor(private readonly database: Queryable) {}

  private init(): Promise<void> {
    const create = () => this.database.query('CREATE TABLE IF NOT EXISTS customer_key_erasure (subject text PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())');
    this.ready ??= create()
      .catch(() => create())
      .catch((error) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }

  async isErased(subject: string): Promise<boolean> {
    await this.init();
    const rows: unknown[] = await this.database.query('SELECT 1 FROM customer_key_erasure WHERE subject = $1', [subject]);
    return rows.length > 0;
  }

  async record(subject: string): Promise<void> {
    await this.init();
    await this.database.query('INSERT INTO customer_key_erasure (subject) VALUES ($1) ON CONFLICT DO NOTHING', [subject]);
  }
}
