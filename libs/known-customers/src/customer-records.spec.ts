import { complaintCustomerExportPrepared, customerCreated, customerErased, customerExportRequested, customerMerged } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer } from '@carebridge/messaging';
import { buildFederatedSchema, defineSubgraph } from '@carebridge/service-kit';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { printSchema } from 'graphql';
import { FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Column, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { defineCustomerRecords, ERASED_PLACEHOLDER, recordKind } from './customer-record-kinds';
import { CustomerRecords, undeclaredCustomerTables } from './customer-records';
import { customerReferenceType } from './customer-reference';
import { KNOWN_CUSTOMER_ENTITIES, KNOWN_CUSTOMER_MIGRATIONS } from './migrations';

// A small service that keeps parcels for customers: the kinds of records a real one has.
@Entity('parcel')
class Parcel {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) recipients: { kind: 'PERSON' | 'DEPOT'; name: string }[];
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true }) anonymisedAt: Date | null;
}

@Entity('parcel_message')
class ParcelMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parcel_id', type: 'uuid' }) parcelId: string;
  /** Kept when a message moves to another parcel. */
  @Column({ name: 'original_parcel_id', type: 'uuid' }) originalParcelId: string;
  @Column({ name: 'author_id', type: 'text', nullable: true }) authorId: string | null;
  @Column({ name: 'author_name', type: 'text', nullable: true }) authorName: string | null;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'timestamptz', precision: 3 }) at: Date;
}

@Entity('parcel_scan')
class ParcelScan {
  @PrimaryColumn({ name: 'parcel_id', type: 'uuid' }) parcelId: string;
  @PrimaryColumn({ type: 'timestamptz', precision: 3 }) at: Date;
  @Column({ type: 'text' }) depot: string;
}

@Entity('parcel_claim')
class ParcelClaim {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parcel_id', type: 'uuid' }) parcelId: string;
  @Column({ name: 'customer_id', type: 'uuid', nullable: true }) customerId: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'integer' }) amount: number;
  @VersionColumn() version: number;
}

// Forgotten tables: one with a customer id, one pointing at a declared table.
@Entity('parcel_pickup')
class ParcelPickup {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId: string;
}

@Entity('parcel_label')
class ParcelLabel {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parcel_id', type: 'uuid' }) parcelId: string;
}

