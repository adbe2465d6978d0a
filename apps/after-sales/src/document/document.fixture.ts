import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Identity } from '@carebridge/auth';
import { bookingConfirmed } from '@carebridge/event-contracts';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { type AfterSalesWorld, aBooking, people, useAfterSales } from '../after-sales.fixture';
import { Trip } from '../trip/trip.entity';
import { TripSegment } from '../trip/trip-segment.entity';
import type { CustomerDocument } from './document.entity';
import { DocumentType, TaxCategory } from './document.enums';
import type { IssueInvoiceInput, IssueTravelCertificateInput } from './document.inputs';

export { people };

/** A signed-in member of after-sales, the role that issues documents. */
export const issuerStaff: Identity = people.afterSales;

/**
 * after-sales for the tests of documents: its own storage directory, an issuer set up, and the steps
 * the tests take again and again — a request, an invoice for it, a certificate — plus reading what
 * is inside a PDF (its text, its attached files).
 */
export interface DocumentWorld extends AfterSalesWorld {
  storageDirectory: string;
  requestFor(customerId: string, type: DocumentType, extra?: { tripId?: string; correctsDocumentId?: string; note?: string }): Promise<CustomerDocument>;
  issueInvoiceFor(customerId: string, overrides?: Partial<IssueInvoiceInput>): Promise<CustomerDocument>;
  /** LH 721 Frankfurt–Lisbon on 1 November 2026 as an incident of the customer's trip, with these facts recorded on it. */
  recordDisruption(customerId: string, disruption?: RecordedFlightDisruption): Promise<{ incidentId: string; tripId: string; bookingReference: string }>;
  /** A certificate requested for the trip and issued from its incident (by default 3 h 35 late because of thunderstorms). */
  issueCertificateFor(customerId: string, disruption?: RecordedFlightDisruption, overrides?: Partial<IssueTravelCertificateInput>): Promise<CustomerDocument>;
  fileOf(document: CustomerDocument): Promise<Buffer>;
}

export function useDocuments(env: Record<string, string> = {}): DocumentWorld {
  const storageDirectory = mkdtempSync(join(tmpdir(), 'carebridge-documents-'));
  const world = useAfterSales({ AFTER_SALES_DOCUMENT_STORAGE_DIR: storageDirectory, ...env });
  beforeAll(async () => {
    await world.documentIssuers.save(
      {
        id: 'CB-DE',
        legalName: 'Carebridge Travel GmbH',
        addressLines: ['Hauptstraße 1'],
        postcode: '60311',
        city: 'Frankfurt am Main',
        countryCode: 'DE',
        vatId: 'DE123456789',
        taxRegistrationId: null,
        email: 'billing@carebridge.example',
        invoicePrefix: 'CBDE-INV',
        creditNotePrefix: 'CBDE-CRN',
        paymentTerms: 'Payable within 14 days of the invoice date.',
        active: true,
      },
      { userId: 'admin-ada', roles: ['admin'] },
    );
  });
  const requestFor: DocumentWorld['requestFor'] = (customerId, type, extra = {}) =>
    world.documentRequesting.request({ customerId, type, tripId: extra.tripId ?? null, correctsDocumentId: extra.correctsDocumentId ?? null, note: extra.note ?? null }, people.agent);
  const recordDisruption = async (customerId: string, disruption: RecordedFlightDisruption = {}) => {
    const booking = aBooking(customerId, {
      segments: [{ kind: 'FLIGHT', carrier: 'LH', flightNumber: '721', origin: 'FRA', destination: 'LIS', departureAt: '2026-11-01T08:40:00.000Z', arrivalAt: '2026-11-01T11:50:00.000Z' }],
    });
    await world.deliver(bookingConfirmed, booking);
    const trip = await world.db.dataSource.getRepository(Trip).findOneByOrFail({ bookingReference: booking.bookingReference });
    const [flight] = await world.db.dataSource.getRepository(TripSegment).find({ where: { tripId: trip.id } });
    const opened = await world.run(people.afterSales, `mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }`, {
      input: { customerId, tripId: trip.id, segmentId: flight.id, type: disruption.type ?? 'FLIGHT_DELAY', severity: 'MEDIUM', description: 'Late arrival in Lisbon.' },
    });
    if (opened.errors) throw new Error(JSON.stringify(opened.errors));
    const incidentId = opened.data.openIncident.id as string;
    const facts = disruption.facts === undefined ? A_DELAY : disruption.facts;
    if (facts) {
      const computed = await world.run(people.afterSales, `mutation ($input: ComputeIncidentEntitlementsInput!) { computeIncidentEntitlements(input: $input) { id } }`, { input: { incidentId, ...facts } });
      if (computed.errors) throw new Error(JSON.stringify(computed.errors));
    }
    return { incidentId, tripId: trip.id, bookingReference: booking.bookingReference };
  };
  return new Proxy({} as DocumentWorld, {
    get(_target, property) {
      const own: Partial<DocumentWorld> = {
        storageDirectory,
        requestFor,
        async issueInvoiceFor(customerId, overrides = {}) {
          const request = await requestFor(customerId, DocumentType.E_INVOICE);
          return world.invoiceIssuing.issue({ ...anInvoice(request.id), ...overrides }, issuerStaff);
        },
        recordDisruption: (customerId, disruption) => recordDisruption(customerId, disruption),
        async issueCertificateFor(customerId, disruption, overrides = {}) {
          const { incidentId, tripId } = await recordDisruption(customerId, disruption);
          const request = await requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE, { tripId });
          return world.travelCertificateIssuing.issue({ documentId: request.id, incidentId, passengerName: 'Zoë Müller', ...overrides }, issuerStaff);
        },
        async fileOf(document) {
          const bytes = await world.documentStorage.get(document.fileKey as string);
          if (!bytes) throw new Error(`no file stored for document ${document.id}`);
          return bytes;
        },
      };
      return property in own ? own[property as keyof DocumentWorld] : Reflect.get(world, property);
    },
  });
}

