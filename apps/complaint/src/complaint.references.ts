import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { ComplaintDomain } from './complaint.domain';

/** How the gateway reaches the complaint service's entities: a complaint by id, and its part of a customer data export. */
export function complaintReferences(domain: ComplaintDomain): ReferenceResolvers {
  return {
    Complaint: { __resolveReference: (reference: { id: string }) => domain.queries.findById(reference.id) },
    ...domain.customers.exportGraph().references,
  };
}
