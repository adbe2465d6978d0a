import { type RequestContext, caller } from '@carebridge/service-kit';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS } from '../figures/figures.resolver';
import type { ReportPeriod } from './monthly-report-content';
import { MonthlyReportType, ReportDownloadLinkType, ReportRecommendation } from './monthly-report.types';
import type { MonthlyReport, MonthlyReporting } from './monthly-reporting';
import { recommendationsFor, reportLocale } from './recommendations';
import { REPORT_FILES, type ReportDownloads } from './report-downloads';

/** The managers who generate a report on demand (the supervisor is the department's manager; admin passes too). */
export const REPORT_GENERATORS = ['supervisor'] as const;
const MAX_LIST = 60;

@Resolver(() => MonthlyReportType)
export class MonthlyReportResolver {
  constructor(
    private readonly reporting: MonthlyReporting,
    private readonly reportDownloads: ReportDownloads,
    private readonly clock: Clock,
  ) {}

  @Authorized(...FIGURE_READERS)
  @Query(() => MonthlyReportType, { nullable: true, description: "A month's management report: the version asked for, else the latest; null when the month has none." })
  async monthlyReport(
    @Arg('month', { description: 'YYYY-MM.' }) month: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version to read (1 or more); null for the latest.' }) version?: number,
  ) {
    if (version !== undefined && version !== null && (!Number.isInteger(version) || version < 1)) throw BadUserInputError.field('version', 'positive', 'must be 1 or more');
    const report = await this.reporting.ofMonth(month, version ?? undefined);
    return report && graph(report);
  }

  @Authorized(...FIGURE_READERS)
  @Query(() => [MonthlyReportType], { description: 'The latest version of each reported month, newest month first.' })
  async monthlyReports(@Arg('first', () => Int, { nullable: true, description: `1 to ${MAX_LIST} (default 12).` }) first?: number) {
    const limit = first ?? 12;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) throw BadUserInputError.field('first', 'range', `must be 1 to ${MAX_LIST}`);
    return (await this.reporting.latest(limit)).map(graph);
  }

  @Authorized(...REPORT_GENERATORS)
  @Mutation(() => MonthlyReportType, { description: "Generates a month's report now, as its next version, and announces it (analytics.monthly_report_published)." })
  async generateMonthlyReport(@Arg('month', { description: 'YYYY-MM.' }) month: string, @Ctx() context: RequestContext) {
    const report = await this.reporting.generate(month, caller(context).userId, this.clock.now());
    context.logger.info({ reportId: report.id, month, version: report.version, findings: report.content.findings.length }, 'monthly report generated');
    return graph(report);
  }

  @FieldResolver(() => [ReportRecommendation], { description: 'One recommendation per finding, in the reader’s locale (zh-CN or en, the default).' })
  recommendations(@Root() report: MonthlyReportType & { stored: MonthlyReport }, @Arg('locale', () => String, { nullable: true, description: 'zh-CN (or any zh locale) for Chinese; anything else or null for English.' }) locale?: string) {
    return recommendationsFor(report.stored.content.findings, reportLocale(locale));
  }

  @FieldResolver(() => [ReportDownloadLinkType], { description: 'Signed links to the PDF (English and Chinese) and the CSV of this version.' })
  downloads(@Root() report: MonthlyReportType & { stored: MonthlyReport }) {
    const now = this.clock.now();
    return REPORT_FILES.map((file) => this.reportDownloads.link(report.stored, file, now));
  }
}

function period(p: ReportPeriod) {
  return { kind: 'MONTH' as const, from: p.from, to: p.to, start: new Date(p.start), end: new Date(p.end) };
}

function graph(report: MonthlyReport) {
  const c = report.content;
  return {
    stored: report,
    id: report.id,
    month: report.month,
    version: report.version,
    generatedAt: report.generatedAt,
    generatedBy: report.generatedBy,
    timeZone: c.timeZone,
    period: period(c.period),
    previousPeriod: period(c.previousPeriod),
    sameLastYearPeriod: period(c.sameLastYearPeriod),
    headline: c.headline.map((r) => ({ name: r.metric, value: r.value, previous: r.previous, sameLastYear: r.sameLastYear })),
    sla: c.sla,
    complaintsByCategory: c.complaintsByCategory.map((r) => ({ name: r.key ?? '', value: r.value, previous: r.previous, sameLastYear: r.sameLastYear })),
    complaintsByRootCause: c.complaintsByRootCause.map((r) => ({ name: r.key ?? '', value: r.value, previous: r.previous, sameLastYear: r.sameLastYear })),
    satisfaction: c.satisfaction.map((r) => ({ name: r.measure, value: r.value, previous: r.previous, sameLastYear: r.sameLastYear })),
    procedureFeedback: c.procedureFeedback ?? [],
    daily: c.daily,
    findings: c.findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      subject: f.subject,
      direction: f.direction,
      dates: f.dates,
      observed: f.evidence.observed ?? [],
      mean: f.evidence.limits?.mean ?? null,
      sigma: f.evidence.limits?.sigma ?? null,
      key: f.evidence.key ?? null,
      value: f.evidence.value ?? null,
      previous: f.evidence.previous ?? null,
      shareOfChange: f.evidence.shareOfChange ?? null,
    })),
  };
}
