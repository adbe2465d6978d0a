import { randomUUID } from 'node:crypto';
import { type Identity, identityToHeaders } from '@carebridge/auth';
import { createTestDatabase, freePort } from '@carebridge/local-platform';
import { Arg, Authorized, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner } from 'typeorm';
import { defineSubgraph, type RunningSubgraph, startSubgraph } from './subgraph';

@ObjectType()
@Entity('parcel')
class Parcel {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  label: string;

  @Field()
  @Column()
  sentBy: string;
}

class CreateParcel1763900000101 implements MigrationInterface {
  name = 'CreateParcel1763900000101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE parcel (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), label text NOT NULL, "sentBy" text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE parcel');
  }
}

/** Held by `sendParcel(label: "held…")` until the test lets it go. */
let gate: { entered: () => void; release: Promise<void> } | undefined;
/** Labels whose first `sendParcel` fails after writing, as a crash between write and answer would. */
const failOnce = new Set<string>();

@Resolver(() => Parcel)
class ParcelResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => Int)
  parcelCount(): Promise<number> {
    return this.dataSource.getRepository(Parcel).count();
  }

  // Written the way services write: their own transaction, then a read of what they wrote outside it.
  @Authorized()
  @Mutation(() => Parcel)
  async sendParcel(@Arg('label') label: string, @Arg('by', { defaultValue: 'someone' }) by: string): Promise<Parcel> {
    const id = await this.dataSource.transaction(async (manager) => (await manager.getRepository(Parcel).save({ label, sentBy: by })).id);
    if (label.startsWith('held') && gate) {
      gate.entered();
      await gate.release;
    }
    if (failOnce.delete(label)) throw new Error('connection reset after the write');
    return this.dataSource.getRepository(Parcel).findOneByOrFail({ id });
  }
}

const parcelSubgraph = defineSubgraph({
  name: 'parcels',
  entities: [Parcel],
  migrations: [CreateParcel1763900000101],
  build: ({ dataSource }) => ({ resolvers: [new ParcelResolver(dataSource)] }),
});

const SECRET = 'p'.repeat(32);
const ANA: Identity = { userId: 'agent-ana', roles: ['agent'] };
const BEN: Identity = { userId: 'agent-ben', roles: ['agent'] };
const SEND = 'mutation ($label: String!) { sendParcel(label: $label) { id label } }';