class CreateParcels1764200000000 implements MigrationInterface {
  name = 'CreateParcels1764200000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE parcel (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id uuid NOT NULL, description text NOT NULL, note text,
      recipients jsonb NOT NULL DEFAULT '[]', created_at timestamptz(3) NOT NULL, updated_at timestamptz(3) NOT NULL, version integer NOT NULL, anonymised_at timestamptz(3))`);
    await q.query(`CREATE TABLE parcel_message (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parcel_id uuid NOT NULL REFERENCES parcel (id),
      original_parcel_id uuid NOT NULL REFERENCES parcel (id), author_id text, author_name text, body text NOT NULL, at timestamptz(3) NOT NULL)`);
    await q.query(`CREATE TABLE parcel_scan (parcel_id uuid NOT NULL REFERENCES parcel (id), at timestamptz(3) NOT NULL, depot text NOT NULL, PRIMARY KEY (parcel_id, at))`);
    await q.query(`CREATE TABLE parcel_claim (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parcel_id uuid NOT NULL REFERENCES parcel (id), customer_id uuid,
      reason text NOT NULL, amount integer NOT NULL, version integer NOT NULL)`);
    await q.query(`CREATE TABLE parcel_pickup (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id uuid NOT NULL)`);
    await q.query(`CREATE TABLE parcel_label (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parcel_id uuid NOT NULL REFERENCES parcel (id))`);
  }
  async down(): Promise<void> {
    return undefined;
  }
}

const hooks: string[] = [];
const parcelRecords = defineCustomerRecords([
  recordKind(Parcel, {
    section: 'parcels',
    belongsTo: { customer: 'customerId' },
    order: { createdAt: 'ASC', id: 'ASC' },
    omit: ['version'],
    erase: {
      description: 'placeholder',
      note: 'placeholder',
      // People are anonymised, depots stay.
      recipients: (placeholder) => `(
        SELECT COALESCE(jsonb_agg(CASE WHEN r->>'kind' = 'PERSON' THEN r || jsonb_build_object('name', ${placeholder}) ELSE r END ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(recipients) WITH ORDINALITY AS e(r, n))`,
    },
    touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    afterRepoint: async (ids, change) => void hooks.push(`repointed ${ids.length} from ${change.mergedId} to ${change.survivorId}`),
    afterAnonymise: async (ids, change) => void hooks.push(`anonymised ${ids.length} of ${change.customerId}`),
  }),
  recordKind(ParcelMessage, {
    section: 'messages',
    belongsTo: { parent: 'parcels', via: ['parcelId', 'originalParcelId'] },
    order: { at: 'ASC', id: 'ASC' },
    erase: { body: 'placeholder', authorName: () => 'CASE WHEN author_id IS NULL THEN NULL ELSE author_name END' },
  }),
  recordKind(ParcelScan, { section: 'scans', belongsTo: { parent: 'parcels', via: 'parcelId' }, order: { at: 'ASC' } }),
  recordKind(ParcelClaim, { section: 'claims', belongsTo: { customer: 'customerId' }, order: { amount: 'ASC' }, omit: ['version'], erase: { reason: 'placeholder' } }),
]);

const ids = {
  ana: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2e01',
  ben: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2e02',
  cleo: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2e03',
};

describe('CustomerRecords (real Postgres)', () => {
  let db: ServiceDatabase;
  let records: CustomerRecords;
  let consumer: EventConsumer;
  const transport = new DirectTransport();
  const deliver = (contract: any, data: Record<string, unknown>, eventId?: string) =>
    consumer.deliver(encodeEvent(contract, data as never, { source: 'crm', time: db.clock.now(), ...(eventId ? { id: eventId } : {}) }));
  const parcel = (id: string) => db.dataSource.getRepository(Parcel).findOneByOrFail({ id });
  const at = (iso: string) => new Date(iso);

  const seed = async (customerId: string, description: string) => {
    const saved = await db.dataSource.getRepository(Parcel).save({
      customerId,
      description,
      note: null,
      recipients: [
        { kind: 'PERSON' as const, name: 'Jan Novak' },
        { kind: 'DEPOT' as const, name: 'Depot Brno' },
      ],
      createdAt: db.clock.now(),
      updatedAt: db.clock.now(),
      anonymisedAt: null,
    });
    db.clock.advance(1000);
    return saved;
  };

  beforeAll(async () => {
    db = await openServiceDatabase(
      defineSubgraph({
        name: 'known_customers',
        entities: [...KNOWN_CUSTOMER_ENTITIES, Parcel, ParcelMessage, ParcelScan, ParcelClaim],
        migrations: [CreateParcels1764200000000, ...KNOWN_CUSTOMER_MIGRATIONS],
        build: () => ({ resolvers: [] }),
      }),
    );
    records = new CustomerRecords({ service: 'complaint', prepared: complaintCustomerExportPrepared, dataSource: db.dataSource, outbox: db.outbox, clock: db.clock, records: parcelRecords });
    consumer = new EventConsumer({ service: 'complaint', dataSource: db.dataSource, transport, handlers: records.eventHandlers(), maxAttempts: 1 });
    for (const customerId of Object.values(ids)) await deliver(customerCreated, { customerId, tier: 'STANDARD', preferredLanguage: 'en', createdAt: '2026-11-01T08:00:00.000Z' });
  });
  afterAll(() => db.close());
  afterEach(() => expect(transport.published).toEqual([]));

  it('re-points the merged customer’s own rows to the survivor once, and their child rows follow', async () => {
    const survivor = await seed(ids.ana, 'Ana’s own parcel');
    const moved = await seed(ids.ben, 'Ben’s parcel, Ben merged into Ana');
    await db.dataSource.getRepository(ParcelMessage).save({ parcelId: moved.id, originalParcelId: moved.id, authorId: null, authorName: 'Ben', body: 'Where is it?', at: db.clock.now() });
    await db.dataSource.getRepository(ParcelClaim).save({ parcelId: moved.id, customerId: ids.ben, reason: 'Late', amount: 5 });
    const merge = { survivorId: ids.ana, mergedId: ids.ben, mergedBy: 'crm', mergedAt: '2026-11-02T10:00:00.000Z' };

    await deliver(customerMerged, merge, 'a1000000-0000-4000-8000-000000000001');
    // Redelivered, and re-sent under another id: nothing more moves, the hook does not run again.
    await deliver(customerMerged, merge, 'a1000000-0000-4000-8000-000000000001');
    await deliver(customerMerged, merge, 'a1000000-0000-4000-8000-000000000002');

    expect(await parcel(moved.id)).toMatchObject({ customerId: ids.ana, version: moved.version + 1, updatedAt: at(merge.mergedAt) });
    expect(await parcel(survivor.id)).toMatchObject({ customerId: ids.ana, version: survivor.version });
    expect(await db.dataSource.getRepository(ParcelClaim).findBy({ customerId: ids.ben })).toEqual([]);
    expect(await db.dataSource.getRepository(ParcelMessage).findBy({ parcelId: moved.id })).toHaveLength(1);
    expect(hooks).toEqual([`repointed 1 from ${ids.ben} to ${ids.ana}`]);
    expect(await db.dataSource.transaction((m) => records.standing(m, ids.ben))).toEqual({ state: 'KNOWN', id: ids.ana });
    expect(await db.dataSource.transaction((m) => records.isCurrent(m, ids.ben))).toBe(false);
  });

  it('exports every declared kind in its section, in order, without the left-out properties', async () => {
    const [first, second] = await db.dataSource.getRepository(Parcel).find({ where: { customerId: ids.ana }, order: { createdAt: 'ASC' } });
    // A message moved to the first parcel still counts for the parcel it was written in, and once only.
    db.clock.advance(1000);
    await db.dataSource.getRepository(ParcelMessage).save({ parcelId: first.id, originalParcelId: second.id, authorId: 'agent-1', authorName: 'Agent', body: 'Found it', at: db.clock.now() });
    await db.dataSource.getRepository(ParcelScan).save({ parcelId: first.id, at: db.clock.now(), depot: 'Brno' });
    await db.dataSource.getRepository(ParcelClaim).save({ parcelId: first.id, customerId: ids.ana, reason: 'Dented', amount: 2 });

    const exportId = '5e0c6d1a-0000-4000-8000-000000000101';
    await deliver(customerExportRequested, { exportId, customerId: ids.ana, requestedAt: '2026-11-02T11:00:00.000Z', expiresAt: '2026-12-02T11:00:00.000Z' });
    const [part] = await db.dataSource.query(`SELECT document, record_count FROM customer_export_part WHERE export_id = $1`, [exportId]);
    const document = part.document;
    expect(Object.keys(document)).toEqual(['format', 'service', 'exportId', 'customerId', 'preparedAt', 'recordCount', 'parcels', 'messages', 'scans', 'claims']);
    expect(document.parcels.map((p: Parcel) => p.description)).toEqual(['Ana’s own parcel', 'Ben’s parcel, Ben merged into Ana']);
    expect(document.parcels[0]).not.toHaveProperty('version');
    expect(Object.keys(document.parcels[0])).toEqual(['id', 'customerId', 'description', 'note', 'recipients', 'createdAt', 'updatedAt', 'anonymisedAt']);
    expect(document.messages.map((m: ParcelMessage) => m.body)).toEqual(['Where is it?', 'Found it']);
    expect(document.scans).toEqual([expect.objectContaining({ parcelId: first.id, depot: 'Brno' })]);
    expect(document.claims.map((c: ParcelClaim) => [c.reason, c.amount])).toEqual([['Dented', 2], ['Late', 5]]);
    expect(document.claims[0]).not.toHaveProperty('version');
    expect(part.record_count).toBe(2 + 2 + 1 + 2);

    const { references } = records.exportGraph();
    expect(await references.CustomerDataExport.__resolveReference({ id: exportId }, {})).toMatchObject({ id: exportId, complaint: { recordCount: 7 } });
  });

  it('leaves out the sections that hang off rows the customer does not have, and kinds declared as not exported', async () => {
    expect(await db.dataSource.transaction((m) => records.collect(m, ids.cleo))).toEqual({ parcels: [], claims: [] });
    const withoutScans = defineCustomerRecords(parcelRecords.kinds.map((kind) => (kind.section === 'scans' ? { ...kind, export: false as const } : kind)));
    const quieter = new CustomerRecords({ service: 'complaint', prepared: complaintCustomerExportPrepared, dataSource: db.dataSource, outbox: db.outbox, clock: db.clock, records: withoutScans });
    expect(Object.keys(await db.dataSource.transaction((m) => quieter.collect(m, ids.ana)))).toEqual(['parcels', 'messages', 'claims']);
  });

  it('anonymises every declared personal property, child rows and JSON entries included, once', async () => {
    const other = await seed(ids.cleo, 'Cleo’s parcel');
    const [unsaved] = await db.dataSource.getRepository(Parcel).find({ where: { customerId: ids.ana }, order: { createdAt: 'ASC' } });
    await db.dataSource.getRepository(Parcel).update({ id: unsaved.id }, { note: 'Leave with Mrs Novak' });
    const [first, second] = await db.dataSource.getRepository(Parcel).find({ where: { customerId: ids.ana }, order: { createdAt: 'ASC' } });
    hooks.length = 0;
    const erasure = { customerId: ids.ana, erasedAt: '2026-11-05T00:00:00.000Z' };

    await deliver(customerErased, erasure, 'e1000000-0000-4000-8000-000000000001');
    await deliver(customerErased, erasure, 'e1000000-0000-4000-8000-000000000001');
    await deliver(customerErased, erasure, 'e1000000-0000-4000-8000-000000000002');

    expect(await parcel(first.id)).toMatchObject({
      customerId: ids.ana,
      description: ERASED_PLACEHOLDER,
      note: ERASED_PLACEHOLDER,
      recipients: [
        { kind: 'PERSON', name: '[erased]' },
        { kind: 'DEPOT', name: 'Depot Brno' },
      ],
      anonymisedAt: at(erasure.erasedAt),
      updatedAt: at(erasure.erasedAt),
      version: first.version + 1,
    });
    expect(await parcel(second.id)).toMatchObject({ description: '[erased]', note: null, version: second.version + 1 });
    const messages = await db.dataSource.getRepository(ParcelMessage).find({ order: { at: 'ASC' } });
    expect(messages.map((m) => [m.body, m.authorName])).toEqual([
      ['[erased]', null],
      ['[erased]', 'Agent'],
    ]);
    expect((await db.dataSource.getRepository(ParcelScan).find()).map((s) => s.depot)).toEqual(['Brno']);
    expect((await db.dataSource.getRepository(ParcelClaim).find({ order: { amount: 'ASC' } })).map((c) => [c.reason, c.amount])).toEqual([
      ['[erased]', 2],
      ['[erased]', 5],
    ]);
    expect(await parcel(other.id)).toMatchObject({ description: 'Cleo’s parcel', anonymisedAt: null });
    expect(hooks).toEqual([`anonymised 2 of ${ids.ana}`]);
    expect(await db.dataSource.query(`SELECT export_id FROM customer_export_part WHERE customer_id = $1`, [ids.ana])).toEqual([]);
    expect(await db.dataSource.transaction((m) => records.standing(m, ids.ana))).toEqual({ state: 'ERASED' });
  });

  it('refuses, at start, a service with a table of customer records it did not declare', async () => {
    const dataSource = new DataSource({
      ...db.dataSource.options,
      entities: [...KNOWN_CUSTOMER_ENTITIES, Parcel, ParcelMessage, ParcelScan, ParcelClaim, ParcelPickup, ParcelLabel],
      migrations: [],
      poolSize: 1,
    } as typeof db.dataSource.options);
    await dataSource.initialize();
    try {
      expect(undeclaredCustomerTables(dataSource, parcelRecords)).toEqual([
        'ParcelPickup (parcel_pickup): has customer_id',
        'ParcelLabel (parcel_label): parcel_id points at a declared table',
      ]);
      expect(() => new CustomerRecords({ service: 'complaint', prepared: complaintCustomerExportPrepared, dataSource, outbox: db.outbox, clock: db.clock, records: parcelRecords })).toThrow(
        /complaint: tables with customer records are missing from defineCustomerRecords .*ParcelPickup \(parcel_pickup\): has customer_id; ParcelLabel/,
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a declaration that names a property the entity does not map', () => {
    const [parcels, ...others] = parcelRecords.kinds;
    const typo = defineCustomerRecords([{ ...parcels, erase: { nickname: null } as any }, ...others]);
    expect(() => new CustomerRecords({ service: 'complaint', prepared: complaintCustomerExportPrepared, dataSource: db.dataSource, outbox: db.outbox, clock: db.clock, records: typo })).toThrow(
      'Customer records "parcels": Parcel has no column for property "nickname"',
    );
    expect(() => defineCustomerRecords([recordKind(ParcelScan, { section: 'scans', belongsTo: { parent: 'parcels', via: 'parcelId' }, order: {} })])).toThrow(/declared before it/);
  });
});

describe('the known-customer migration', () => {
  it('creates the table in a new service, and leaves the one a service made itself as it was', async () => {
    class OwnKnownCustomer1763800000000 implements MigrationInterface {
      name = 'OwnKnownCustomer1763800000000';
      async up(q: QueryRunner): Promise<void> {
        await q.query(`CREATE TABLE known_customer (id uuid PRIMARY KEY, known_since timestamptz(3) NOT NULL, erased_at timestamptz(3))`);
        await q.query(`INSERT INTO known_customer (id, known_since) VALUES ('${ids.ana}', now())`);
      }
      async down(): Promise<void> {
        return undefined;
      }
    }
    const fresh = await openServiceDatabase(defineSubgraph({ name: 'known_customers_new', entities: KNOWN_CUSTOMER_ENTITIES, migrations: KNOWN_CUSTOMER_MIGRATIONS, build: () => ({ resolvers: [] }) }));
    const older = await openServiceDatabase(
      defineSubgraph({ name: 'known_customers_old', entities: KNOWN_CUSTOMER_ENTITIES, migrations: [OwnKnownCustomer1763800000000, ...KNOWN_CUSTOMER_MIGRATIONS], build: () => ({ resolvers: [] }) }),
    );
    try {
      const columns = (db: ServiceDatabase) =>
        db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'known_customer' ORDER BY ordinal_position`).then((rows) => rows.map((r: any) => r.column_name));
      expect(await columns(fresh)).toEqual(['id', 'known_since', 'erased_at', 'merged_into']);
      expect(await columns(older)).toEqual(['id', 'known_since', 'erased_at', 'merged_into']);
      expect(await older.dataSource.query(`SELECT id FROM known_customer`)).toEqual([{ id: ids.ana }]);
      expect(await fresh.dataSource.query(`SELECT count(*)::int AS n FROM customer_export_part`)).toEqual([{ n: 0 }]);
    } finally {
      await fresh.close();
      await older.close();
    }
  });
});

