import type { SubgraphRuntime } from '@carebridge/service-kit';
import { AgentPeriodClosing } from './agent-periods/agent-period-closing';
import { CaseExport } from './exports/case-export';
import { FactRecording } from './facts/fact-recording';
import { FigureQueries } from './figures/figure-queries';
import { CachingFigureEngine } from './figures/caching-figure-engine';
import { PostgresFigureEngine } from './figures/postgres-figure-engine';
import { MonthlyReportComposition } from './monthly-reports/monthly-report-composition';
import { MonthlyReporting } from './monthly-reports/monthly-reporting';
import { ReportDownloads } from './monthly-reports/report-downloads';
import { analyticsEventHandlers } from './analytics.event-handlers';
import type { AnalyticsSettings } from './analytics.settings';
import { DemoHistory } from './demo/demo-history';

/** The analytics service's use cases, wired once: by the subgraph, and by the test fixture. */
export function analyticsDomain(runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: AnalyticsSettings) {
  const { dataSource, outbox, clock } = runtime;
  const engine = new CachingFigureEngine(new PostgresFigureEngine(dataSource, settings.dotRule, settings.periods.timeZone), dataSource);
  const facts = new FactRecording(settings.calendar);
  const figureQueries = new FigureQueries(engine, settings.periods);
  const agentPeriodClosing = new AgentPeriodClosing(dataSource, outbox, engine, settings.periods);
  const caseExport = new CaseExport(dataSource, figureQueries, clock);
  const monthlyReporting = new MonthlyReporting(dataSource, outbox, new MonthlyReportComposition(engine, settings.periods), settings.periods);
  const reportDownloads = new ReportDownloads(monthlyReporting, settings.reportLinkSecret, settings.reportLinkTtlMs);
  const demoHistory = new DemoHistory(dataSource, () => analyticsEventHandlers({ facts }), monthlyReporting, settings.periods, settings.demoHistoryDays);
  return { dataSource, engine, facts, figureQueries, agentPeriodClosing, caseExport, monthlyReporting, reportDownloads, demoHistory };
}

export type AnalyticsDomain = ReturnType<typeof analyticsDomain>;
