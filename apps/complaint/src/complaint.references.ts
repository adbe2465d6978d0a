import { entityReference, type ReferenceResolvers } from '@carebridge/service-kit';
import type { ComplaintDomain } from './complaint.domain';

/** How the gateway reaches the complaint service's entities: a complaint by id, and its part of a customer data export. */
export function complaintReferences(domain: ComplaintDomain): ReferenceResolvers {
  return {
    Complaint: entityReference((references) => domain.queries.findManyById(references.map((reference) => reference.id))),
    ...domain.customers.exportGraph().references,
  };
}
