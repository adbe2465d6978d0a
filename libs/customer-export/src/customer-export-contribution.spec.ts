import { complaintCustomerExportPrepared, customerErased, customerExportRequested } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer } from '@carebridge/messaging';
import { buildFederatedSchema, createLogger, defineSubgraph, requestContext } from '@carebridge/service-kit';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { graphql, printSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';
import { CustomerExportPart } from './customer-export-part.entity';
import { CustomerExportContribution, customerExportSection } from './customer-export-contribution';
import { CreateCustomerExportPart1764300000000 } from './migrations';

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

const ana = '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d11';
const ben = '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d12';
const exportIds = ['5e0c6d1a-0000-4000-8000-000000000001', '5e0c6d1a-0000-4000-8000-000000000002', '5e0c6d1a-0000-4000-8000-000000000003'];

describe('CustomerExportContribution (real Postgres)', () => {
  let db: ServiceDatabase;
  let consumer: EventConsumer;
  let contribution: CustomerExportContribution;
  // The service's records, as its collector would read them from its own tables.
  const records: Record<string, { complaints: unknown[]; messages: unknown[] }> = {
    [ana]: { complaints: [{ number: 'CMP-1', description: 'Lost bag' }], messages: [{ body: 'Where is my bag?' }, { body: 'Found it' }] },
    [ben]: { complaints: [{ number: 'CMP-2', description: 'Late' }], messages: [] },
  };
  const deliver = (contract: any, data: Record<string, unknown>, id?: string) =>
    consumer.deliver(encodeEvent(contract, data as never, { source: 'crm', time: db.clock.now(), ...(id ? { id } : {}) }));
  const requestExport = (exportId: string, customerId = ana, eventId?: string) =>
    deliver(customerExportRequested, { exportId, customerId, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' }, eventId);
  // What the service knows of crm's erasures (@carebridge/known-customers keeps it in a service).
  const erased = new Set<string>();
  const parts = () => db.dataSource.getRepository(CustomerExportPart).find({ order: { exportId: 'ASC' } });

  beforeAll(async () => {
    db = await openServiceDatabase(
      defineSubgraph({ name: 'customer_export', entities: [CustomerExportPart], migrations: [CreateCustomerExportPart1764300000000], build: () => ({ resolvers: [] }) }),
    );
    const customers = { standing: async (_manager: unknown, customerId: string) => ({ state: erased.has(customerId) ? 'ERASED' : 'KNOWN' }) };
    contribution = new CustomerExportContribution({
      service: 'complaint',
      prepared: complaintCustomerExportPrepared,
      dataSource: db.dataSource,
      outbox: db.outbox,
      clock: db.clock,
      customers,
      collect: async (_manager, customerId) => records[customerId] ?? {},
    });
    consumer = new EventConsumer({ service: 'complaint', dataSource: db.dataSource, transport: new DirectTransport(), handlers: contribution.eventHandlers() });
  });
  afterAll(() => db.close());

  it('names the graph field after the service', () => {
    expect(customerExportSection('after-sales')).toBe('afterSales');
    expect(contribution.section).toBe('complaint');
  });

  it('keeps the customer’s part and announces it once, with counts only', async () => {
    await requestExport(exportIds[0], ana, 'a0000000-0000-4000-8000-000000000001');
    // The same request again (redelivered, or re-sent by a relay under another id) prepares nothing new.
    await requestExport(exportIds[0], ana, 'a0000000-0000-4000-8000-000000000001');
    await requestExport(exportIds[0], ana, 'a0000000-0000-4000-8000-000000000002');
    expect(await parts()).toEqual([
      expect.objectContaining({
        exportId: exportIds[0],
        customerId: ana,
        recordCount: 3,
        document: {
          format: 'carebridge.complaint.customer-export/v1',
          service: 'complaint',
          exportId: exportIds[0],
          customerId: ana,
          preparedAt: '2026-11-02T09:00:00.000Z',
          recordCount: 3,
          ...records[ana],
        },
      }),
    ]);
    expect(Object.keys((await parts())[0].document)).toEqual(['format', 'service', 'exportId', 'customerId', 'preparedAt', 'recordCount', 'complaints', 'messages']);
    const announced = (await db.outboxEvents()).filter((e) => e.type === 'complaint.customer_export_prepared');
    expect(announced).toEqual([
      expect.objectContaining({
        key: exportIds[0],
        data: { exportId: exportIds[0], customerId: ana, recordCount: 3, preparedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' },
      }),
    ]);
  });

  it('serves the part to the gateway under the service’s field, to export roles only, and not after expiry', async () => {
    const { orphanedTypes, references } = contribution.graph();
    expect(contribution.graph().orphanedTypes).toBe(orphanedTypes);
    const schema = await buildFederatedSchema([new PingResolver()], references, orphanedTypes);
    expect(printSchema(schema)).toContain('type CustomerDataExport');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerDataExport { id complaint } } }`;
    const run = (role: 'crm_manager' | 'analyst') =>
      graphql({
        schema,
        source: query,
        variableValues: { r: [{ __typename: 'CustomerDataExport', id: exportIds[0] }] },
        contextValue: requestContext({ userId: 'u-1', roles: [role] }, createLogger({ service: 'test', level: 'silent' })),
      });
    const allowed = await run('crm_manager');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?._entities).toEqual([{ id: exportIds[0], complaint: expect.objectContaining({ recordCount: 3, complaints: records[ana].complaints }) }]);
    expect((await run('analyst')).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    db.clock.set('2026-12-02T09:00:00.000Z');
    expect((await run('crm_manager')).data?._entities).toEqual([{ id: exportIds[0], complaint: null }]);
    db.clock.set('2026-11-02T09:00:00.000Z');
  });

  it('deletes expired parts on schedule, and a customer’s parts when crm erases them', async () => {
    await requestExport(exportIds[1], ben);
    await db.dataSource.query(`UPDATE customer_export_part SET expires_at = '2026-11-10T00:00:00Z' WHERE export_id = $1`, [exportIds[1]]);
    const job = contribution.retentionJob(60_000);
    await job.run(new Date('2026-11-09T23:59:59Z'));
    expect((await parts()).map((p) => p.exportId)).toEqual([exportIds[0], exportIds[1]]);
    await job.run(new Date('2026-11-10T00:00:00Z'));
    expect((await parts()).map((p) => p.exportId)).toEqual([exportIds[0]]);

    erased.add(ana);
    await deliver(customerErased, { customerId: ana, erasedAt: '2026-11-03T09:00:00.000Z' });
    expect(await parts()).toEqual([]);
  });

  it('answers for an erased customer with an empty part, so crm’s export still completes', async () => {
    await requestExport(exportIds[2], ana);
    expect(await parts()).toEqual([expect.objectContaining({ exportId: exportIds[2], recordCount: 0 })]);
    expect((await parts())[0].document).not.toHaveProperty('complaints');
  });
});
