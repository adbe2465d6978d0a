import { answeredByKit, countStatements, createDataSource, finishAnswer, type RequestContext } from '@carebridge/service-kit';
import { createTestDatabase, TestClock, type TestDatabase } from '@carebridge/testing';
import type { DataSource } from 'typeorm';
import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from './migrations';
import { PersonalDataAccessLog } from './personal-data-access-log';
import { PersonalDataAccess } from './personal-data-access.entity';

describe('PersonalDataAccessLog (real Postgres)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let log: PersonalDataAccessLog;
  const clock = new TestClock();
  const ids = ['4b1c0e52-6a8e-4c3a-9d1e-6f0a1b2c3d01', '4b1c0e52-6a8e-4c3a-9d1e-6f0a1b2c3d02', '4b1c0e52-6a8e-4c3a-9d1e-6f0a1b2c3d03'];
  const request = (userId?: string, requestId = 'req-1'): RequestContext =>
    ({ identity: userId ? { userId, roles: ['after_sales'], name: 'Ana Agent' } : undefined, requestId, logger: undefined as never }) as RequestContext;
  const rows = () => dataSource.getRepository(PersonalDataAccess).find({ order: { customerId: 'ASC', purpose: 'ASC' } });

  beforeAll(async () => {
    database = await createTestDatabase('personal_data_access');
    dataSource = createDataSource({ serverUrl: database.serverUrl, database: database.database, entities: PERSONAL_DATA_ACCESS_ENTITIES, migrations: PERSONAL_DATA_ACCESS_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
    log = new PersonalDataAccessLog(dataSource, clock);
  });
  afterEach(() => dataSource.query('DELETE FROM personal_data_access'));
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('writes the reads of one request together: one row per customer with its fields, never the values', async () => {
    const context = request('agent-ana');
    await Promise.all(ids.flatMap((id) => [log.disclosed(context, id, 'trip.bookingReference'), log.disclosed(context, id, 'followUpSurvey.comment')]));
    await log.disclosed(context, ids[0], 'document.sentTo');
    const logged = await rows();
    expect(logged.map((row) => [row.customerId, row.fields, row.accessedBy, row.accessedByName, row.accessorRoles, row.purpose, row.requestId])).toEqual([
      [ids[0], ['document.sentTo', 'followUpSurvey.comment', 'trip.bookingReference'], 'agent-ana', 'Ana Agent', ['after_sales'], 'READ', 'req-1'],
      [ids[1], ['followUpSurvey.comment', 'trip.bookingReference'], 'agent-ana', 'Ana Agent', ['after_sales'], 'READ', 'req-1'],
      [ids[2], ['followUpSurvey.comment', 'trip.bookingReference'], 'agent-ana', 'Ana Agent', ['after_sales'], 'READ', 'req-1'],
    ]);
    expect(new Set(logged.map((row) => row.readId)).size).toBe(1);
    expect(logged[0].accessedAt.toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('served by the kit, writes the reads of a whole request in one statement once it has resolved, before the answer leaves', async () => {
    const context = answeredByKit(request('agent-ana', 'req-2'));
    // Fields of nested lists resolve turns of the event loop apart: each turn is one more batch of fields.
    for (const field of ['email', 'contacts.value', 'documents.number']) {
      await Promise.all(ids.map((id) => log.disclosed(context, id, field)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await rows()).toEqual([]);
    const { statements } = await countStatements(() => finishAnswer(context));
    expect(statements).toBe(1);
    expect((await rows()).map((row) => [row.customerId, row.fields, row.requestId])).toEqual(
      ids.map((id) => [id, ['contacts.value', 'documents.number', 'email'], 'req-2']),
    );
  });

  it('keeps two requests apart, records exports on their own, and logs nothing without a caller', async () => {
    await log.disclosed(request('agent-ana', 'same-id'), ids[0], 'incident.description');
    await log.disclosed(request('agent-ana', 'same-id'), ids[0], 'incident.description');
    await log.disclosed(request(undefined), ids[1], 'incident.description');
    const exporting = request('admin-1');
    await dataSource.transaction((manager) => log.exported(manager, exporting, ids[0], ['trips', 'surveys']));
    const logged = await rows();
    expect(logged.map((row) => [row.customerId, row.purpose, row.accessedBy])).toEqual([
      [ids[0], 'EXPORT', 'admin-1'],
      [ids[0], 'READ', 'agent-ana'],
      [ids[0], 'READ', 'agent-ana'],
    ]);
  });

  it('lists the log newest first, by customer, reader and time', async () => {
    await log.disclosed(request('agent-ana', 'a'), ids[0], 'trip.bookingReference');
    clock.advance(60_000);
    await log.disclosed(request('agent-ben', 'b'), ids[0], 'trip.bookingReference');
    await log.disclosed(request('agent-ben', 'c'), ids[1], 'trip.bookingReference');
    const all = await log.list({ customerId: ids[0] }, {});
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((edge) => edge.node.accessedBy)).toEqual(['agent-ben', 'agent-ana']);
    expect((await log.list({ accessedBy: 'agent-ben' }, {})).totalCount).toBe(2);
    expect((await log.list({ to: new Date('2026-11-02T09:00:30.000Z') }, {})).totalCount).toBe(1);
  });

  it('creates the table only where it is missing: on a database with crm’s own table the migration changes nothing', async () => {
    const indexes = () => dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'personal_data_access' ORDER BY indexname`);
    const columns = () =>
      dataSource.query(`SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'personal_data_access' ORDER BY column_name`);
    const before = { indexes: await indexes(), columns: await columns() };
    expect(before.indexes.map((index: { indexname: string }) => index.indexname)).toEqual([
      'personal_data_access_accessor_idx',
      'personal_data_access_customer_idx',
      'personal_data_access_pkey',
      'personal_data_access_read_key',
      'personal_data_access_time_idx',
    ]);
    const runner = dataSource.createQueryRunner();
    try {
      await new PERSONAL_DATA_ACCESS_MIGRATIONS[0]().up(runner);
    } finally {
      await runner.release();
    }
    expect({ indexes: await indexes(), columns: await columns() }).toEqual(before);
  });
});
