import { SignedLinks } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { monthlyReportCsv } from './monthly-report-csv';
import { monthlyReportPdf } from './monthly-report-pdf';
import type { MonthlyReport, MonthlyReporting } from './monthly-reporting';
import type { ReportLocale } from './recommendations';

/** The files of a report version: its PDF in each locale and its CSV. */
export const REPORT_FILES = ['report-en.pdf', 'report-zh-CN.pdf', 'report.csv'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

export const REPORT_LINK_PURPOSE = 'analytics-report';

export interface ReportDownloadLink {
  file: ReportFile;
  /** Where to GET it at the gateway: `/reports/<report id>/<file>?token=<signed link>`. */
  path: string;
  expiresAt: Date;
}

/**
 * Download links for a report's files, and the files behind them. A link is signed for one report
 * version (SignedLinks, purpose `analytics-report`) and expires after ANALYTICS_REPORT_LINK_TTL_MINUTES;
 * the GraphQL field that hands it out checks the reader's role, the link then stands for it, so a
 * browser can follow it without a bearer token. The files are rendered from the stored version.
 */
export class ReportDownloads {
  private readonly links: SignedLinks;

  constructor(
    private readonly reporting: MonthlyReporting,
    secret: string,
    private readonly ttlMs: number,
  ) {
    this.links = new SignedLinks(REPORT_LINK_PURPOSE, secret);
  }

  link(report: MonthlyReport, file: ReportFile, now: Date): ReportDownloadLink {
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    return { file, path: `/reports/${report.id}/${file}?token=${encodeURIComponent(this.links.sign(report.id, expiresAt))}`, expiresAt };
  }

  async download(reportId: string, file: string, token: string, now: Date): Promise<{ report: MonthlyReport; contentType: string; fileName: string; body: Uint8Array }> {
    if (!(REPORT_FILES as readonly string[]).includes(file)) throw BadUserInputError.field('file', 'report-file', `must be one of ${REPORT_FILES.join(', ')}`);
    const check = this.links.check(token, now);
    if (!check.valid) {
      throw check.rule === 'expired'
        ? BadUserInputError.field('token', 'expired', `expired at ${check.expiresAt.toISOString()}; ask for a new download link`)
        : BadUserInputError.field('token', 'signature', 'is not a report download link issued by Carebridge (damaged or forged)');
    }
    if (check.subject !== reportId) throw BadUserInputError.field('reportId', 'link-report', 'is not the report this download link was made for');
    const report = await this.reporting.byId(reportId);
    const base = `carebridge-report-${report.content.month}-v${report.version}`;
    if (file === 'report.csv') return { report, contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv`, body: Buffer.from(monthlyReportCsv(report), 'utf8') };
    const locale: ReportLocale = file === 'report-zh-CN.pdf' ? 'zh-CN' : 'en';
    return { report, contentType: 'application/pdf', fileName: `${base}-${locale}.pdf`, body: await monthlyReportPdf(report, locale) };
  }
}
