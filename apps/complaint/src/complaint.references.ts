import { entityReference, type ReferenceResolvers, searchResultsReference } from '@carebridge/service-kit';
import type { ComplaintDomain } from './complaint.domain';
import { personalDataAccessReportReference } from '@carebridge/personal-data-access';

/** How the gateway reaches the complaint service's entities: a complaint by id, and its part of a customer data export. */
export function complaintReferences(domain: ComplaintDomain): ReferenceResolvers {
  return {
    Complaint: entityReference((references) => domain.queries.findManyById(references.map((reference) => reference.id))),
    SearchResults: searchResultsReference,
    PersonalDataAccessReport: personalDataAccessReportReference,
    ...domain.customers.exportGraph().references,
  };
}
