import type { ScheduledJob } from '@carebridge/service-kit';
import { agentPeriodCloseJob } from './agent-periods/agent-period-close.job';
import type { AnalyticsDomain } from './analytics.domain';
import { demoHistoryJob } from './demo/demo-history.job';
import { factChangePruneJob } from './figures/fact-change-prune.job';
import { monthlyReportJob } from './monthly-reports/monthly-report.job';
import type { AnalyticsSettings } from './analytics.settings';

/** Scheduled work of analytics; one instance at a time runs each job, and each is idempotent. */
export function analyticsJobs(domain: AnalyticsDomain, settings: AnalyticsSettings): ScheduledJob[] {
  return [
    agentPeriodCloseJob(domain.agentPeriodClosing, settings.jobIntervalMs),
    monthlyReportJob(domain.monthlyReporting, settings.jobIntervalMs),
    factChangePruneJob(domain.dataSource),
    ...(settings.demoHistoryDays > 0 ? [demoHistoryJob(domain.demoHistory)] : []),
  ];
}
