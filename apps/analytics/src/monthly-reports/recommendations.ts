import type { Finding } from './monthly-report-content';

export const REPORT_LOCALES = ['en', 'zh-CN'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export interface Recommendation {
  /** The finding it follows from. */
  findingId: string;
  text: string;
}

type Words = {
  series: Record<string, string>;
  side: { UP: string; DOWN: string };
  rose: { UP: string; DOWN: string };
  none: string;
  rule: {
    BEYOND_3_SIGMA: (s: string, dates: string, values: string, side: string, mean: string, sigma: string, days: number) => string;
    TWO_OF_THREE_BEYOND_2_SIGMA: (s: string, dates: string, values: string, side: string, mean: string) => string;
    RUN_OF_8: (s: string, n: number, first: string, last: string, side: string, mean: string) => string;
  };
  action: Record<string, { UP: string; DOWN: string }>;
  trend: (series: string, rose: string, previous: string, value: string, pct: string, weekday: string, above: string) => string;
  weekdays: Record<string, string>;
  trendAction: Record<string, { UP: string; DOWN: string }>;
  contributor: (key: string, rose: string, previous: number, value: number, pct: string, share: string, up: boolean) => string;
  sla: (target: string, previous: string, value: string, breaches: number) => string;
  csat: (previous: string, value: string) => string;
  nps: (previous: string, value: string) => string;
  breachHours: (channel: string, share: string, breaches: number, total: number, from: string, to: string, caseShare: string) => string;
  procedure: (articleId: string, average: string, ratings: number, low: number, commented: number) => string;
};

const EN: Words = {
  series: { inquiryVolume: 'Inquiries', complaintVolume: 'Complaints', slaBreaches: 'SLA breaches', firstResponseP90Seconds: 'The 90th percentile of first response time (seconds)' },
  side: { UP: 'above', DOWN: 'below' },
  rose: { UP: 'rose', DOWN: 'fell' },
  none: 'without a category',
  rule: {
    BEYOND_3_SIGMA: (s, dates, values, side, mean, sigma, days) => `${s} on ${dates} reached ${values}, beyond 3σ ${side} the usual ${mean} a day (σ ${sigma}, from the ${days} days before the month)`,
    TWO_OF_THREE_BEYOND_2_SIGMA: (s, dates, values, side, mean) => `${s} were beyond 2σ ${side} the usual ${mean} on 2 of 3 days in a row (${dates}: ${values})`,
    RUN_OF_8: (s, n, first, last, side, mean) => `${s} stayed ${side} the usual ${mean} for ${n} days in a row (${first} to ${last}): a shift, not chance`,
  },
  action: {
    inquiryVolume: { UP: 'plan more agents for such days and check the roster against the forecast', DOWN: 'check that no channel stopped reaching the service, then lower the roster to match' },
    complaintVolume: { UP: 'find the cause behind these days and handle its complaints as one incident', DOWN: 'find out what improved and keep it' },
    slaBreaches: { UP: 'add staff in the hours of the breaches and review how the queue routes work', DOWN: 'find out what improved and keep it' },
    firstResponseP90Seconds: { UP: 'look at the slowest queues on these days and rebalance staffing', DOWN: 'find out what improved and keep it' },
  },
  trend: (series, rose, previous, value, pct, weekday, above) =>
    `The trend of ${series} (7-day moving average, weekday pattern removed) ${rose} from ${previous} to ${value} a day (${pct}%); ${weekday}s run ${above} above the week's average`,
  weekdays: { SUNDAY: 'Sunday', MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday' },
  trendAction: {
    inquiryVolume: { UP: 'plan the roster for the new level, heaviest on the busiest weekday', DOWN: 'check that no channel stopped reaching the service, then plan the roster for the new level' },
    complaintVolume: { UP: 'look for a lasting cause (a product, supplier or procedure change) rather than a single incident', DOWN: 'find out what improved and keep it' },
  },
  contributor: (key, rose, previous, value, pct, share, up) =>
    `${key} complaints ${rose} from ${previous} to ${value}${pct}, ${share} of the month's change in complaints: ${up ? `review the ${key} process with its owners and brief agents on the recurring issue` : `find out what improved in ${key} and share it with the other teams`}`,
  sla: (target, previous, value, breaches) => `${target} compliance fell from ${previous} to ${value} (${breaches} breaches): review staffing and routing for this target`,
  csat: (previous, value) => `Closing satisfaction fell from ${previous} to ${value} satisfied: read the month's dissatisfied closings (drill-down DISSATISFIED) and coach agents on the common causes`,
  nps: (previous, value) => `NPS fell from ${previous} to ${value}: follow up the detractors' trips with after-sales`,
  breachHours: (channel, share, breaches, total, from, to, caseShare) =>
    `${share} of the ${channel} SLA breaches (${breaches} of ${total}) fell between ${from} and ${to}, when ${caseShare} of its cases arrive: add ${channel} staff in those hours`,
  procedure: (articleId, average, ratings, low, commented) =>
    `Agents rated procedure ${articleId} ${average} of 5 on average (${ratings} ratings, ${low} of them 1 or 2, ${commented} with a comment): review it with its owner, starting from the agents' comments in training`,
};

const ZH: Words = {
  series: { inquiryVolume: '咨询量', complaintVolume: '投诉量', slaBreaches: 'SLA 违约数', firstResponseP90Seconds: '首次响应时间第90百分位（秒）' },
  side: { UP: '高于', DOWN: '低于' },
  rose: { UP: '上升', DOWN: '下降' },
  none: '未分类',
  rule: {
    BEYOND_3_SIGMA: (s, dates, values, side, mean, sigma, days) => `${s}在 ${dates} 达到 ${values}，${side}日常均值 ${mean} 超过 3σ（σ=${sigma}，取自本月前 ${days} 天）`,
    TWO_OF_THREE_BEYOND_2_SIGMA: (s, dates, values, side, mean) => `${s}在连续 3 天中有 2 天${side}日常均值 ${mean} 超过 2σ（${dates}：${values}）`,
    RUN_OF_8: (s, n, first, last, side, mean) => `${s}连续 ${n} 天${side}日常均值 ${mean}（${first} 至 ${last}），属于持续偏移而非偶然`,
  },
  action: {
    inquiryVolume: { UP: '在此类日期增加坐席排班，并按预测核对排班表', DOWN: '确认没有渠道中断后，相应调低排班' },
    complaintVolume: { UP: '查明这些日期背后的原因，并将相关投诉作为同一事件统一处理', DOWN: '总结改进的原因并加以保持' },
    slaBreaches: { UP: '在违约集中的时段增加人手，并检查队列的分配规则', DOWN: '总结改进的原因并加以保持' },
    firstResponseP90Seconds: { UP: '检查这些日期最慢的队列，并调整人员配置', DOWN: '总结改进的原因并加以保持' },
  },
  trend: (series, rose, previous, value, pct, weekday, above) => `${series}的趋势（7 天移动平均，已剔除星期效应）由每天 ${previous} ${rose}至 ${value}（${pct}%）；${weekday}比一周平均高 ${above}`,
  weekdays: { SUNDAY: '周日', MONDAY: '周一', TUESDAY: '周二', WEDNESDAY: '周三', THURSDAY: '周四', FRIDAY: '周五', SATURDAY: '周六' },
  trendAction: {
    inquiryVolume: { UP: '按新的水平安排排班，并在最忙的工作日加强', DOWN: '确认没有渠道中断后，按新的水平安排排班' },
    complaintVolume: { UP: '查找持续性的原因（产品、供应商或流程的变化），而非单一事件', DOWN: '总结改进的原因并加以保持' },
  },
  contributor: (key, rose, previous, value, pct, share, up) =>
    `${key} 类投诉由 ${previous} 件${rose}至 ${value} 件${pct}，占本月投诉变化的 ${share}：${up ? `与 ${key} 流程负责人复盘，并向坐席通报反复出现的问题` : `总结 ${key} 的改进做法，并推广到其他团队`}`,
  sla: (target, previous, value, breaches) => `${target} 达标率由 ${previous} 降至 ${value}（违约 ${breaches} 次）：检查该目标对应的排班与分配`,
  csat: (previous, value) => `结案满意率由 ${previous} 降至 ${value}：查阅本月不满意的结案（下钻 DISSATISFIED），针对共性原因辅导坐席`,
  nps: (previous, value) => `NPS 由 ${previous} 降至 ${value}：与售后一起跟进贬损者的行程`,
  breachHours: (channel, share, breaches, total, from, to, caseShare) =>
    `${channel} 渠道 ${share} 的 SLA 违约（${total} 次中的 ${breaches} 次）发生在 ${from} 至 ${to} 之间，而该时段只占其案件的 ${caseShare}：在这些时段增加 ${channel} 人手`,
  procedure: (articleId, average, ratings, low, commented) =>
    `坐席对流程 ${articleId} 的平均评分为 ${average}/5（共 ${ratings} 次评分，其中 ${low} 次为 1 或 2 分，${commented} 次附有意见）：请与流程负责人一起复核，先阅读培训系统中坐席的意见`,
};

const WORDS: Record<ReportLocale, Words> = { en: EN, 'zh-CN': ZH };

/** The locale a reader asked for, else English (the two the report is written in). */
export function reportLocale(given: string | null | undefined): ReportLocale {
  return given && /^zh/i.test(given) ? 'zh-CN' : 'en';
}

/**
 * One recommendation per finding, in plain words with its evidence, from fixed templates: the same
 * finding always reads the same, and every sentence says which rule and which numbers led to it.
 */
export function recommendationsFor(findings: Finding[], locale: ReportLocale): Recommendation[] {
  const w = WORDS[locale];
  const stop = locale === 'en' ? '.' : '。';
  const sep = locale === 'en' ? '; ' : '；';
  return findings.map((finding) => {
    const e = finding.evidence;
    const series = w.series[finding.subject] ?? finding.subject;
    const side = w.side[finding.direction];
    let text: string;
    if (finding.kind === 'BEYOND_3_SIGMA' || finding.kind === 'TWO_OF_THREE_BEYOND_2_SIGMA' || finding.kind === 'RUN_OF_8') {
      const limits = e.limits as NonNullable<typeof e.limits>;
      const mean = number(limits.mean);
      const dates = finding.dates.join(', ');
      const values = (e.observed ?? []).map(number).join(', ');
      const said =
        finding.kind === 'BEYOND_3_SIGMA'
          ? w.rule.BEYOND_3_SIGMA(series, dates, values, side, mean, number(limits.sigma), limits.days)
          : finding.kind === 'TWO_OF_THREE_BEYOND_2_SIGMA'
            ? w.rule.TWO_OF_THREE_BEYOND_2_SIGMA(series, dates, values, side, mean)
            : w.rule.RUN_OF_8(series, finding.dates.length, finding.dates[0], finding.dates[finding.dates.length - 1], side, mean);
      text = `${said}${sep}${w.action[finding.subject]?.[finding.direction] ?? ''}`;
    } else if (finding.kind === 'TREND_SHIFT') {
      const said = w.trend(series, w.rose[finding.direction], number(e.previous ?? 0), number(e.value ?? 0), signed(Math.round((e.change ?? 0) * 100)), w.weekdays[String(e.key)] ?? String(e.key), number(e.observed?.[0] ?? 0));
      text = `${said}${sep}${w.trendAction[finding.subject]?.[finding.direction] ?? ''}`;
    } else if (finding.kind === 'LARGEST_CONTRIBUTOR') {
      const previous = e.previous ?? 0;
      const value = e.value ?? 0;
      const pct = previous > 0 ? ` (${signed(Math.round(((value - previous) * 100) / previous))}%)` : '';
      text = w.contributor(e.key ?? w.none, w.rose[finding.direction], previous, value, locale === 'en' ? pct : pct.trim().replace(/[()]/g, (c) => (c === '(' ? '（' : '）')), percent(e.shareOfChange ?? 0), finding.direction === 'UP');
    } else if (finding.kind === 'BREACH_HOURS') {
      const [breaches, total, from, to] = e.observed ?? [0, 0, 0, 0];
      text = w.breachHours(String(e.key), percent(e.value ?? 0), breaches, total, hour(from), hour(to), percent(e.previous ?? 0));
    } else if (finding.kind === 'PROCEDURE_RATED_LOW') {
      const [ratings, low, commented] = e.observed ?? [0, 0, 0];
      text = w.procedure(String(e.key), number(e.value ?? 0), ratings, low, commented);
    } else if (finding.kind === 'SLA_DECLINE') {
      text = w.sla(String(e.key), percent(e.previous ?? 0), percent(e.value ?? 0), e.observed?.[0] ?? 0);
    } else {
      text = finding.subject === 'npsScore' ? w.nps(number(e.previous ?? 0), number(e.value ?? 0)) : w.csat(percent(e.previous ?? 0), percent(e.value ?? 0));
    }
    return { findingId: finding.id, text: `${text}${stop}` };
  });
}

function hour(value: number): string {
  return `${String(value).padStart(2, '0')}:00`;
}

function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
