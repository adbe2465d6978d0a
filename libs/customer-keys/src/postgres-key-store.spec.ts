import { randomUUID } from 'node:crypto';
import { inquiryReplied } from '@carebridge/event-contracts';
import { createTestDatabase, type TestDatabase } from '@carebridge/local-platform';
import { DataSource } from 'typeorm';
import { EventFieldEncryption, UNREADABLE_TEXT, erasedToken } from './event-field-encryption';
import { PostgresCustomerKeyStore } from './postgres-key-store';
import { DEVELOPMENT_MASTER_KEY, customerKeySettings } from './settings';

describe('PostgresCustomerKeyStore', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('keys');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const reply = (customerId: string | null) => ({
    inquiryId: randomUUID(),
    messageId: randomUUID(),
    customerId,
    channel: 'EMAIL' as const,
    subject: 'Re: my lost suitcase',
    body: 'Dear Ms Tanaka, we found it.',
    contactEmail: 'tanaka@example.com',
    contactName: 'Keiko Tanaka',
    repliedAt: '2026-11-02T09:00:00.000Z',
  });

  it('stores subject keys only wrapped by the master key, and a destroyed key leaves a tombstone that refuses new ones', async () => {
    const fields = new EventFieldEncryption(new PostgresCustomerKeyStore(dataSource, DEVELOPMENT_MASTER_KEY));
    const customer = randomUUID();
    const sealed = await fields.seal(inquiryReplied, reply(customer));
    expect(JSON.stringify(sealed)).not.toMatch(/Tanaka|suitcase|example\.com/);
    const [row] = await dataSource.query('SELECT wrapped_key FROM customer_key WHERE subject = $1', [customer]);
    expect(row.wrapped_key.length).toBe(12 + 16 + 32);

    // Another master key opens nothing: the table alone is worthless.
    const otherMaster = new EventFieldEncryption(new PostgresCustomerKeyStore(dataSource, Buffer.alloc(32, 7)));
    await expect(otherMaster.open(inquiryReplied, sealed)).rejects.toThrow('does not open with the configured master key');

    await fields.erase(customer);
    const [tombstone] = await dataSource.query('SELECT wrapped_key, destroyed_at FROM customer_key WHERE subject = $1', [customer]);
    expect(tombstone.wrapped_key).toBeNull();
    expect(tombstone.destroyed_at).not.toBeNull();
    const opened = await new EventFieldEncryption(new PostgresCustomerKeyStore(dataSource, DEVELOPMENT_MASTER_KEY)).open(inquiryReplied, sealed);
    expect(opened.unreadable).toEqual(['subject', 'body', 'contactEmail', 'contactName']);
    expect(opened.data).toMatchObject({ subject: UNREADABLE_TEXT, body: UNREADABLE_TEXT, contactEmail: null, contactName: null });
    expect((await fields.seal(inquiryReplied, reply(customer))).body).toBe(erasedToken(customer));
  });

  it('keys someone crm does not know by the aggregate, and a ciphertext moved to another field or customer does not open', async () => {
    const fields = new EventFieldEncryption(new PostgresCustomerKeyStore(dataSource, DEVELOPMENT_MASTER_KEY));
    const anonymous = reply(null);
    const sealed = await fields.seal(inquiryReplied, anonymous);
    expect(sealed.body.startsWith(`cbenc1.contact:${anonymous.inquiryId}.`)).toBe(true);
    expect((await fields.open(inquiryReplied, sealed)).data).toEqual(anonymous);
    const moved = await fields.open(inquiryReplied, { ...sealed, contactName: sealed.body });
    expect(moved.unreadable).toEqual(['contactName']);
    // A subject this store never keyed is a misconfiguration, not an erasure: it fails instead of reading as erased.
    await expect(fields.open(inquiryReplied, { ...sealed, body: `cbenc1.${randomUUID()}.AAAA.AAAA` })).rejects.toThrow('holds no key for a sealed field');
  });

  it('refuses in production a missing or development master key, naming the variable', () => {
    expect(() => customerKeySettings({ NODE_ENV: 'production' })).toThrow('CUSTOMER_KEYS_MASTER_KEY: production needs its own master key');
    expect(() => customerKeySettings({ NODE_ENV: 'production', CUSTOMER_KEYS_MASTER_KEY: DEVELOPMENT_MASTER_KEY.toString('base64') })).toThrow('CUSTOMER_KEYS_MASTER_KEY: is the development key');
    expect(() => customerKeySettings({ CUSTOMER_KEYS_MASTER_KEY: 'c2hvcnQ=' })).toThrow('must be 32 bytes');
    expect(() => customerKeySettings({ CUSTOMER_KEYS_STORE: 'vault-transit' })).toThrow('VAULT_ADDR');
  });
});
