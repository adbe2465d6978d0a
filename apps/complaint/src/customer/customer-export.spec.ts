import { customerExportRequested, customerMerged } from '@carebridge/event-contracts';
import { CustomerExportPart } from '@carebridge/customer-export';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { InvolvedPartyKind } from '../complaint/complaint.enums';
import { ComplaintStatus } from '../status/status.enums';

describe('the complaint service’s part of a customer data export (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  const requestExport = (exportId: string, customerId: string) =>
    world.deliver(customerExportRequested, { exportId, customerId, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' });
  const partOf = (exportId: string) => world.db.dataSource.getRepository(CustomerExportPart).findOneByOrFail({ exportId });

  it('holds every complaint about the customer, merged profiles’ included, with everything recorded on it, and nobody else’s', async () => {
    const customerId = await world.learnCustomer();
    const merged = await world.learnCustomer();
    const other = await world.learnCustomer();
    const closed = await world.complaintIn(ComplaintStatus.CLOSED, customerId);
    const fromMerged = await world.register(merged, {
      description: 'The lounge in Lisbon refused my partner.',
      peopleInvolved: [{ kind: InvolvedPartyKind.CUSTOMER, name: 'Rui Costa', detail: 'partner' }],
      attachments: [{ name: 'lounge-invitation.pdf', contentType: 'application/pdf', url: 'https://files.example.com/invite.pdf' }],
    });
    await world.deliver(customerMerged, { survivorId: customerId, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-11-02T08:00:00.000Z' });
    await world.register(other, { description: 'Someone else’s complaint.' });

    const exportId = '3f1c0a52-0000-4000-8000-000000000001';
    await requestExport(exportId, customerId);

    const part = await partOf(exportId);
    const document = part.document as Record<string, any>;
    expect(document).toMatchObject({ format: 'carebridge.complaint.customer-export/v1', service: 'complaint', exportId, customerId });
    expect(document.complaints.map((c: { id: string }) => c.id).sort()).toEqual([closed.id, fromMerged.id].sort());
    expect(document.complaints.find((c: { id: string }) => c.id === fromMerged.id)).toMatchObject({
      description: 'The lounge in Lisbon refused my partner.',
      peopleInvolved: [{ kind: 'CUSTOMER', name: 'Rui Costa', detail: 'partner' }],
      attachments: [{ name: 'lounge-invitation.pdf' }],
    });
    expect(document.complaints[0]).not.toHaveProperty('version');
    expect(document.feedback).toEqual([expect.objectContaining({ complaintId: closed.id })]);
    expect(document.closures).toEqual([expect.objectContaining({ complaintId: closed.id })]);
    expect(document.history.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(document)).toEqual(expect.arrayContaining(['conversationMessages', 'compensationItems']));
    expect(JSON.stringify(document)).not.toContain('Someone else’s complaint.');
    const sections = ['complaints', 'conversationMessages', 'feedback', 'compensationItems', 'closures', 'history'];
    expect(part.recordCount).toBe(sections.reduce((sum, section) => sum + document[section].length, 0));

    const prepared = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.customer_export_prepared');
    expect(prepared).toEqual([expect.objectContaining({ key: exportId, data: expect.objectContaining({ exportId, customerId, recordCount: part.recordCount }) })]);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('answers for a customer without complaints with an empty part, so the export completes', async () => {
    const customerId = await world.learnCustomer();
    const exportId = '3f1c0a52-0000-4000-8000-000000000002';
    await requestExport(exportId, customerId);
    expect(await partOf(exportId)).toMatchObject({ recordCount: 0, document: { complaints: [] } });
  });

  it('serves the part to the gateway under the field `complaint`', async () => {
    const { references } = world.customers.exportGraph();
    const resolved = await references.CustomerDataExport.__resolveReference({ id: '3f1c0a52-0000-4000-8000-000000000002' }, {});
    expect(resolved).toMatchObject({ id: '3f1c0a52-0000-4000-8000-000000000002', complaint: { recordCount: 0 } });
  });
});
