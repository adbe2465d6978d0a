import { randomUUID } from 'node:crypto';
import { customerErased, customerExportRequested } from '@carebridge/event-contracts';
import { afterSalesJobs } from '../after-sales.jobs';
import { issuerStaff, people, useDocuments } from './document.fixture';
import { DocumentType } from './document.enums';

const DAY = 86_400_000;

describe('retention, erasure and the data export of documents (real Postgres)', () => {
  const world = useDocuments({ AFTER_SALES_DOCUMENT_RETENTION_DAYS: '30', AFTER_SALES_INVOICE_RETENTION_DAYS: '3650' });
  afterEach(() => world.db.clock.set('2026-11-02T09:00:00.000Z'));

  const retentionRun = () => {
    const job = afterSalesJobs(world, world.settings).find((j) => j.name === 'document-retention');
    if (!job) throw new Error('no document-retention job');
    return job.run(world.db.clock.now()) as Promise<{ deleted: number }>;
  };

  it('deletes files and the personal data in them when their retention period ends: certificates after 30 days, invoices after 10 years', async () => {
    const customerId = await world.learnCustomer();
    const certificate = await world.issueCertificateFor(customerId);
    const invoice = await world.issueInvoiceFor(customerId);
    const link = await world.documentDownloads.createLink(certificate.id, people.agent);
    expect(certificate.retainUntil).toEqual(new Date('2026-12-02T09:00:00.000Z'));
    expect(invoice.retainUntil).toEqual(new Date(Date.parse('2026-11-02T09:00:00.000Z') + 3650 * DAY));

    world.db.clock.set('2026-12-02T08:59:59.000Z');
    await retentionRun();
    expect(await world.documentStorage.get(certificate.fileKey as string)).not.toBeNull();

    world.db.clock.set('2026-12-02T09:00:00.000Z');
    expect((await retentionRun()).deleted).toBeGreaterThanOrEqual(1);
    expect(await world.documentStorage.get(certificate.fileKey as string)).toBeNull();
    const purged = await world.documentQueries.findById(certificate.id);
    expect(purged).toMatchObject({ fileKey: null, fileDeletedAt: new Date('2026-12-02T09:00:00.000Z'), verificationCode: certificate.verificationCode });
    expect(purged?.content).toMatchObject({ passengerName: '[erased]', bookingReference: null, flightNumber: 'LH 721' });
    expect((await world.documentQueries.auditTrailOf(certificate.id)).at(-1)).toMatchObject({ action: 'FILE_DELETED', actorId: 'system' });
    // Still genuine, without the traveller; the file can no longer be fetched.
    expect(await world.certificateVerification.verify(certificate.verificationCode as string)).toMatchObject({ genuine: true, statement: { passengerName: '[erased]' } });
    await expect(world.documentDownloads.download(certificate.id, link.token, people.agent)).rejects.toMatchObject({ extensions: { field: 'token' } });
    await expect(world.documentDownloads.createLink(certificate.id, people.agent)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', fileDeletedAt: '2026-12-02T09:00:00.000Z' },
    });
    expect(await world.documentStorage.get(invoice.fileKey as string)).not.toBeNull();

    world.db.clock.set(new Date(Date.parse('2026-11-02T09:00:00.000Z') + 3650 * DAY));
    await retentionRun();
    const oldInvoice = await world.documentQueries.findById(invoice.id);
    expect(oldInvoice).toMatchObject({ fileKey: null, documentNumber: invoice.documentNumber, grossTotalMinor: 21320, sha256: invoice.sha256 });
    expect(oldInvoice?.content).toMatchObject({ number: invoice.documentNumber, buyer: { name: '[erased]', addressLines: [], city: 'Lisboa' }, totals: { grandTotal: '213.20' } });
    expect(await world.documentStorage.get(invoice.fileKey as string)).toBeNull();
  });

  it('on erasure removes the customer’s words and the traveller’s name, deletes certificate files at the next run, and keeps invoices as tax law requires', async () => {
    const customerId = await world.learnCustomer();
    const certificate = await world.issueCertificateFor(customerId);
    const invoice = await world.issueInvoiceFor(customerId);
    await world.documentDispatch.markSent({ documentId: invoice.id, channel: 'EMAIL', sentTo: 'zoe@example.com' }, issuerStaff);
    const noted = await world.requestFor(customerId, DocumentType.OTHER, { note: 'Please send the PIR for my lost bag, Zoë Müller' });

    world.db.clock.set('2026-11-03T09:00:00.000Z');
    await world.deliver(customerErased, { customerId, erasedAt: '2026-11-03T09:00:00.000Z' });
    expect(await world.documentQueries.findById(noted.id)).toMatchObject({ requestNote: '[erased]', anonymisedAt: new Date('2026-11-03T09:00:00.000Z') });
    const erasedCertificate = await world.documentQueries.findById(certificate.id);
    expect(erasedCertificate?.content).toMatchObject({ passengerName: '[erased]', bookingReference: null });
    expect(erasedCertificate?.retainUntil).toEqual(new Date('2026-11-03T09:00:00.000Z'));
    const keptInvoice = await world.documentQueries.findById(invoice.id);
    expect(keptInvoice).toMatchObject({ sentTo: null, documentNumber: invoice.documentNumber, retainUntil: invoice.retainUntil });
    expect(keptInvoice?.content).toMatchObject({ buyer: { name: 'Zoë Müller' } });

    await retentionRun();
    expect(await world.documentStorage.get(certificate.fileKey as string)).toBeNull();
    expect(await world.documentStorage.get(invoice.fileKey as string)).not.toBeNull();
  });

  it('gives the customer’s documents and their audit trail to a data export', async () => {
    const customerId = await world.learnCustomer();
    const invoice = await world.issueInvoiceFor(customerId);
    await world.deliver(customerExportRequested, { exportId: randomUUID(), customerId, requestedAt: '2026-11-02T09:00:00.000Z', expiresAt: '2026-12-02T09:00:00.000Z' });
    const part = await world.db.dataSource.transaction((manager) => world.customers.collect(manager, customerId));
    const documents = (part as Record<string, Record<string, unknown>[]>).documents;
    expect(documents).toEqual([expect.objectContaining({ id: invoice.id, type: 'E_INVOICE', documentNumber: invoice.documentNumber })]);
    expect(documents[0]).not.toHaveProperty('fileKey');
    expect((part as Record<string, Record<string, unknown>[]>).documentAudit.map((entry) => entry.action)).toEqual(['REQUESTED', 'ISSUED']);
  });
});
