import { customerCreated, customerErased, customerMerged } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer } from '@carebridge/messaging';
import { createTestDatabase, DirectTransport, type TestDatabase } from '@carebridge/testing';
import { DataSource } from 'typeorm';
import { KnownCustomer } from './known-customer.entity';
import { KnownCustomers } from './known-customers';


describe('KnownCustomers (real Postgres)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let consumer: EventConsumer;
  const known = new KnownCustomers();
  const changes: string[] = [];
  const ids = {
    ana: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d01',
    ben: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d02',
    cleo: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d03',
    dan: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d04',
  };
  const deliver = (contract: any, data: Record<string, unknown>) => consumer.deliver(encodeEvent(contract, data as never, { source: 'crm', time: new Date() }));
  const standing = (id: string) => dataSource.transaction((manager) => known.standing(manager, id));
  const created = (customerId: string) => deliver(customerCreated, { customerId, tier: 'STANDARD', preferredLanguage: 'en', createdAt: '2026-11-01T08:00:00.000Z' });

  beforeAll(async () => {
    database = await createTestDatabase('known_customers');
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [KnownCustomer] });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE processed_event (event_id uuid PRIMARY KEY, event_type text NOT NULL, source text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query(`CREATE TABLE known_customer (id uuid PRIMARY KEY, known_since timestamptz(3) NOT NULL, erased_at timestamptz(3), merged_into uuid)`);
    consumer = new EventConsumer({
      service: 'test',
      dataSource,
      transport: new DirectTransport(),
      handlers: known.eventHandlers({
        merged: async (data) => void changes.push(`merged ${data.mergedId} into ${data.survivorId}`),
        erased: async (data) => void changes.push(`erased ${data.customerId}`),
      }),
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('knows a customer from customer.created, and nobody else', async () => {
    await created(ids.ana);
    expect(await standing(ids.ana)).toEqual({ state: 'KNOWN', id: ids.ana });
    expect(await standing(ids.dan)).toEqual({ state: 'UNKNOWN' });
  });

  it('leads a merged id to the survivor, through chains of merges, and runs the service’s own change', async () => {
    await created(ids.ben);
    await created(ids.cleo);
    await deliver(customerMerged, { survivorId: ids.ben, mergedId: ids.ana, mergedBy: 'crm', mergedAt: '2026-11-02T08:00:00.000Z' });
    await deliver(customerMerged, { survivorId: ids.cleo, mergedId: ids.ben, mergedBy: 'crm', mergedAt: '2026-11-03T08:00:00.000Z' });
    expect(await standing(ids.ana)).toEqual({ state: 'KNOWN', id: ids.cleo });
    expect(await dataSource.transaction((m) => known.isCurrent(m, ids.ana))).toBe(false);
    expect(await dataSource.transaction((m) => known.isCurrent(m, ids.cleo))).toBe(true);
    expect(changes).toEqual([`merged ${ids.ana} into ${ids.ben}`, `merged ${ids.ben} into ${ids.cleo}`]);
  });

  it('refuses an erased customer, even one erased before it was announced', async () => {
    await deliver(customerErased, { customerId: ids.cleo, erasedAt: '2026-11-04T08:00:00.000Z' });
    await deliver(customerErased, { customerId: ids.dan, erasedAt: '2026-11-04T08:00:00.000Z' });
    await created(ids.dan);
    expect(await standing(ids.cleo)).toEqual({ state: 'ERASED' });
    expect(await standing(ids.ana)).toEqual({ state: 'ERASED' });
    expect(await standing(ids.dan)).toEqual({ state: 'ERASED' });
    expect(changes.slice(-2)).toEqual([`erased ${ids.cleo}`, `erased ${ids.dan}`]);
  });
});
