import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { complaintRegistered, complaintResolved, inquiryFirstResponded, inquiryReceived, monthlyReportPublished, procedureFeedbackGiven } from '@carebridge/event-contracts';
import { PDFDocument } from 'pdf-lib';
import { people, useAnalytics } from '../analytics.fixture';
import { recommendationsFor } from './recommendations';

const ENV = { ANALYTICS_TIME_ZONE: 'Asia/Shanghai' };
const DAY_MS = 86_400_000;
/** 10:00 in Shanghai on a local date. */
const at = (date: string) => `${date}T02:00:00.000Z`;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The text of each page, as a reader would copy it (pdf.js through unpdf, in a worker: it is an ES module Jest cannot import). */
function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const unpdf = pathToFileURL(require.resolve('unpdf').replace(/index\.cjs$/, 'index.mjs')).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.unpdf)
       .then(async ({ extractText, getDocumentProxy }) => parentPort.postMessage({ pages: (await extractText(await getDocumentProxy(workerData.bytes), { mergePages: false })).text }))
       .catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));`,
    { eval: true, workerData: { unpdf, bytes: new Uint8Array(bytes) } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { pages?: string[]; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve((message.pages ?? []).map((page) => page.replace(/\s+/g, ' ')));
    });
    worker.once('error', reject);
  });
}

describe('the monthly management report (real Postgres)', () => {
  const world = useAnalytics(ENV);
  let customerId: string;

  const complaint = async (date: string, category: string, resolvedWith?: string) => {
    const complaintId = randomUUID();
    await world.deliver(complaintRegistered, { complaintId, registrationNumber: `C-${complaintId.slice(0, 6)}`, customerId, channel: 'EMAIL', category, urgency: 'MEDIUM', registeredBy: 'agent-1', registeredAt: at(date) });
    if (resolvedWith) await world.deliver(complaintResolved, { complaintId, registrationNumber: 'C-1', customerId, resolvedBy: 'handler-1', resolvedAt: at(date), rootCause: resolvedWith, compensation: [] });
  };

  beforeAll(async () => {
    customerId = await world.learnCustomer();
    // The baseline, 2 August to 31 October: 2 complaints, then 1 and 3 on alternate days (mean 2, σ 0.994).
    for (let i = 0; i < 91; i++) {
      const date = plusDays('2026-08-02', i);
      for (let n = 0; n < (i === 0 ? 2 : i % 2 ? 3 : 1); n++) await complaint(date, n ? 'DELAY' : 'BAGGAGE', date >= '2026-10-01' ? 'WEATHER' : undefined);
    }
    // November: 2 a day (the mean); 8 on the 10th (beyond 3σ); 3 a day from the 21st to the 28th (a run of 8 above); the extra ones baggage.
    for (let day = 1; day <= 30; day++) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      const count = day === 10 ? 8 : day >= 21 && day <= 28 ? 3 : 2;
      for (let n = 0; n < count; n++) await complaint(date, n === 1 ? 'DELAY' : 'BAGGAGE', n === 0 ? 'BAGGAGE_HANDLING' : undefined);
    }
  }, 120_000);

  const published = async () =>
    (await world.db.dataSource.query(`SELECT payload FROM outbox_event WHERE event_type = $1 ORDER BY sequence`, [monthlyReportPublished.type])).map((row: { payload: string }) => JSON.parse(row.payload));

  it('holds the month beside the month before and last year, the SLA table, the trends, and explains its findings', async () => {
    const report = await world.monthlyReporting.generate('2026-11', 'supervisor-sue', new Date('2026-12-01T01:00:00.000Z'));
    const november = (await world.figureQueries.table({ kind: 'MONTH', date: '2026-11-15' })).figures;
    const october = (await world.figureQueries.table({ kind: 'MONTH', date: '2026-10-15' })).figures;
    const c = report.content;
    expect(report).toMatchObject({ month: '2026-11', version: 1, generatedBy: 'supervisor-sue' });
    expect(c.period).toEqual({ from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    expect(c.headline.find((r) => r.metric === 'complaintVolume')).toEqual({ metric: 'complaintVolume', value: november.complaintVolume, previous: october.complaintVolume, sameLastYear: 0 });
    expect(november.complaintVolume).toBe(74);
    expect(c.sla.map((r) => r.target)).toEqual(['THREE_RINGS', 'FIVE_MINUTES', 'COMPLAINT_FEEDBACK_24H', 'DOT_ACKNOWLEDGMENT_30D', 'DOT_RESPONSE_60D']);
    expect(c.complaintsByRootCause).toEqual([
      { key: 'BAGGAGE_HANDLING', value: 30, previous: 0, sameLastYear: 0 },
      { key: 'WEATHER', value: 0, previous: october.rootCauses[0].complaints, sameLastYear: 0 },
    ]);
    expect(c.daily).toHaveLength(30);
    expect(c.controlLimits.complaintVolume).toEqual({ mean: 2, sigma: 0.994, days: 91 });

    const findings = c.findings.map((f) => [f.id, f.kind, f.subject, f.direction, f.dates.length ? `${f.dates[0]}..${f.dates[f.dates.length - 1]}` : f.evidence.key]);
    expect(findings).toEqual([
      ['F1', 'BEYOND_3_SIGMA', 'complaintVolume', 'UP', '2026-11-10..2026-11-10'],
      ['F2', 'RUN_OF_8', 'complaintVolume', 'UP', '2026-11-21..2026-11-28'],
      ['F3', 'TREND_SHIFT', 'complaintVolume', 'UP', 'TUESDAY'],
      ['F4', 'LARGEST_CONTRIBUTOR', 'complaintVolume', 'UP', 'BAGGAGE'],
    ]);
    const [spike, run, trend, contributor] = recommendationsFor(c.findings, 'en');
    expect(spike).toEqual({ findingId: 'F1', text: expect.stringMatching(/^Complaints on 2026-11-10 reached 8, beyond 3σ above the usual 2 a day .*handle its complaints as one incident\.$/) });
    expect(run.text).toContain('stayed above the usual 2 for 8 days in a row (2026-11-21 to 2026-11-28)');
    expect(trend.text).toMatch(/^The trend of Complaints \(7-day moving average, weekday pattern removed\) rose from 2(\.\d)? to \d(\.\d)? a day \(\+\d+%\); Tuesdays run [\d.]+ above the week's average; look for a lasting cause/);
    expect(contributor.text).toMatch(/^BAGGAGE complaints rose from \d+ to \d+ \(\+\d+%\), \d+(\.\d)?% of the month's change in complaints: review the BAGGAGE process/);
    const chinese = recommendationsFor(c.findings, 'zh-CN');
    expect(chinese.map((r) => r.findingId)).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(chinese[0].text).toMatch(/^投诉量在 2026-11-10 达到 8，高于日常均值 2 超过 3σ/);
    expect(chinese[2].text).toMatch(/^投诉量的趋势（7 天移动平均，已剔除星期效应）由每天 .* 上升至 .*；周二比一周平均高/);
    expect(chinese[3].text).toContain('BAGGAGE 类投诉由');

    expect(await published()).toEqual([{ reportId: report.id, month: '2026-11', period: { start: c.period.start, end: c.period.end }, version: 1, generatedAt: '2026-12-01T01:00:00.000Z' }]);
  });

  it('keeps every generation as a version, and the scheduled run reports only a month without one', async () => {
    const second = await world.monthlyReporting.generate('2026-11', 'supervisor-sue', new Date('2026-12-02T01:00:00.000Z'));
    expect(second.version).toBe(2);
    expect((await world.monthlyReporting.ofMonth('2026-11'))?.id).toBe(second.id);
    expect((await world.monthlyReporting.ofMonth('2026-11', 1))?.version).toBe(1);
    // The night of 1 December (Shanghai): November is reported already.
    expect(await world.monthlyReporting.generateEndedMonth(new Date('2026-11-30T16:30:00.000Z'))).toBeNull();
    // The night of 1 November: October has no report yet.
    const october = await world.monthlyReporting.generateEndedMonth(new Date('2026-10-31T16:30:00.000Z'));
    expect(october).toMatchObject({ month: '2026-10', version: 1, generatedBy: 'schedule' });
    expect(await world.monthlyReporting.generateEndedMonth(new Date('2026-10-31T17:30:00.000Z'))).toBeNull();
    expect((await world.monthlyReporting.latest(12)).map((r) => [r.month, r.version])).toEqual([['2026-11', 2], ['2026-10', 1]]);
    expect((await published()).map((e: { month: string; version: number }) => [e.month, e.version])).toEqual([['2026-11', 1], ['2026-11', 2], ['2026-10', 1]]);
  });

  it('prints the report as a PDF with charts in English and in Chinese, and every table as CSV, through signed links', async () => {
    const report = (await world.monthlyReporting.ofMonth('2026-11')) as NonNullable<Awaited<ReturnType<typeof world.monthlyReporting.ofMonth>>>;
    const now = new Date('2026-12-02T02:00:00.000Z');
    const download = async (file: 'report-en.pdf' | 'report-zh-CN.pdf' | 'report.csv') => {
      const link = world.reportDownloads.link(report, file, now);
      const [, id, name, token] = /^\/reports\/([^/]+)\/([^?]+)\?token=(.+)$/.exec(link.path) as RegExpExecArray;
      return world.reportDownloads.download(id, name, decodeURIComponent(token), now);
    };

    const english = await download('report-en.pdf');
    expect(english).toMatchObject({ contentType: 'application/pdf', fileName: 'carebridge-report-2026-11-v2-en.pdf' });
    const pdf = await PDFDocument.load(english.body);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('Monthly management report 2026-11');
    const pages = await pdfPages(english.body);
    expect(pages[0]).toContain('Headline figures');
    expect(pages[0]).toContain('Complaints registered 74');
    expect(pages.join(' ')).toContain('Complaints per day');
    expect(pages.join(' ')).toContain('Root-cause Pareto');
    expect(pages[pages.length - 1]).toContain('F1 · BEYOND_3_SIGMA');

    const chinese = await download('report-zh-CN.pdf');
    const zhPages = await pdfPages(chinese.body);
    expect(zhPages[0]).toContain('月度管理报告');
    expect(zhPages.join(' ')).toContain('每日投诉量');
    expect(zhPages.join(' ').replace(/ /g, '')).toContain('投诉量在2026-11-10达到8');

    const csv = await download('report.csv');
    const rows: Record<string, string>[] = parse(Buffer.from(csv.body).toString('utf8'), { columns: true, bom: true });
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set(['headline', 'sla', 'complaintsByCategory', 'complaintsByRootCause', 'satisfaction', 'daily', 'findings']));
    expect(rows.find((r) => r.table === 'headline' && r.item === 'complaintVolume')).toMatchObject({ value: '74' });
    expect(rows.filter((r) => r.table === 'findings').map((r) => r.item)).toEqual(['F1', 'F2', 'F3', 'F4']);

    const refused = (promise: Promise<unknown>) => promise.then(() => null, (error) => ({ code: error.extensions?.code, field: error.extensions?.field }));
    expect(await refused(world.reportDownloads.download(report.id, 'report.csv', 'v1.forged', now))).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    const other = (await world.monthlyReporting.ofMonth('2026-10')) as typeof report;
    const otherToken = decodeURIComponent(world.reportDownloads.link(other, 'report.csv', now).path.split('token=')[1]);
    expect(await refused(world.reportDownloads.download(report.id, 'report.csv', otherToken, now))).toEqual({ code: 'BAD_USER_INPUT', field: 'reportId' });
    expect(await refused(world.reportDownloads.download(report.id, 'report.csv', otherToken, new Date(now.getTime() + 3_600_000)))).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(await refused(world.reportDownloads.download(report.id, 'report.xlsx', otherToken, now))).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('serves the report in GraphQL to readers, lets managers generate one, and refuses bad input by field', async () => {
    const read = await world.run(people.analyst, `query { monthlyReport(month: "2026-11") { month version headline { name value previous } findings { id kind dates mean sigma key } recommendations(locale: "zh-CN") { findingId text } downloads { file path expiresAt } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data?.monthlyReport).toMatchObject({ month: '2026-11', version: 2, findings: [{ id: 'F1', kind: 'BEYOND_3_SIGMA', dates: ['2026-11-10'], mean: 2, sigma: 0.994, key: null }, { id: 'F2' }, { id: 'F3', kind: 'TREND_SHIFT', key: 'TUESDAY' }, { id: 'F4', key: 'BAGGAGE' }] });
    expect(read.data?.monthlyReport.recommendations[0].text).toMatch(/^投诉量/);
    expect(read.data?.monthlyReport.downloads.map((d: { file: string }) => d.file)).toEqual(['report-en.pdf', 'report-zh-CN.pdf', 'report.csv']);

    const generate = `mutation($month: String!) { generateMonthlyReport(month: $month) { month version generatedBy } }`;
    expect((await world.run(people.analyst, generate, { month: '2026-11' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(people.agent, `query { monthlyReports { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await world.run(people.supervisor, generate, { month: '2026-13' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    const made = await world.run(people.supervisor, generate, { month: '2026-09' });
    expect(made.data?.generateMonthlyReport).toEqual({ month: '2026-09', version: 1, generatedBy: 'supervisor-sue' });
    expect((await world.run(people.supervisor, `query { monthlyReport(month: "2025-01") { id } }`)).data?.monthlyReport).toBeNull();
  });

  it("finds the hours a channel's breaches gather in and the procedures agents rate low, and prints both", async () => {
    // December: 12 chat inquiries answered late between 18:00 and 22:00 in Shanghai, 12 answered in time in the morning.
    const chat = async (utc: string, seconds: number) => {
      const inquiryId = randomUUID();
      await world.deliver(inquiryReceived, { inquiryId, customerId: null, channel: 'CHAT', category: 'GENERAL', receivedAt: utc, firstResponseDueAt: utc, subject: 'Seat', message: null });
      const respondedAt = new Date(Date.parse(utc) + seconds * 1000).toISOString();
      await world.deliver(inquiryFirstResponded, { inquiryId, customerId: null, channel: 'CHAT', respondedBy: 'agent-1', respondedAt, firstResponseSeconds: seconds, withinTarget: seconds <= 300 });
    };
    for (let day = 1; day <= 3; day++) {
      for (const hour of [10, 11, 12, 13]) await chat(`2026-12-0${day}T${hour}:30:00.000Z`, 900);
      for (const hour of [1, 2, 3, 4]) await chat(`2026-12-0${day}T0${hour}:30:00.000Z`, 60);
    }
    const article = randomUUID();
    for (const rating of [1, 2, 2, 1, 3, 2]) {
      await world.deliver(procedureFeedbackGiven, { feedbackId: randomUUID(), articleId: article, rating, commented: rating === 1, givenAt: '2026-12-04T03:00:00.000Z' });
    }
    await world.deliver(procedureFeedbackGiven, { feedbackId: randomUUID(), articleId: randomUUID(), rating: 5, commented: false, givenAt: '2026-12-04T03:00:00.000Z' });

    const report = await world.monthlyReporting.generate('2026-12', 'supervisor-sue', new Date('2026-12-05T01:00:00.000Z'));
    const c = report.content;
    expect(c.procedureFeedback?.[0]).toEqual({ articleId: article, ratings: 6, averageRating: 1.833333, lowRatings: 5, commented: 2 });
    const hours = c.findings.find((f) => f.kind === 'BREACH_HOURS');
    expect(hours).toMatchObject({ subject: 'slaBreaches', evidence: { key: 'CHAT', value: 1, previous: 0.5, observed: [12, 12, 18, 22] } });
    const procedure = c.findings.find((f) => f.kind === 'PROCEDURE_RATED_LOW');
    expect(procedure).toMatchObject({ evidence: { key: article, value: 1.833333, observed: [6, 5, 2] } });
    const en = new Map(recommendationsFor(c.findings, 'en').map((r) => [r.findingId, r.text]));
    expect(en.get(hours?.id ?? '')).toBe('100% of the CHAT SLA breaches (12 of 12) fell between 18:00 and 22:00, when 50% of its cases arrive: add CHAT staff in those hours.');
    expect(en.get(procedure?.id ?? '')).toMatch(new RegExp(`^Agents rated procedure ${article} 1.8 of 5 on average \\(6 ratings, 5 of them 1 or 2, 2 with a comment\\)`));
    expect(recommendationsFor(c.findings, 'zh-CN').find((r) => r.findingId === hours?.id)?.text).toMatch(/^CHAT 渠道 100% 的 SLA 违约/);
    expect(c.headline.map((r) => r.metric)).toEqual(expect.arrayContaining(['qaAverageScore', 'trainingCompletions', 'trainingOverdue']));

    const now = new Date('2026-12-05T02:00:00.000Z');
    const download = async (file: 'report-en.pdf' | 'report.csv') => {
      const [, id, name, token] = /^\/reports\/([^/]+)\/([^?]+)\?token=(.+)$/.exec(world.reportDownloads.link(report, file, now).path) as RegExpExecArray;
      return (await world.reportDownloads.download(id, name, decodeURIComponent(token), now)).body;
    };
    const pages = (await pdfPages(await download('report-en.pdf'))).join(' ');
    expect(pages).toContain('Procedure feedback from agents (A-6)');
    expect(pages).toContain('fell between 18:00 and 22:00');
    const csv: { table: string; item: string; measure: string; value: string }[] = parse(Buffer.from(await download('report.csv')).toString('utf8'), { columns: true, bom: true });
    expect(csv.find((r) => r.table === 'procedureFeedback' && r.item === article && r.measure === 'averageRating')?.value).toBe('1.833333');
  });
});
