import type { Figures } from '../figures/figures';
import { CHARTED_SERIES, type Finding } from './monthly-report-content';

/** Breach hours: the 4 consecutive hours holding the most of a channel's breaches in the month, when they hold at least half of them, half again their share of its cases, and at least 10 breaches. */
const BREACH_WINDOW_HOURS = 4;
const BREACH_WINDOW_MIN_SHARE = 0.5;
const BREACH_WINDOW_OVER_CASES = 1.5;
const BREACH_WINDOW_MIN_BREACHES = 10;

/**
 * Per channel, the four consecutive local hours (wrapping past midnight) in which most of the month's
 * SLA breaches of its cases began (by the hour the case was received or registered), when they
 * stand out: at least half of the channel's breaches, and half again the share of its cases.
 */
export function breachHours(rows: { channel: string | null; hour: string | null; figures: Figures }[]): Omit<Finding, 'id'>[] {
  const channels = new Map<string, { breaches: number[]; cases: number[] }>();
  for (const row of rows) {
    if (row.channel === null || row.hour === null) continue;
    const entry = channels.get(row.channel) ?? { breaches: new Array<number>(24).fill(0), cases: new Array<number>(24).fill(0) };
    entry.breaches[Number(row.hour)] += CHARTED_SERIES.slaBreaches(row.figures);
    entry.cases[Number(row.hour)] += row.figures.inquiryVolume + row.figures.complaintVolume;
    channels.set(row.channel, entry);
  }
  const found: Omit<Finding, 'id'>[] = [];
  for (const [channel, { breaches, cases }] of [...channels].sort(([a], [b]) => a.localeCompare(b))) {
    const total = breaches.reduce((sum, n) => sum + n, 0);
    const totalCases = cases.reduce((sum, n) => sum + n, 0);
    if (total < BREACH_WINDOW_MIN_BREACHES || totalCases === 0) continue;
    const window = (from: number, list: number[]) => Array.from({ length: BREACH_WINDOW_HOURS }, (_, i) => list[(from + i) % 24]).reduce((sum, n) => sum + n, 0);
    let from = 0;
    for (let h = 1; h < 24; h++) if (window(h, breaches) > window(from, breaches)) from = h;
    const share = window(from, breaches) / total;
    const caseShare = window(from, cases) / totalCases;
    if (share < BREACH_WINDOW_MIN_SHARE || share < caseShare * BREACH_WINDOW_OVER_CASES) continue;
    found.push({
      kind: 'BREACH_HOURS',
      subject: 'slaBreaches',
      direction: 'UP',
      dates: [],
      evidence: { key: channel, value: roundRate(share), previous: roundRate(caseShare), observed: [window(from, breaches), total, from, (from + BREACH_WINDOW_HOURS) % 24] },
    });
  }
  return found;
}

function roundRate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
