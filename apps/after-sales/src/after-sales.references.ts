import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { AfterSalesDomain } from './after-sales.domain';
import { OrderChangeReference } from './references/order-change.reference';
import { SEGMENT_TYPES } from './trip/trip-segment.types';

/** The entities of after-sales that other subgraphs (and the gateway) resolve by key, and its part of a customer data export. */
export function afterSalesReferences(domain: AfterSalesDomain): ReferenceResolvers {
  return {
    Trip: { __resolveReference: (reference: { id: string }) => domain.tripQueries.findById(reference.id) },
    // The gateway sends the order change's id and booking reference (@requires): all that OrderChange.trip needs.
    OrderChange: { __resolveReference: (reference: OrderChangeReference) => reference },
    CustomerDocument: { __resolveReference: (reference: { id: string }) => domain.documentQueries.findById(reference.id) },
    Incident: { __resolveReference: (reference: { id: string }) => domain.incidents.queries.findById(reference.id) },
    ...domain.customers.exportGraph().references,
  };
}

/** Types no query of after-sales returns, which the gateway reaches by key (or through an interface): the schema must still hold them. */
export function afterSalesOrphanedTypes(domain: AfterSalesDomain): Function[] {
  return [OrderChangeReference, ...SEGMENT_TYPES, ...domain.customers.exportGraph().orphanedTypes];
}
