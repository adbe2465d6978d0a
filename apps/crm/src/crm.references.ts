import { entityReference, type ReferenceResolvers, searchResultsReference } from '@carebridge/service-kit';
import type { CrmDomain } from './crm.domain';
import { EXPORT_CONTRIBUTOR_SECTIONS } from './privacy/export-contributors';
import { personalDataAccessReportReference } from '@carebridge/personal-data-access';

/** The entities other subgraphs (and the gateway) resolve by key. */
export function crmReferences(domain: CrmDomain): ReferenceResolvers {
  return {
    Customer: entityReference((references) => domain.customer.queries.findManyById(references.map((reference) => reference.id))),
    SearchResults: searchResultsReference,
    PersonalDataAccessReport: personalDataAccessReportReference,
    // The gateway brings the other services' parts along (@requires); they go to `document`.
    CustomerDataExport: entityReference(async (references: readonly ({ id: string } & Record<string, unknown>)[]) => {
      const found = await domain.privacy.exports.queries.findManyById(references.map((reference) => reference.id));
      // Only the parts are taken from the representation; everything else comes from crm's own row.
      return found.map((row) => {
        const reference = references.find((r) => r.id === row.id) ?? {};
        return Object.assign(row, Object.fromEntries(EXPORT_CONTRIBUTOR_SECTIONS.map((section) => [section, (reference as Record<string, unknown>)[section]])));
      });
    }),
  };
}
