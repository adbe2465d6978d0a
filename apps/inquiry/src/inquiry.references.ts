import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { InquiryDomain } from './inquiry.domain';

/** How the gateway reaches the inquiry service's entities: an inquiry or an order change by id, and its part of a customer data export. */
export function inquiryReferences(domain: InquiryDomain): ReferenceResolvers {
  return {
    Inquiry: { __resolveReference: (reference: { id: string }) => domain.inquiries.findById(reference.id) },
    OrderChange: { __resolveReference: (reference: { id: string }) => domain.orderChanges.findById(reference.id) },
    ...domain.customerExportGraph.references,
  };
}