/** Two rebooking fees at 19 % and a hotel night in the travel agents' margin scheme, 50.00 paid. */
export function anInvoice(documentId: string): IssueInvoiceInput {
  return {
    documentId,
    currency: 'EUR',
    buyer: { name: 'Zoë Müller', addressLines: ['Rua Augusta 10'], postcode: '1100-053', city: 'Lisboa', countryCode: 'PT', email: 'zoe@example.com' },
    lines: [
      { description: 'Rebooking fee LH 721 FRA–LIS', quantity: '2', unitPrice: '35.00', taxCategory: TaxCategory.STANDARD, taxRate: '19' },
      {
        description: 'Hotel night Lisbon',
        quantity: '1',
        unitPrice: '129.90',
        taxCategory: TaxCategory.EXEMPT,
        taxRate: '0',
        exemptionReason: 'Margin scheme - travel agents',
        exemptionReasonCode: 'VATEX-EU-D',
      },
    ],
    prepaidAmount: '50.00',
    serviceDate: '2026-10-28',
    bookingReference: 'XK7Q9P',
  };
}

/** The incident's type and the facts recorded on it (computeIncidentEntitlements); `facts: null` records none. */
export interface RecordedFlightDisruption {
  type?: 'FLIGHT_DELAY' | 'FLIGHT_CANCELLATION' | 'FLIGHT_DIVERSION' | 'DENIED_BOARDING';
  facts?: Record<string, unknown> | null;
}

/** LH 721 Frankfurt–Lisbon on 1 November 2026, 3 h 35 late because of thunderstorms. */
export const A_DELAY = {
  actualDeparture: '2026-11-01T12:05:00.000Z',
  actualArrival: '2026-11-01T15:25:00.000Z',
  cause: 'WEATHER',
  causeDetail: 'thunderstorms over Frankfurt',
};

/**
 * The text of every page of a PDF, as a reader would copy it: pdf.js through unpdf, in a worker
 * thread because it is an ES module that Jest's module sandbox cannot import.
 */
export function pdfText(bytes: Uint8Array): Promise<string> {
  const unpdf = pathToFileURL(require.resolve('unpdf').replace(/index\.cjs$/, 'index.mjs')).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.unpdf)
       .then(async ({ extractText, getDocumentProxy }) => {
         const { text } = await extractText(await getDocumentProxy(workerData.bytes), { mergePages: true });
         parentPort.postMessage({ text });
       })
       .catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));`,
    { eval: true, workerData: { unpdf, bytes: new Uint8Array(bytes) } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { text?: string; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve((message.text ?? '').replace(/\s+/g, ' '));
    });
    worker.once('error', reject);
  });
}

/** A PDF's embedded file by name, read from its EmbeddedFiles name tree, with its file specification. */
export async function embeddedFile(bytes: Uint8Array, name: string): Promise<{ content: string; spec: PDFDict; catalog: PDFDict } | null> {
  const doc = await PDFDocument.load(bytes);
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!names) return null;
  for (let i = 0; i < names.size(); i += 2) {
    const spec = names.lookup(i + 1, PDFDict);
    if (spec.get(PDFName.of('F'))?.toString() === `(${name})`) {
      const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
      const content = Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('utf8');
      return { content, spec, catalog: doc.catalog };
    }
  }
  return null;
}

/** The XMP metadata packet of a PDF. */
export async function xmpOf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const stream = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream) as PDFRawStream;
  return Buffer.from(stream.getContents()).toString('utf8');
}
