import type { CustomerRecords } from '@carebridge/known-customers';
import type { SubgraphRuntime } from '@carebridge/service-kit';
import { ShippedAirports } from '../airport/airport-directory';
import type { DocumentStorage } from '../document-storage/document-storage';
import { FileSystemDocumentStorage } from '../document-storage/file-system-document-storage';
import { CertificateVerification } from './certificate-verification';
import { CreditNoteIssuing } from './credit-note-issuing';
import { DocumentAudit } from './document-audit';
import { DocumentDispatch } from './document-dispatch';
import { DocumentDownloads } from './document-downloads';
import { DocumentIssuers } from './document-issuers';
import { DocumentLinks } from './document-link';
import { DocumentQueries } from './document-queries';
import { DocumentRefusal } from './document-refusal';
import { DocumentRequesting, type TripDirectory } from './document-requesting';
import { DocumentRetention } from './document-retention';
import { DocumentSteps } from './document-steps';
import { DocumentTimeline } from './document-timeline';
import type { DocumentSettings } from './document.settings';
import { ExternalDocumentRecording } from './external-document-recording';
import { InvoiceIssuing } from './invoice-issuing';
import { type DisruptionRecords, TravelCertificateIssuing } from './travel-certificate-issuing';

/**
 * The documents part of after-sales (T-4.2), wired once: its use cases over one storage (the
 * filesystem under AFTER_SALES_DOCUMENT_STORAGE_DIR unless another `DocumentStorage` is given).
 * after-sales.domain.ts spreads it into the service's domain.
 */
export function documentDesk(
  runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>,
  customers: Pick<CustomerRecords, 'standing'>,
  trips: TripDirectory,
  disruptions: DisruptionRecords,
  settings: DocumentSettings,
  storage: DocumentStorage = new FileSystemDocumentStorage(settings.storageDirectory),
) {
  const { dataSource, outbox, clock } = runtime;
  const audit = new DocumentAudit();
  const documentIssuers = new DocumentIssuers(dataSource, clock);
  const steps = new DocumentSteps(dataSource, storage, outbox, clock, audit, new DocumentTimeline(outbox), settings);
  return {
    documentStorage: storage,
    documentIssuers,
    documentQueries: new DocumentQueries(dataSource, clock),
    documentRequesting: new DocumentRequesting(dataSource, customers, trips, outbox, clock, audit, settings),
    documentRefusal: new DocumentRefusal(steps, outbox),
    documentDispatch: new DocumentDispatch(steps, outbox),
    invoiceIssuing: new InvoiceIssuing(steps, documentIssuers, trips),
    creditNoteIssuing: new CreditNoteIssuing(steps),
    travelCertificateIssuing: new TravelCertificateIssuing(steps, documentIssuers, trips, disruptions, new ShippedAirports(), settings),
    externalDocumentRecording: new ExternalDocumentRecording(steps),
    documentDownloads: new DocumentDownloads(dataSource, storage, new DocumentLinks(settings.linkSecret), clock, audit, settings),
    certificateVerification: new CertificateVerification(dataSource),
    documentRetention: new DocumentRetention(dataSource, storage, audit),
  };
}
