import { entityReference, findManyById, type ReferenceResolvers, type SubgraphRuntime } from '@carebridge/service-kit';
import type { AfterSalesDomain } from './after-sales.domain';
import { CustomerDocument } from './document/document.entity';
import { Incident } from './incident/incident.entity';
import { OrderChangeReference } from './references/order-change.reference';
import { Trip } from './trip/trip.entity';
import { SEGMENT_TYPES } from './trip/trip-segment.types';
import { personalDataAccessReportReference } from '@carebridge/personal-data-access';
import { PersonalDataAccessReport } from './access-log/access-report';

/** The entities of after-sales that other subgraphs (and the gateway) resolve by key, a page's worth in one query each, and its part of a customer data export. */
export function afterSalesReferences(domain: AfterSalesDomain, { dataSource }: Pick<SubgraphRuntime, 'dataSource'>): ReferenceResolvers {
  const ids = (references: readonly { id: string }[]) => references.map((reference) => reference.id);
  return {
    PersonalDataAccessReport: personalDataAccessReportReference,
    Trip: entityReference((references) => findManyById(dataSource.getRepository(Trip), ids(references))),
    // The gateway sends the order change's id and booking reference (@requires): all that OrderChange.trip needs.
    OrderChange: entityReference(async (references: readonly OrderChangeReference[]) => references),
    CustomerDocument: entityReference((references) => findManyById(dataSource.getRepository(CustomerDocument), ids(references))),
    Incident: entityReference((references) => findManyById(dataSource.getRepository(Incident), ids(references))),
    ...domain.customers.exportGraph().references,
  };
}

/** Types no query of after-sales returns, which the gateway reaches by key (or through an interface): the schema must still hold them. */
export function afterSalesOrphanedTypes(domain: AfterSalesDomain): Function[] {
  return [OrderChangeReference, ...SEGMENT_TYPES, ...domain.customers.exportGraph().orphanedTypes, PersonalDataAccessReport];
}
