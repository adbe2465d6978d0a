import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { CHARTED_SERIES, type ChartedSeries, type Compared, HEADLINE_METRICS, type HeadlineMetric } from './monthly-report-content';
import type { MonthlyReport } from './monthly-reporting';
import { recommendationsFor, type ReportLocale } from './recommendations';
import { embedReportFonts, type ReportFonts } from './report-fonts';
import { formatted, HEADLINE_KINDS, REPORT_LABELS, SATISFACTION_KINDS } from './report-labels';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.12, 0.12, 0.14);
const GREY = rgb(0.55, 0.55, 0.58);
const RULE = rgb(0.85, 0.85, 0.87);
const BAR = rgb(0.27, 0.47, 0.71);
const ALERT = rgb(0.8, 0.18, 0.16);
/** The series charted per day, in this order. */
const CHARTS: ChartedSeries[] = ['complaintVolume', 'inquiryVolume', 'slaBreaches'];

/**
 * The report as a PDF (pdf-lib): the tables, a control chart per daily series and the root-cause
 * Pareto drawn as vector graphics, and the findings with their recommendations, in English or
 * Chinese, dated by the version it prints.
 */
export async function monthlyReportPdf(report: MonthlyReport, locale: ReportLocale): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const l = REPORT_LABELS[locale];
  const c = report.content;
  doc.setTitle(`${l.title} ${c.month}`);
  doc.setAuthor('Carebridge analytics');
  doc.setSubject(`${l.title} ${c.month} v${report.version}`);
  doc.setLanguage(locale);
  doc.setCreationDate(report.generatedAt);
  doc.setModificationDate(report.generatedAt);
  doc.setProducer('Carebridge analytics (pdf-lib)');
  doc.setCreator('Carebridge analytics');
  const w = new Writer(doc, await embedReportFonts(doc, locale === 'zh-CN'));

  w.text(`${l.title} ${c.month}`, 20, true);
  w.text(l.subtitle(c.month, report.version, report.generatedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC', report.generatedBy, c.timeZone), 9, false, GREY);
  w.gap(10);

  const compared = (row: Compared, kind: 'count' | 'rate' | 'seconds' | 'score') => [formatted(row.value, kind, locale), formatted(row.previous, kind, locale), formatted(row.sameLastYear, kind, locale)];
  w.heading(l.sections.headline);
  w.table(
    [l.columns.metric, l.columns.month, l.columns.previous, l.columns.lastYear],
    c.headline.filter((row) => row.metric in HEADLINE_METRICS).map((row) => [l.headline[row.metric as HeadlineMetric], ...compared(row, HEADLINE_KINDS[row.metric])]),
    [0.43, 0.19, 0.19, 0.19],
  );
  w.heading(l.sections.sla);
  w.table(
    [l.columns.target, l.columns.achieved, l.columns.breached, l.columns.rate, l.columns.previous, l.columns.lastYear],
    c.sla.map((row) => [l.sla[row.target], String(row.achieved), String(row.breached), ...[row.rate, row.previousRate, row.sameLastYearRate].map((r) => formatted(r, 'rate', locale))]),
    [0.34, 0.1, 0.1, 0.1, 0.18, 0.18],
  );
  w.heading(l.sections.categories);
  w.table([l.columns.category, l.columns.month, l.columns.previous, l.columns.lastYear], c.complaintsByCategory.map((row) => [row.key ?? l.none, ...compared(row, 'count')]), [0.43, 0.19, 0.19, 0.19]);
  w.heading(l.sections.rootCauses);
  w.table([l.columns.rootCause, l.columns.month, l.columns.previous, l.columns.lastYear], c.complaintsByRootCause.map((row) => [row.key ?? l.none, ...compared(row, 'count')]), [0.43, 0.19, 0.19, 0.19]);
  w.heading(l.sections.satisfaction);
  w.table([l.columns.measure, l.columns.month, l.columns.previous, l.columns.lastYear], c.satisfaction.map((row) => [l.satisfaction[row.measure], ...compared(row, SATISFACTION_KINDS[row.measure])]), [0.43, 0.19, 0.19, 0.19]);
  w.heading(l.sections.procedures);
  const procedures = c.procedureFeedback ?? [];
  if (!procedures.length) w.text(l.noProcedureFeedback, 10);
  else {
    w.table(
      [l.columns.article, l.columns.ratings, l.columns.averageRating, l.columns.lowRatings, l.columns.commented],
      procedures.map((p) => [p.articleId, String(p.ratings), formatted(p.averageRating, 'score', locale), String(p.lowRatings), String(p.commented)]),
      [0.48, 0.13, 0.13, 0.13, 0.13],
    );
  }

  w.newPage();
  w.heading(l.sections.charts);
  w.text(l.chartNote, 8, false, GREY);
  w.gap(4);
  for (const series of CHARTS) {
    const flagged = new Set(c.findings.filter((f) => f.subject === series && f.dates.length).flatMap((f) => f.dates));
    w.controlChart(
      l.chart(l.series[series]),
      c.daily.map((d) => ({ label: d.date.slice(8), value: (d[series as keyof typeof d] as number | null) ?? 0, flagged: flagged.has(d.date) })),
      c.controlLimits[series],
    );
  }
  const pareto = c.complaintsByRootCause.filter((row) => (row.value ?? 0) > 0);
  w.pareto(
    l.pareto,
    pareto.map((row) => ({ label: row.key ?? l.none, value: row.value ?? 0 })),
  );

  w.newPage();
  w.heading(l.sections.findings);
  const recommendations = new Map(recommendationsFor(c.findings, locale).map((r) => [r.findingId, r.text]));
  if (!c.findings.length) w.text(l.noFindings, 10);
  for (const finding of c.findings) {
    w.paragraph(`${finding.id} · ${finding.kind}${finding.subject in CHARTED_SERIES ? ` · ${l.series[finding.subject as ChartedSeries]}` : ''}`, 10, true);
    w.paragraph(recommendations.get(finding.id) ?? '', 9.5, false);
    w.gap(6);
  }
  w.footers(`${l.title} ${c.month} v${report.version}`);
  return doc.save();
}

/** A flowing layout on A4 pages: lines, headings, tables and charts, a new page when one is full. */
class Writer {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: ReportFonts,
  ) {
    this.page = this.newPage();
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    return this.page;
  }

  private room(height: number): void {
    if (this.y - height < MARGIN + 16) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  private font(bold: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  text(line: string, size: number, bold = false, color = INK, x = MARGIN): void {
    this.room(size * 1.4);
    this.y -= size * 1.4;
    this.page.drawText(line, { x, y: this.y, size, font: this.font(bold), color });
  }

  /** Wrapped at the page width: on spaces, and between any two characters of Chinese text. */
  paragraph(text: string, size: number, bold: boolean): void {
    const font = this.font(bold);
    const lines: string[] = [];
    let line = '';
    for (const piece of text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? []) {
      if (line && font.widthOfTextAtSize(line + piece.trimEnd(), size) > WIDTH) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
    if (line.trim()) lines.push(line.trimEnd());
    for (const l of lines) this.text(l, size, bold);
  }

  heading(title: string): void {
    this.room(60);
    this.gap(8);
    this.text(title, 13, true);
    this.gap(2);
  }

  table(headers: string[], rows: string[][], widths: number[]): void {
    const size = 8.5;
    const height = 14;
    const draw = (cells: string[], bold: boolean) => {
      this.room(height);
      this.y -= height;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const width = widths[i] * WIDTH;
        const font = this.font(bold);
        const fitted = fit(cell, font, size, width - 6);
        // Numbers right-aligned, the first column left.
        const at = i === 0 ? x + 2 : x + width - 4 - font.widthOfTextAtSize(fitted, size);
        this.page.drawText(fitted, { x: at, y: this.y + 4, size, font, color: INK });
        x += width;
      });
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + WIDTH, y: this.y }, thickness: bold ? 0.8 : 0.3, color: bold ? GREY : RULE });
    };
    draw(headers, true);
    for (const row of rows) draw(row, false);
    this.gap(6);
  }

  /** Bars per day with the baseline's mean, ±2σ (dashed) and +3σ (red); flagged days in red. */
  controlChart(title: string, points: { label: string; value: number; flagged: boolean }[], limits: { mean: number; sigma: number } | null): void {
    const height = 150;
    this.room(height + 40);
    this.text(title, 10, true);
    const top = this.y - 6;
    const bottom = top - height;
    const left = MARGIN + 28;
    const width = WIDTH - 28;
    const max = Math.max(1, ...points.map((p) => p.value), limits ? limits.mean + 3 * limits.sigma : 0);
    const yOf = (v: number) => bottom + (v / max) * height;
    this.axes(left, bottom, width, height, max);
    const step = width / Math.max(1, points.length);
    points.forEach((p, i) => {
      const barHeight = yOf(p.value) - bottom;
      if (barHeight > 0) this.page.drawRectangle({ x: left + i * step + step * 0.15, y: bottom, width: step * 0.7, height: barHeight, color: p.flagged ? ALERT : BAR });
      if (i % 5 === 0 || i === points.length - 1) this.page.drawText(p.label, { x: left + i * step, y: bottom - 10, size: 6.5, font: this.fonts.regular, color: GREY });
    });
    if (limits) {
      const line = (v: number, color = INK, dashArray?: number[]) => {
        if (v < 0 || v > max) return;
        this.page.drawLine({ start: { x: left, y: yOf(v) }, end: { x: left + width, y: yOf(v) }, thickness: 0.8, color, dashArray });
      };
      line(limits.mean);
      line(limits.mean + 2 * limits.sigma, GREY, [3, 2]);
      line(limits.mean - 2 * limits.sigma, GREY, [3, 2]);
      line(limits.mean + 3 * limits.sigma, ALERT);
    }
    this.y = bottom - 20;
  }

  /** Horizontal bars, largest first, with each one's share and the cumulative share. */
  pareto(title: string, rows: { label: string; value: number }[]): void {
    const barHeight = 12;
    this.room(30 + Math.max(1, rows.length) * (barHeight + 4));
    this.text(title, 10, true);
    this.gap(4);
    const total = rows.reduce((sum, r) => sum + r.value, 0);
    const max = Math.max(1, ...rows.map((r) => r.value));
    const labelWidth = 130;
    const barWidth = WIDTH - labelWidth - 90;
    let cumulative = 0;
    for (const row of rows) {
      cumulative += row.value;
      this.y -= barHeight + 4;
      this.page.drawText(fit(row.label, this.fonts.regular, 8, labelWidth - 6), { x: MARGIN, y: this.y + 3, size: 8, font: this.fonts.regular, color: INK });
      this.page.drawRectangle({ x: MARGIN + labelWidth, y: this.y, width: (row.value / max) * barWidth, height: barHeight, color: BAR });
      this.page.drawText(`${row.value} · ${Math.round((row.value * 1000) / total) / 10}% · Σ ${Math.round((cumulative * 1000) / total) / 10}%`, {
        x: MARGIN + labelWidth + barWidth + 6,
        y: this.y + 3,
        size: 7.5,
        font: this.fonts.regular,
        color: GREY,
      });
    }
    this.gap(10);
  }

  private axes(left: number, bottom: number, width: number, height: number, max: number): void {
    this.page.drawLine({ start: { x: left, y: bottom }, end: { x: left + width, y: bottom }, thickness: 0.6, color: GREY });
    this.page.drawLine({ start: { x: left, y: bottom }, end: { x: left, y: bottom + height }, thickness: 0.6, color: GREY });
    for (const v of [0, max / 2, max]) {
      const label = String(Math.round(v * 10) / 10);
      this.page.drawText(label, { x: left - 4 - this.fonts.regular.widthOfTextAtSize(label, 6.5), y: bottom + (v / max) * height - 2, size: 6.5, font: this.fonts.regular, color: GREY });
    }
  }

  footers(title: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => page.drawText(`${title} · ${i + 1}/${pages.length}`, { x: MARGIN, y: MARGIN / 2, size: 7, font: this.fonts.regular, color: GREY }));
  }
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
