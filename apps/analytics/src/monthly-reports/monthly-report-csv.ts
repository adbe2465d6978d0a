import { stringify } from 'csv-stringify/sync';
import type { MonthlyReport } from './monthly-reporting';
import { recommendationsFor } from './recommendations';

/** The columns of the report's CSV: every table in one file, one row per line of a table. */
export const REPORT_CSV_COLUMNS = ['table', 'item', 'measure', 'value', 'previous', 'sameLastYear', 'note'] as const;

/**
 * Every table of a report version as CSV (csv-stringify), in the report's order: headline, sla,
 * complaintsByCategory, complaintsByRootCause, satisfaction, procedureFeedback, daily, findings (with the English and
 * Chinese recommendation). Values are raw: rates as fractions, times in seconds. A report is a few
 * hundred rows, so it is written at once.
 */
export function monthlyReportCsv(report: MonthlyReport): string {
  const c = report.content;
  const rows: (string | number | null)[][] = [];
  for (const r of c.headline) rows.push(['headline', r.metric, r.metric, r.value, r.previous, r.sameLastYear, null]);
  for (const r of c.sla) {
    rows.push(['sla', r.target, 'achieved', r.achieved, null, null, null]);
    rows.push(['sla', r.target, 'breached', r.breached, null, null, null]);
    rows.push(['sla', r.target, 'rate', r.rate, r.previousRate, r.sameLastYearRate, null]);
  }
  for (const r of c.complaintsByCategory) rows.push(['complaintsByCategory', r.key, 'complaints', r.value, r.previous, r.sameLastYear, null]);
  for (const r of c.complaintsByRootCause) rows.push(['complaintsByRootCause', r.key, 'complaints', r.value, r.previous, r.sameLastYear, null]);
  for (const r of c.satisfaction) rows.push(['satisfaction', r.measure, r.measure, r.value, r.previous, r.sameLastYear, null]);
  for (const p of c.procedureFeedback ?? []) {
    for (const measure of ['ratings', 'averageRating', 'lowRatings', 'commented'] as const) rows.push(['procedureFeedback', p.articleId, measure, p[measure], null, null, null]);
  }
  for (const d of c.daily) {
    for (const measure of ['inquiryVolume', 'complaintVolume', 'slaBreaches', 'firstResponseP90Seconds'] as const) rows.push(['daily', d.date, measure, d[measure], null, null, null]);
  }
  const en = new Map(recommendationsFor(c.findings, 'en').map((r) => [r.findingId, r.text]));
  const zh = new Map(recommendationsFor(c.findings, 'zh-CN').map((r) => [r.findingId, r.text]));
  for (const f of c.findings) {
    rows.push(['findings', f.id, `${f.kind} ${f.subject} ${f.direction}`, f.evidence.value ?? f.evidence.observed?.[0] ?? null, f.evidence.previous ?? null, null, `${en.get(f.id)} | ${zh.get(f.id)}`]);
  }
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS], bom: true });
}
