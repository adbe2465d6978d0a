import type { SlaTargetValue } from '../figures/figures.enums';
import type { ChartedSeries, HeadlineMetric, SatisfactionRow } from './monthly-report-content';
import type { ReportLocale } from './recommendations';

type Kind = 'count' | 'rate' | 'seconds' | 'score';

/** How each headline value reads. */
export const HEADLINE_KINDS: Record<HeadlineMetric, Kind> = {
  inquiryVolume: 'count',
  complaintVolume: 'count',
  complaintsResolved: 'count',
  resolutionRate: 'rate',
  firstResponseP50Seconds: 'seconds',
  firstResponseP90Seconds: 'seconds',
  complaintResolutionP50Seconds: 'seconds',
  csatRate: 'rate',
  npsScore: 'score',
  reopenRate: 'rate',
  oneTouchResolutionRate: 'rate',
  escalationRate: 'rate',
  qaAverageScore: 'score',
  trainingCompletions: 'count',
  trainingOverdue: 'count',
};

export const SATISFACTION_KINDS: Record<SatisfactionRow['measure'], Kind> = {
  csatRate: 'rate',
  csatAverageScore: 'score',
  csatAnswered: 'count',
  npsScore: 'score',
  npsAnswered: 'count',
  tripCsatRate: 'rate',
  tripCsatAverageScore: 'score',
};

interface Labels {
  title: string;
  subtitle: (month: string, version: number, generatedAt: string, by: string, timeZone: string) => string;
  sections: { headline: string; sla: string; categories: string; rootCauses: string; satisfaction: string; procedures: string; charts: string; findings: string };
  columns: {
    metric: string;
    month: string;
    previous: string;
    lastYear: string;
    target: string;
    achieved: string;
    breached: string;
    rate: string;
    category: string;
    rootCause: string;
    measure: string;
    finding: string;
    recommendation: string;
    article: string;
    ratings: string;
    averageRating: string;
    lowRatings: string;
    commented: string;
  };
  none: string;
  noProcedureFeedback: string;
  noFindings: string;
  chart: (series: string) => string;
  chartNote: string;
  pareto: string;
  headline: Record<HeadlineMetric, string>;
  sla: Record<SlaTargetValue, string>;
  satisfaction: Record<SatisfactionRow['measure'], string>;
  series: Record<ChartedSeries, string>;
  seconds: (s: number) => string;
}

const EN: Labels = {
  title: 'Monthly management report',
  subtitle: (month, version, at, by, zone) => `${month} · version ${version} · generated ${at} by ${by} · times in ${zone}`,
  sections: { headline: 'Headline figures', sla: 'SLA compliance', categories: 'Complaints by category (registered)', rootCauses: 'Complaints by root cause (resolved)', satisfaction: 'Satisfaction', procedures: 'Procedure feedback from agents (A-6)', charts: 'Daily control charts', findings: 'Findings and recommendations' },
  columns: { metric: 'Metric', month: 'This month', previous: 'Month before', lastYear: 'A year before', target: 'Target', achieved: 'Achieved', breached: 'Breached', rate: 'Rate', category: 'Category', rootCause: 'Root cause', measure: 'Measure', finding: 'Finding', recommendation: 'Recommendation', article: 'Procedure (article)', ratings: 'Ratings', averageRating: 'Average (1-5)', lowRatings: 'Rated 1-2', commented: 'With comment' },
  none: '(none)',
  noProcedureFeedback: 'No procedure was rated this month.',
  noFindings: 'No rule found anything unusual this month.',
  chart: (series) => `${series} per day`,
  chartNote: 'Bars: the month’s days; line: the mean of the 91 days before; dashed: ±2σ; red: +3σ. Red bars break a rule.',
  pareto: 'Root-cause Pareto (complaints resolved this month)',
  headline: {
    inquiryVolume: 'Inquiries received',
    complaintVolume: 'Complaints registered',
    complaintsResolved: 'Complaints resolved',
    resolutionRate: 'Resolution rate',
    firstResponseP50Seconds: 'First response, median',
    firstResponseP90Seconds: 'First response, 90th percentile',
    complaintResolutionP50Seconds: 'Complaint resolution, median',
    csatRate: 'Satisfied at closing',
    npsScore: 'NPS',
    reopenRate: 'Reopen rate',
    oneTouchResolutionRate: 'One-touch resolution',
    escalationRate: 'Escalated to a complaint',
    qaAverageScore: 'QA review score, average (0-100)',
    trainingCompletions: 'Training courses completed',
    trainingOverdue: 'Mandatory courses overdue',
  },
  sla: { THREE_RINGS: 'Calls answered within 3 rings', FIVE_MINUTES: 'Written first answer within 5 minutes', COMPLAINT_FEEDBACK_24H: 'Complaint feedback within 24 hours', DOT_ACKNOWLEDGMENT_30D: 'US DOT acknowledgment, 30 days', DOT_RESPONSE_60D: 'US DOT response, 60 days' },
  satisfaction: { csatRate: 'Satisfied at closing', csatAverageScore: 'Average closing score (1-5)', csatAnswered: 'Closing answers', npsScore: 'NPS', npsAnswered: 'Survey answers', tripCsatRate: 'Trip ratings satisfied', tripCsatAverageScore: 'Average trip rating (1-5)' },
  series: { inquiryVolume: 'Inquiries', complaintVolume: 'Complaints', slaBreaches: 'SLA breaches', firstResponseP90Seconds: 'First response p90 (s)' },
  seconds: (s) => (s >= 3600 ? `${round1(s / 3600)} h` : s >= 60 ? `${round1(s / 60)} min` : `${round1(s)} s`),
};

