import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { CommunicationDomain } from './communication.domain';
import { personalDataAccessReportReference } from '@carebridge/personal-data-access';

/** The entities of communication that other subgraphs (and the gateway) resolve by key: its part of a customer data export. */
export function communicationReferences(domain: CommunicationDomain): ReferenceResolvers {
  return { ...domain.customers.exportGraph().references, PersonalDataAccessReport: personalDataAccessReportReference };
}
