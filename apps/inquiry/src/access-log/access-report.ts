import { personalDataAccessReportType, personalDataAccessSection } from '@carebridge/personal-data-access';

/**
 * inquiry's section of the federated personal-data access report (`personalDataAccessReport { inquiry { … } }`):
 * this service's own log, under the report's key (the filter). See docs/security.md.
 */
export const PersonalDataAccessReport = personalDataAccessReportType();
export const InquiryAccessReportSection = personalDataAccessSection(PersonalDataAccessReport, 'inquiry', 'inquiry');
