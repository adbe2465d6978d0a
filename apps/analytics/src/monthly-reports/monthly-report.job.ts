import type { ScheduledJob } from '@carebridge/service-kit';
import type { MonthlyReporting } from './monthly-reporting';

/** On the first run of a month (its first day, in the company's zone), the report of the month before. */
export function monthlyReportJob(reporting: MonthlyReporting, everyMs: number): ScheduledJob {
  return { name: 'monthly-report', everyMs, run: (now) => reporting.generateEndedMonth(now).then((report) => (report ? { month: report.month, version: report.version } : null)) };
}
