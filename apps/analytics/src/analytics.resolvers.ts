import { FiguresResolver } from './figures/figures.resolver';
import type { SubgraphRuntime } from '@carebridge/service-kit';
import type { AnalyticsDomain } from './analytics.domain';
import { MonthlyReportResolver } from './monthly-reports/monthly-report.resolver';

/** The GraphQL resolvers of analytics; each calls use cases of the domain and nothing else. */
export function analyticsResolvers(domain: AnalyticsDomain, runtime: Pick<SubgraphRuntime, 'clock'>): object[] {
  return [new FiguresResolver(domain.figureQueries), new MonthlyReportResolver(domain.monthlyReporting, domain.reportDownloads, runtime.clock)];
}
