import { defineSubgraph } from '@carebridge/service-kit';
import { caseExportRoute } from './exports/case-export.route';
import { CreateCaseFacts1796169400000 } from './migrations/1796169400000-CreateCaseFacts';
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
  migrations: [CreateCaseFacts1796169400000],
  build(runtime) {
    const settings = analyticsSettings(runtime.env);
    const domain = analyticsDomain(runtime, settings);
    return {
      resolvers: analyticsResolvers(domain),
      references: analyticsReferences(domain),
      eventHandlers: analyticsEventHandlers(domain),
      jobs: analyticsJobs(domain, settings),
      httpRoutes: [caseExportRoute(domain.caseExport)],
    };
  },
});
