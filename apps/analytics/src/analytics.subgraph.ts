import { defineSubgraph } from '@carebridge/service-kit';
import { caseExportRoute } from './exports/case-export.route';
import { CreateCaseFacts1796169400000 } from './migrations/1796169400000-CreateCaseFacts';
import { CreateMonthlyReports1796300000000 } from './migrations/1796300000000-CreateMonthlyReports';
import { CreateTrainingFacts1796300000001 } from './migrations/1796300000001-CreateTrainingFacts';
import { CreateDemoHistoryLoad1796300000002 } from './migrations/1796300000002-CreateDemoHistoryLoad';
import { CreateFactChanges1796300000003 } from './migrations/1796300000003-CreateFactChanges';
import { CreateProcedureFeedback1796300000004 } from './migrations/1796300000004-CreateProcedureFeedback';
import { CreateCustomerKeyAccounts1796300000005 } from './migrations/1796300000005-CreateCustomerKeyAccounts';
import { reportDownloadRoute } from './monthly-reports/report-download.route';
import { analyticsDomain } from './analytics.domain';
import { analyticsEventHandlers } from './analytics.event-handlers';
import { analyticsJobs } from './analytics.jobs';
import { analyticsReferences } from './analytics.references';
import { analyticsResolvers } from './analytics.resolvers';
import { analyticsSettings } from './analytics.settings';

/** analytics: figures of the department (T-1.8, A-3.3), fed only by the other services' event streams. */
export const analyticsSubgraph = defineSubgraph({
  name: 'analytics',
  entities: [],
  migrations: [CreateCaseFacts1796169400000, CreateMonthlyReports1796300000000, CreateTrainingFacts1796300000001, CreateDemoHistoryLoad1796300000002, CreateFactChanges1796300000003, CreateProcedureFeedback1796300000004, CreateCustomerKeyAccounts1796300000005],
  // Figures need none of the customers' words or contacts: analytics never opens sealed fields.
  sealedFields: 'withheld',
  build(runtime) {
    const settings = analyticsSettings(runtime.env);
    const domain = analyticsDomain(runtime, settings);
    return {
      resolvers: analyticsResolvers(domain, runtime),
      references: analyticsReferences(domain),
      eventHandlers: analyticsEventHandlers(domain),
      jobs: analyticsJobs(domain, settings),
      httpRoutes: [caseExportRoute(domain.caseExport), reportDownloadRoute(domain.reportDownloads, runtime.clock)],
    };
  },
});