const ZH: Labels = {
  title: '月度管理报告',
  subtitle: (month, version, at, by, zone) => `${month} · 第 ${version} 版 · 生成于 ${at}（${by}）· 时区 ${zone}`,
  sections: { headline: '关键指标', sla: 'SLA 达标情况', categories: '投诉按类别（登记）', rootCauses: '投诉按根本原因（解决）', satisfaction: '满意度', procedures: '坐席对流程的反馈（A-6）', charts: '每日控制图', findings: '发现与建议' },
  columns: { metric: '指标', month: '本月', previous: '上月', lastYear: '去年同月', target: '目标', achieved: '达标', breached: '违约', rate: '达标率', category: '类别', rootCause: '根本原因', measure: '度量', finding: '发现', recommendation: '建议', article: '流程（文章）', ratings: '评分数', averageRating: '平均分（1-5）', lowRatings: '1-2 分', commented: '附意见' },
  none: '（无）',
  noProcedureFeedback: '本月没有流程评分。',
  noFindings: '本月各项规则均未发现异常。',
  chart: (series) => `每日${series}`,
  chartNote: '柱：本月各日；实线：本月前 91 天的均值；虚线：±2σ；红线：+3σ。红色柱表示触发规则。',
  pareto: '根本原因帕累托图（本月解决的投诉）',
  headline: {
    inquiryVolume: '咨询量',
    complaintVolume: '投诉量',
    complaintsResolved: '已解决投诉',
    resolutionRate: '解决率',
    firstResponseP50Seconds: '首次响应时间中位数',
    firstResponseP90Seconds: '首次响应时间第90百分位',
    complaintResolutionP50Seconds: '投诉解决时间中位数',
    csatRate: '结案满意率',
    npsScore: 'NPS',
    reopenRate: '重开率',
    oneTouchResolutionRate: '一次解决率',
    escalationRate: '升级为投诉的比例',
    qaAverageScore: '质检平均分（0-100）',
    trainingCompletions: '完成的培训课程',
    trainingOverdue: '逾期的必修课程',
  },
  sla: { THREE_RINGS: '三声内接听', FIVE_MINUTES: '书面咨询 5 分钟内首次回复', COMPLAINT_FEEDBACK_24H: '投诉 24 小时内反馈', DOT_ACKNOWLEDGMENT_30D: '美国 DOT 30 天内确认', DOT_RESPONSE_60D: '美国 DOT 60 天内答复' },
  satisfaction: { csatRate: '结案满意率', csatAverageScore: '结案平均分（1-5）', csatAnswered: '结案评价数', npsScore: 'NPS', npsAnswered: '问卷回复数', tripCsatRate: '行程评分满意率', tripCsatAverageScore: '行程平均评分（1-5）' },
  series: { inquiryVolume: '咨询量', complaintVolume: '投诉量', slaBreaches: 'SLA 违约数', firstResponseP90Seconds: '首次响应 p90（秒）' },
  seconds: (s) => (s >= 3600 ? `${round1(s / 3600)} 小时` : s >= 60 ? `${round1(s / 60)} 分钟` : `${round1(s)} 秒`),
};

export const REPORT_LABELS: Record<ReportLocale, Labels> = { en: EN, 'zh-CN': ZH };

/** A value as the report prints it. */
export function formatted(value: number | null, kind: Kind, locale: ReportLocale): string {
  if (value === null) return '–';
  if (kind === 'rate') return `${round1(value * 100)}%`;
  if (kind === 'seconds') return REPORT_LABELS[locale].seconds(value);
  return String(round1(value));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