describe('customerReferenceType', () => {
  it('gives each subgraph its own Customer stub, so one subgraph’s fields stay out of another’s schema', async () => {
    const ComplaintCustomer = customerReferenceType();
    const InquiryCustomer = customerReferenceType();
    @Resolver(() => ComplaintCustomer)
    class CustomerComplaints {
      @FieldResolver(() => String)
      complaints(@Root() customer: InstanceType<typeof ComplaintCustomer>): string {
        return customer.id;
      }
      @Query(() => String)
      ping(): string {
        return 'pong';
      }
    }
    @Resolver(() => InquiryCustomer)
    class CustomerInquiries {
      @FieldResolver(() => String)
      inquiries(@Root() customer: InstanceType<typeof InquiryCustomer>): string {
        return customer.id;
      }
      @Query(() => String)
      pong(): string {
        return 'ping';
      }
    }
    const complaint = printSchema(await buildFederatedSchema([new CustomerComplaints()], {}, [ComplaintCustomer]));
    const inquiry = printSchema(await buildFederatedSchema([new CustomerInquiries()], {}, [InquiryCustomer]));
    expect(complaint).toMatch(/type Customer \{\s+id: ID!\s+complaints: String!\s+\}/);
    expect(inquiry).toMatch(/type Customer \{\s+id: ID!\s+inquiries: String!\s+\}/);
  });
});
