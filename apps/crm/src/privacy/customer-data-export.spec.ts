import { afterSalesCustomerExportPrepared, communicationCustomerExportPrepared, complaintCustomerExportPrepared, EVENT_CATALOGUE, inquiryCustomerExportPrepared } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { crmEventHandlers } from '../crm.event-handlers';
import { createAikoTanaka, type Crm, identity, openCrm } from '../crm.fixture';
import { CustomerTier } from '../customer/customer.enums';
import { CustomerDataExport } from './customer-data-export.entity';
import { EXPORT_CONTRIBUTORS } from './export-contributors';

const REQUEST = `mutation($input: RequestCustomerDataExportInput!) {
  requestCustomerDataExport(input: $input) { id customerId status reason requestedBy requestedAt dueAt completedAt expiresAt parts { service status recordCount preparedAt } }
}`;
const STATUS = `query($id: ID!) { customerDataExport(id: $id) { status completedAt parts { service status recordCount } } }`;
// What the gateway sends crm for `document`, with the parts it fetched from the other subgraphs (@requires).
const DOCUMENT = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CustomerDataExport { document } } }`;

describe('customer data export: crm’s part, the request to other services, status, expiry (real Postgres)', () => {
  let crm: Crm;
  const manager = identity('crm_manager', 'manager-max');
  let customerId: string;

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());
  beforeEach(async () => {
    await crm.db.dataSource.query('TRUNCATE customer, personal_data_access, outbox_event, processed_event, interaction CASCADE');
    crm.db.clock.set('2026-11-02T09:00:00.000Z');
    customerId = await createAikoTanaka(crm, manager);
  });

  const request = async (id = customerId, reason = 'Letter of 2026-11-01, ticket 4711') => {
    const result = await crm.run('crm_manager', REQUEST, { input: { customerId: id, reason } }, crm.context('crm_manager', 'manager-max'));
    return result;
  };
  const requested = async () => {
    const result = await request();
    expect(result.errors).toBeUndefined();
    return JSON.parse(JSON.stringify(result.data.requestCustomerDataExport));
  };
  const prepared = (contract: typeof complaintCustomerExportPrepared, exportId: string, recordCount = 3) =>
    crm.deliver(
      crm.message(contract, { exportId, customerId, recordCount, preparedAt: crm.db.clock.now().toISOString(), expiresAt: '2026-12-02T09:00:00.000Z' }, contract.producer),
    );
  const status = async (id: string) => JSON.parse(JSON.stringify((await crm.run('crm_manager', STATUS, { id })).data.customerDataExport));

  it('writes crm’s part at once and asks every other service by event, naming no personal data', async () => {
    await crm.domain.loyalty.ledger.earn({ customerId, points: 120, reason: 'Booking BK-9', idempotencyKey: 'booking:BK-9' }, manager);
    const exportRequest = await requested();
    expect(exportRequest).toEqual({
      id: expect.any(String),
      customerId,
      status: 'COLLECTING',
      reason: 'Letter of 2026-11-01, ticket 4711',
      requestedBy: 'manager-max',
      requestedAt: '2026-11-02T09:00:00.000Z',
      dueAt: '2026-11-02T10:00:00.000Z',
      completedAt: null,
      expiresAt: '2026-12-02T09:00:00.000Z',
      parts: [
        { service: 'crm', status: 'PREPARED', recordCount: expect.any(Number), preparedAt: '2026-11-02T09:00:00.000Z' },
        { service: 'complaint', status: 'PENDING', recordCount: null, preparedAt: null },
        { service: 'inquiry', status: 'PENDING', recordCount: null, preparedAt: null },
        { service: 'after-sales', status: 'PENDING', recordCount: null, preparedAt: null },
        { service: 'communication', status: 'PENDING', recordCount: null, preparedAt: null },
      ],
    });
    const events = (await crm.db.outboxEvents()).filter((e) => e.type === 'customer.export_requested');
    expect(events).toEqual([
      expect.objectContaining({
        key: customerId,
        data: { exportId: exportRequest.id, customerId, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' },
      }),
    ]);
    const stored = await crm.db.dataSource.getRepository(CustomerDataExport).findOneByOrFail({ id: exportRequest.id });
    expect(stored.crmDocument).toMatchObject({
      format: 'carebridge.crm.customer-export/v1',
      customer: { id: customerId, fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp' },
      travelDocuments: [{ number: 'TK1234567' }],
      loyalty: { balance: 120, entries: [{ points: 120, reason: 'Booking BK-9' }] },
    });
    // Stored as json, so the document reads in the order it was written.
    expect(Object.keys(stored.crmDocument ?? {}).slice(0, 4)).toEqual(['format', 'service', 'customerId', 'recordCount']);
    expect(Object.keys(stored.crmDocument ?? {})).toEqual(
      expect.arrayContaining(['contacts', 'interactions', 'followUps', 'coupons', 'campaigns', 'keyAccount', 'mergedProfiles', 'personalDataAccess', 'dataExports']),
    );
  });

  it('assembles one document from crm’s part and the parts the gateway brings, and logs every read', async () => {
    const { id } = await requested();
    const complaintPart = { format: 'carebridge.complaint.customer-export/v1', recordCount: 1, complaints: [{ registrationNumber: 'CMP-2026-000001' }] };
    const result = await crm.run(
      'crm_manager',
      DOCUMENT,
      // A representation cannot change what crm holds: only the parts are taken from it.
      { representations: [{ __typename: 'CustomerDataExport', id, complaint: complaintPart, inquiry: null, afterSales: null, customerId: 'someone-else', crmDocument: {} }] },
      crm.context('crm_manager', 'manager-max'),
    );
    expect(result.errors).toBeUndefined();
    const document = result.data._entities[0].document;
    expect(document).toMatchObject({
      format: 'carebridge.customer-export/v1',
      exportId: id,
      customerId,
      complete: false,
      missingServices: ['inquiry', 'after-sales', 'communication'],
      services: { crm: { customer: { fullName: 'Aiko Tanaka' } }, complaint: complaintPart, inquiry: null, 'after-sales': null, communication: null },
    });
    const log = await crm.db.dataSource.getRepository(PersonalDataAccess).findBy({ purpose: 'EXPORT' });
    expect(log).toEqual([expect.objectContaining({ customerId, accessedBy: 'manager-max' })]);
    const forbidden = await crm.run('analyst', DOCUMENT, { representations: [{ __typename: 'CustomerDataExport', id, complaint: null, inquiry: null, afterSales: null }] });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('completes when every service reported its part, once, and late parts still complete an overdue export', async () => {
    const first = await requested();
    await prepared(complaintCustomerExportPrepared, first.id, 4);
    expect(await status(first.id)).toMatchObject({ status: 'COLLECTING', parts: [{ status: 'PREPARED' }, { service: 'complaint', status: 'PREPARED', recordCount: 4 }, { status: 'PENDING' }, { status: 'PENDING' }, { status: 'PENDING' }] });
    crm.db.clock.set('2026-11-02T09:05:00.000Z');
    await prepared(inquiryCustomerExportPrepared, first.id, 2);
    expect((await status(first.id)).status).toBe('COLLECTING');
    await prepared(communicationCustomerExportPrepared, first.id, 5);
    await prepared(afterSalesCustomerExportPrepared, first.id, 1);
    expect(await status(first.id)).toMatchObject({ status: 'COMPLETE', completedAt: '2026-11-02T09:05:00.000Z' });

    const second = await requested();
    expect(await crm.domain.privacy.exportParts.markOverdue(new Date('2026-11-02T10:04:59.000Z'))).toBe(0);
    expect(await crm.domain.privacy.exportParts.markOverdue(new Date('2026-11-02T10:05:00.000Z'))).toBe(1);
    expect((await status(second.id)).status).toBe('INCOMPLETE');
    await prepared(complaintCustomerExportPrepared, second.id);
    await prepared(inquiryCustomerExportPrepared, second.id);
    await prepared(afterSalesCustomerExportPrepared, second.id);
    await prepared(communicationCustomerExportPrepared, second.id);
    expect((await status(second.id)).status).toBe('COMPLETE');
    expect(crm.deadLetters).toHaveLength(0);
  });

  it('expires: crm’s part is deleted, the document is gone, and late reports change nothing', async () => {
    const { id } = await requested();
    expect(await crm.domain.privacy.exportRetention.expire(new Date('2026-12-02T08:59:59.000Z'))).toBe(0);
    expect(await crm.domain.privacy.exportRetention.expire(new Date('2026-12-02T09:00:00.000Z'))).toBe(1);
    await prepared(complaintCustomerExportPrepared, id);
    const result = await crm.run('crm_manager', `query($id: ID!) { customerDataExport(id: $id) { status document } }`, { id });
    expect(result.data.customerDataExport).toEqual({ status: 'EXPIRED', document: null });
    expect((await crm.db.dataSource.getRepository(CustomerDataExport).findOneByOrFail({ id })).crmDocument).toBeNull();
  });

  it('lists a customer’s exports newest first, and an export lists the earlier requests', async () => {
    const first = await requested();
    crm.db.clock.set('2026-11-03T09:00:00.000Z');
    const second = await requested();
    const list = await crm.run('crm_manager', `query($c: ID!) { customerDataExports(customerId: $c) { totalCount edges { node { id } } } }`, { c: customerId });
    expect(list.data.customerDataExports).toEqual({ totalCount: 2, edges: [{ node: { id: second.id } }, { node: { id: first.id } }] });
    const stored = await crm.db.dataSource.getRepository(CustomerDataExport).findOneByOrFail({ id: second.id });
    expect(stored.crmDocument?.dataExports).toEqual([expect.objectContaining({ id: first.id, reason: 'Letter of 2026-11-01, ticket 4711' })]);
  });

  it('refuses unknown, merged and erased customers, and roles without the duty', async () => {
    const unknown = await request('9d6c1c47-0000-4000-8000-000000000999');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const duplicate = (await crm.domain.customer.registration.register({ fullName: 'Aiko T.', email: 'aiko.tanaka@example.jp', preferredLanguage: 'ja', tier: CustomerTier.STANDARD } as any, manager)).id;
    await crm.domain.merge.profileMerge.merge({ survivorId: customerId, duplicateId: duplicate }, manager);
    const merged = await request(duplicate);
    expect(merged.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'customerId', mergedIntoId: customerId });

    const agent = await crm.run('agent', REQUEST, { input: { customerId, reason: 'Asked on the phone' } });
    expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const { id } = await requested();
    await crm.domain.privacy.erasure.erase({ customerId, reason: 'Request by e-mail, ticket 4712' }, identity('admin'));
    // Erasure deletes the exports with everything else; the services delete their parts on customer.erased.
    expect(await crm.db.dataSource.getRepository(CustomerDataExport).countBy({ customerId })).toBe(0);
    expect((await crm.run('crm_manager', STATUS, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const erased = await request();
    expect(erased.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'ERASED' });
    await prepared(complaintCustomerExportPrepared, id);
    expect(crm.deadLetters).toHaveLength(0);
  });

  it('waits for every service that declares a customer_export_prepared contract in the catalogue, and for no other', () => {
    const declared = EVENT_CATALOGUE.filter((contract) => contract.type.endsWith('.customer_export_prepared'));
    expect(EXPORT_CONTRIBUTORS.map((contract) => contract.producer)).toEqual(declared.map((contract) => contract.producer));
    expect(EXPORT_CONTRIBUTORS).toEqual([complaintCustomerExportPrepared, inquiryCustomerExportPrepared, afterSalesCustomerExportPrepared, communicationCustomerExportPrepared]);
    expect(crmEventHandlers(crm.domain).filter((handler) => handler.contract.type.endsWith('.customer_export_prepared')).map((h) => h.contract)).toEqual([...EXPORT_CONTRIBUTORS]);
  });
});
