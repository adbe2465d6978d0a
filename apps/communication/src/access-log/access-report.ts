import { personalDataAccessReportType, personalDataAccessSection } from '@carebridge/personal-data-access';

/**
 * communication's section of the federated personal-data access report (`personalDataAccessReport { communication { … } }`):
 * who read the messages sent to customers (subject and text), from this service's own log. See docs/security.md.
 */
export const PersonalDataAccessReport = personalDataAccessReportType();
export const CommunicationAccessReportSection = personalDataAccessSection(PersonalDataAccessReport, 'communication', 'communication');