describe('idempotent mutations (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let subgraph: RunningSubgraph;
  let impatient: RunningSubgraph;

  const start = async (overrides: Record<string, string> = {}) =>
    startSubgraph(parcelSubgraph, {
      env: {
        DATABASE_URL: process.env.CAREBRIDGE_TEST_POSTGRES_URL,
        DATABASE_NAME: database.database,
        EVENTS_DATABASE_NAME: `${database.database}_events`,
        PORT: String(await freePort()),
        LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent',
        NODE_ENV: 'test',
        SUBGRAPH_SECRET: SECRET,
        DATABASE_POOL_SIZE: '6',
        ...overrides,
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase('test_idempotency');
    subgraph = await start();
    impatient = await start({ IDEMPOTENCY_WAIT_MS: '200' });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await impatient?.stop();
    await database?.drop();
  });

  async function send(by: Identity, label: string, key?: string, target = subgraph, query = SEND) {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-carebridge-subgraph-secret': SECRET, ...identityToHeaders(by), ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ query, variables: { label } }),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: (await response.json()) as any };
  }
  const parcels = async (label: string) => Number((await subgraph.dataSource.query('SELECT count(*) AS n FROM parcel WHERE label = $1', [label]))[0].n);
  const keys = async (key: string) => subgraph.dataSource.query('SELECT caller, response FROM idempotency_key WHERE key = $1', [key]);

  it('applies the kit\'s idempotency-key table with the service\'s migrations', async () => {
    const [{ table }] = await subgraph.dataSource.query(`SELECT to_regclass('idempotency_key')::text AS table`);
    expect(table).toBe('idempotency_key');
  });

  it('answers a retry with the same key and input with the first result, performing nothing again', async () => {
    const key = randomUUID();
    const first = await send(ANA, 'retry-me', key);
    const retry = await send(ANA, 'retry-me', key);
    expect(first.body.errors).toBeUndefined();
    expect(retry.body).toEqual(first.body);
    expect(retry.replayed).toBe(true);
    expect(await parcels('retry-me')).toBe(1);
    expect(await keys(key)).toEqual([{ caller: ANA.userId, response: first.body }]);
  });

  it('refuses the same key with different input as a CONFLICT naming the key', async () => {
    const key = randomUUID();
    await send(ANA, 'first-input', key);
    const other = await send(ANA, 'other-input', key);
    expect(other.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await parcels('other-input')).toBe(0);
  });

  it('scopes keys per caller: two users with the same key each perform their own mutation', async () => {
    const key = randomUUID();
    const ana = await send(ANA, 'shared-key', key);
    const ben = await send(BEN, 'shared-key', key);
    expect(ben.body.data.sendParcel.id).not.toBe(ana.body.data.sendParcel.id);
    expect(await parcels('shared-key')).toBe(2);
  });

  it('changes nothing for a mutation without a key, and ignores a key on a query', async () => {
    await send(ANA, 'no-key');
    await send(ANA, 'no-key');
    expect(await parcels('no-key')).toBe(2);
    const key = randomUUID();
    const query = await send(ANA, 'x', key, subgraph, '{ parcelCount }');
    expect(typeof query.body.data.parcelCount).toBe('number');
    expect(await keys(key)).toEqual([]);
  });

  it('refuses a malformed key with BAD_USER_INPUT before performing anything', async () => {
    const reply = await send(ANA, 'bad-key', 'has space');
    expect(reply.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await parcels('bad-key')).toBe(0);
  });

  it('commits the change and the key together: an attempt that fails after its write leaves neither, and its retry performs once', async () => {
    const key = randomUUID();
    failOnce.add('crashes-once');
    const failed = await send(ANA, 'crashes-once', key);
    expect(failed.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await parcels('crashes-once')).toBe(0);
    expect(await keys(key)).toEqual([]);
    const retry = await send(ANA, 'crashes-once', key);
    expect(retry.body.data.sendParcel.label).toBe('crashes-once');
    expect(await parcels('crashes-once')).toBe(1);
  });

  it('makes a second request with the key of one in flight wait for it and answer with its result', async () => {
    const key = randomUUID();
    let release!: () => void;
    const entered = new Promise<void>((resolve) => (gate = { entered: resolve, release: new Promise<void>((r) => (release = r)) }));
    const first = send(ANA, 'held-wait', key);
    await entered;
    const second = send(ANA, 'held-wait', key);
    // The second waits on the key row's lock, not in its resolver.
    await waitFor(async () => Number((await subgraph.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO idempotency_key%'`))[0].n) === 1);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(b.body).toEqual(a.body);
    expect(await parcels('held-wait')).toBe(1);
    gate = undefined;
  });

  it('refuses a request whose key is held past the wait limit with CONFLICT, never performing it twice', async () => {
    const key = randomUUID();
    let release!: () => void;
    const entered = new Promise<void>((resolve) => (gate = { entered: resolve, release: new Promise<void>((r) => (release = r)) }));
    const first = send(ANA, 'held-long', key, impatient);
    await entered;
    const second = await send(ANA, 'held-long', key, impatient);
    expect(second.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    release();
    expect((await first).body.data.sendParcel.label).toBe('held-long');
    expect(await parcels('held-long')).toBe(1);
    gate = undefined;
  });

  it('keeps keys for the retention (24 h): the purge job forgets them after, and the key is free again', async () => {
    const key = randomUUID();
    await send(ANA, 'kept-a-day', key);
    const control = (path: string, body: unknown = {}) =>
      fetch(subgraph.url.replace(/\/graphql$/, path), { method: 'POST', headers: { 'content-type': 'application/json', 'x-carebridge-subgraph-secret': SECRET }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    expect((await control('/test/jobs/idempotency-key-purge')).result.purged).toBe(0);
    await control('/test/clock', { now: new Date(Date.now() + 24 * 3600_000 + 60_000).toISOString() });
    expect((await control('/test/jobs/idempotency-key-purge')).result.purged).toBeGreaterThanOrEqual(1);
    expect(await keys(key)).toEqual([]);
    await send(ANA, 'kept-a-day', key);
    expect(await parcels('kept-a-day')).toBe(2);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not met');
}
