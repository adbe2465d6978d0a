import { personalDataAccessReportQuery, personalDataAccessReportType, personalDataAccessSection } from '@carebridge/personal-data-access';

/**
 * crm's section of the federated personal-data access report (`personalDataAccessReport { crm { … } }`):
 * this service's own log, under the report's key (the filter). See docs/security.md.
 */
export const PersonalDataAccessReport = personalDataAccessReportType();
export const CrmAccessReportSection = personalDataAccessSection(PersonalDataAccessReport, 'crm', 'crm');

/** crm owns the report's root query: it only turns the filter into the report's key. */
export const PersonalDataAccessReportQuery = personalDataAccessReportQuery(PersonalDataAccessReport);
