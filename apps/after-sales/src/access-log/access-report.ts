import { personalDataAccessReportType, personalDataAccessSection } from '@carebridge/personal-data-access';

/**
 * after-sales's section of the federated personal-data access report (`personalDataAccessReport { afterSales { … } }`):
 * this service's own log, under the report's key (the filter). See docs/security.md.
 */
export const PersonalDataAccessReport = personalDataAccessReportType();
export const AfterSalesAccessReportSection = personalDataAccessSection(PersonalDataAccessReport, 'afterSales', 'after-sales');
