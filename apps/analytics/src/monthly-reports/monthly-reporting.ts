import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@carebridge/domain';
import { monthlyReportPublished } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import type { PeriodCalendar } from '../figures/period-calendar';
import type { MonthlyReportComposition } from './monthly-report-composition';
import type { MonthlyReportContent } from './monthly-report-content';

/** One stored version of a month's report. */
export interface MonthlyReport {
  id: string;
  month: string;
  version: number;
  generatedAt: Date;
  /** The manager's user id, or `schedule` for the run after the month ended. */
  generatedBy: string;
  content: MonthlyReportContent;
}

export const SCHEDULED = 'schedule';

interface Row {
  id: string;
  month: string;
  version: number;
  generated_at: Date;
  generated_by: string;
  content: MonthlyReportContent;
}

const COLUMNS = `id, to_char(month, 'YYYY-MM') AS month, version, generated_at, generated_by, content`;

/**
 * Generating and reading the monthly management report. Each generation of a month is stored as its
 * next version and announced (`analytics.monthly_report_published`) in the same transaction; the
 * figures keep changing while late events arrive, a version never does.
 */
export class MonthlyReporting {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly composition: MonthlyReportComposition,
    private readonly periods: PeriodCalendar,
  ) {}

  async generate(month: string, generatedBy: string, now: Date): Promise<MonthlyReport> {
    const content = await this.composition.compose(month);
    return this.dataSource.transaction(async (manager) => {
      // Two generations of one month at once get consecutive versions, not a conflict.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('analytics.monthly_report'), hashtext($1))`, [month]);
      const [{ next }]: { next: number }[] = await manager.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM monthly_report WHERE month = $1::date`, [`${month}-01`]);
      const id = randomUUID();
      const [row]: Row[] = await manager.query(
        `INSERT INTO monthly_report (id, month, version, generated_at, generated_by, content) VALUES ($1, $2::date, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [id, `${month}-01`, next, now, generatedBy, JSON.stringify(content)],
      );
      await this.outbox.publish(manager, monthlyReportPublished, {
        reportId: id,
        month,
        period: { start: content.period.start, end: content.period.end },
        version: next,
        generatedAt: now.toISOString(),
      });
      return report(row);
    });
  }

  /**
   * The scheduled run: the report of the month before `now` (local), when that month has none yet.
   * A new installation so reports its last month only, never its whole history.
   */
  async generateEndedMonth(now: Date): Promise<MonthlyReport | null> {
    const ended = this.periods.previous(this.periods.containing('MONTH', this.periods.localDate(now))).from.slice(0, 7);
    const existing: unknown[] = await this.dataSource.query(`SELECT 1 FROM monthly_report WHERE month = $1::date LIMIT 1`, [`${ended}-01`]);
    return existing.length ? null : this.generate(ended, SCHEDULED, now);
  }

  /** A month's report: the version asked for, else the latest. */
  async ofMonth(month: string, version?: number): Promise<MonthlyReport | null> {
    this.composition.month(month);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM monthly_report WHERE month = $1::date AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
      [`${month}-01`, version ?? null],
    );
    return rows[0] ? report(rows[0]) : null;
  }

  async byId(id: string): Promise<MonthlyReport> {
    const rows: Row[] = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.query(`SELECT ${COLUMNS} FROM monthly_report WHERE id = $1`, [id]) : [];
    if (!rows[0]) throw new NotFoundError('MonthlyReport', id);
    return report(rows[0]);
  }

  /** The latest version of each month, newest month first. */
  async latest(limit: number): Promise<MonthlyReport[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT DISTINCT ON (month) ${COLUMNS} FROM monthly_report ORDER BY month DESC, version DESC LIMIT $1`,
      [limit],
    );
    return rows.map(report);
  }
}

function report(row: Row): MonthlyReport {
  return { id: row.id, month: row.month, version: row.version, generatedAt: new Date(row.generated_at), generatedBy: row.generated_by, content: row.content };
}
