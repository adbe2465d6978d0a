import { entityReference, type ReferenceResolvers, searchResultsReference } from '@carebridge/service-kit';
import type { InquiryDomain } from './inquiry.domain';
import { personalDataAccessReportReference } from '@carebridge/personal-data-access';

/** How the gateway reaches the inquiry service's entities: an inquiry or an order change by id, and its part of a customer data export. */
export function inquiryReferences(domain: InquiryDomain): ReferenceResolvers {
  return {
    Inquiry: entityReference((references) => domain.inquiries.findManyById(references.map((reference) => reference.id))),
    OrderChange: entityReference((references) => domain.orderChanges.findManyById(references.map((reference) => reference.id))),
    SearchResults: searchResultsReference,
    PersonalDataAccessReport: personalDataAccessReportReference,
    ...domain.customerExportGraph.references,
  };
}
