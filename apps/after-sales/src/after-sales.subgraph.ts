import { KNOWN_CUSTOMER_ENTITIES, KNOWN_CUSTOMER_MIGRATIONS } from '@carebridge/known-customers';
import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { defineSubgraph } from '@carebridge/service-kit';
import { afterSalesDomain } from './after-sales.domain';
import { afterSalesEventHandlers } from './after-sales.event-handlers';
import { afterSalesJobs } from './after-sales.jobs';
import { afterSalesOrphanedTypes, afterSalesReferences } from './after-sales.references';
import { afterSalesResolvers } from './after-sales.resolvers';
import { afterSalesSettings } from './after-sales.settings';
import { CareContact } from './care/care-contact.entity';
import { CareRule } from './care/care-rule.entity';
import { DocumentAuditEntry } from './document/document-audit.entity';
import { documentDownloadRoute } from './document/document-download.route';
import { DocumentIssuer } from './document/document-issuer.entity';
import { CustomerDocument, DocumentNumberCounter } from './document/document.entity';
import { CustomerContactPreference } from './follow-up/contact-preference.entity';
import { FollowUpCall } from './follow-up/follow-up-call.entity';
import { FollowUpSurvey } from './follow-up/follow-up-survey.entity';
import { INCIDENT_ENTITIES } from './incident/incident.entities';
import { CreateIncident1764700000000 } from './migrations/1764700000000-CreateIncident';
import { CustomerDocuments1764520000000 } from './migrations/1764520000000-CustomerDocuments';
import { FollowUpAndCare1764600000000 } from './migrations/1764600000000-FollowUpAndCare';
import { CreateTrip1764400000000 } from './migrations/1764400000000-CreateTrip';
import { ServiceRecoveryTask } from './service-recovery/service-recovery-task.entity';
import { TripSegment } from './trip/trip-segment.entity';
import { Trip } from './trip/trip.entity';

/** after-sales: trips, post-trip follow-up, customer documents, in-trip incidents and passenger rights (T-1.4, T-4). */
export const afterSalesSubgraph = defineSubgraph({
  name: 'after-sales',
  entities: [
    ...KNOWN_CUSTOMER_ENTITIES,
    // Who read which customer's personal data
    ...PERSONAL_DATA_ACCESS_ENTITIES,
    // Trips
    Trip,
    TripSegment,
    // Post-trip follow-up, service recovery, regular care
    FollowUpSurvey,
    FollowUpCall,
    CustomerContactPreference,
    ServiceRecoveryTask,
    CareRule,
    CareContact,
    // Customer documents
    CustomerDocument,
    DocumentIssuer,
    DocumentNumberCounter,
    DocumentAuditEntry,
    // In-trip incidents
    ...INCIDENT_ENTITIES,
  ],
  migrations: [
    ...KNOWN_CUSTOMER_MIGRATIONS,
    // Trips
    CreateTrip1764400000000,
    // Post-trip follow-up, service recovery, regular care
    FollowUpAndCare1764600000000,
    // Customer documents
    CustomerDocuments1764520000000,
    // In-trip incidents
    CreateIncident1764700000000,
    // Who read which customer's personal data
    ...PERSONAL_DATA_ACCESS_MIGRATIONS,
  ],
  build(runtime) {
    const settings = afterSalesSettings(runtime.env);
    const domain = afterSalesDomain(runtime, settings);
    return {
      resolvers: afterSalesResolvers(domain),
      references: afterSalesReferences(domain, runtime),
      orphanedTypes: afterSalesOrphanedTypes(domain),
      eventHandlers: afterSalesEventHandlers(domain),
      jobs: afterSalesJobs(domain, settings),
      // GET /documents/<id>?token=…: document downloads by signed link.
      httpRoutes: [documentDownloadRoute(domain.documentDownloads)],
    };
  },
});
