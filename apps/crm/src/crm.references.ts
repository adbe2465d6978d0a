import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { CrmDomain } from './crm.domain';
import { EXPORT_CONTRIBUTOR_SECTIONS } from './privacy/export-contributors';

/** The entities other subgraphs (and the gateway) resolve by key. */
export function crmReferences(domain: CrmDomain): ReferenceResolvers {
  return {
    Customer: { __resolveReference: (reference: { id: string }) => domain.customer.queries.findById(reference.id) },
    // The gateway brings the other services' parts along (@requires); they go to `document`.
    CustomerDataExport: {
      __resolveReference: async (reference: { id: string } & Record<string, unknown>) => {
        const found = await domain.privacy.exports.queries.findById(reference.id);
        // Only the parts are taken from the representation; everything else comes from crm's own row.
        return found && Object.assign(found, Object.fromEntries(EXPORT_CONTRIBUTOR_SECTIONS.map((section) => [section, reference[section]])));
      },
    },
  };
}
