import { personalDataAccessReportType, personalDataAccessSection } from '@carebridge/personal-data-access';

/**
 * complaint's section of the federated personal-data access report (`personalDataAccessReport { complaint { … } }`):
 * this service's own log, under the report's key (the filter). See docs/security.md.
 */
export const PersonalDataAccessReport = personalDataAccessReportType();
export const ComplaintAccessReportSection = personalDataAccessSection(PersonalDataAccessReport, 'complaint', 'complaint');
