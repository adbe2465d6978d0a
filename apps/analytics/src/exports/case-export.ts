import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { stringify } from 'csv-stringify';
import type { DataSource } from 'typeorm';
import type { DimensionFilter } from '../figures/figure-engine';
import type { CaseKindValue } from '../figures/figures.enums';
import type { FigureQueries, PeriodChoice } from '../figures/figure-queries';

const BATCH = 1000;

/** The columns of the per-case export: ids, classifications, timings, SLA results, satisfaction, compensation. No personal data. */
export const CASE_EXPORT_COLUMNS = [
  'kind',
  'case_id',
  'reference',
  'opened_at',
  'channel',
  'category',
  'urgency',
  'root_cause',
  'team',
  'agent_id',
  'customer_tier',
  'first_responded_at',
  'first_response_seconds',
  'first_response_business_seconds',
  'first_response_within_target',
  'first_response_breached',
  'first_feedback_at',
  'feedback_late',
  'dot_acknowledgment_breached',
  'dot_response_breached',
  'first_resolved_at',
  'last_resolved_at',
  'handling_seconds',
  'reopen_count',
  'escalated_at',
  'last_satisfaction_score',
  'compensation_items',
] as const;

export interface CaseExportRequest {
  period: PeriodChoice;
  caseKind?: CaseKindValue;
  filters: DimensionFilter[];
}

/** `$zone` stands for the company's time zone (a parameter). */
const DIMENSION_COLUMN = { CHANNEL: 'f.channel', CATEGORY: 'f.category', URGENCY: 'f.urgency', ROOT_CAUSE: 'f.root_cause', TEAM: 'f.team', AGENT: 'f.agent_id', CUSTOMER_TIER: 't.tier', KEY_ACCOUNT: 'k.key_account_id::text', OPENED_HOUR: `to_char(f.opened_at AT TIME ZONE $zone, 'HH24')` } as const;

/**
 * The per-case CSV export of the cases opened in a period: recorded in the audit first, then read
 * in keyset batches and streamed through csv-stringify, so no export is ever held in memory whole.
 */
export class CaseExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: FigureQueries,
    private readonly clock: Clock,
  ) {}

  async export(request: CaseExportRequest, by: Identity): Promise<AsyncIterable<Uint8Array>> {
    const period = this.figures.period(request.period);
    const params: unknown[] = [period.start.toISOString(), period.end.toISOString()];
    let where = `f.opened_at >= $1 AND f.opened_at < $2`;
    if (request.caseKind) {
      params.push(request.caseKind);
      where += ` AND f.kind = $${params.length}`;
    }
    for (const filter of request.filters) {
      let column: string = DIMENSION_COLUMN[filter.dimension];
      if (!column) throw BadUserInputError.field('filter', 'dimension', `unknown dimension ${filter.dimension}`);
      if (column.includes('$zone')) {
        params.push(this.figures.timeZone);
        column = column.replace('$zone', () => `$${params.length}`);
      }
      if (filter.value === null) where += ` AND ${column} IS NULL`;
      else {
        params.push(filter.value);
        where += ` AND ${column} = $${params.length}`;
      }
    }
    await this.dataSource.query(`INSERT INTO case_export_audit (requested_by, requested_at, filter) VALUES ($1, $2, $3)`, [
      by.userId,
      this.clock.now(),
      JSON.stringify({ period: { from: period.from, to: period.to }, caseKind: request.caseKind ?? null, filters: request.filters }),
    ]);
    const csv = stringify({ header: true, columns: [...CASE_EXPORT_COLUMNS], cast: { date: (d) => d.toISOString(), boolean: (b) => String(b) } });
    const pump = async () => {
      let after: { opened_at: Date; case_id: string } | undefined;
      for (;;) {
        const keyset = after ? ` AND (f.opened_at, f.case_id) > ($${params.length + 1}, $${params.length + 2})` : '';
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT f.kind, f.case_id, f.reference, f.opened_at, f.channel, f.category, f.urgency, f.root_cause, f.team, f.agent_id, t.tier AS customer_tier,
                  f.first_responded_at, f.first_response_seconds, f.first_response_business_seconds, f.first_response_within_target, f.first_response_breached,
                  f.first_feedback_at, f.feedback_late, f.dot_acknowledgment_breached, f.dot_response_breached, f.first_resolved_at, f.last_resolved_at,
                  f.handling_seconds, f.reopen_count, f.escalated_at,
                  (SELECT a.score FROM satisfaction_answer a WHERE a.case_id = f.case_id ORDER BY a.answered_at DESC LIMIT 1) AS last_satisfaction_score,
                  (SELECT count(*) FROM compensation_grant g WHERE g.case_id = f.case_id)::int AS compensation_items
           FROM case_fact f LEFT JOIN customer_tier t ON t.customer_id = f.customer_id LEFT JOIN customer_key_account k ON k.customer_id = f.customer_id
           WHERE ${where}${keyset} ORDER BY f.opened_at, f.case_id LIMIT ${BATCH}`,
          after ? [...params, after.opened_at, after.case_id] : params,
        );
        for (const row of rows) {
          // Respect the reader's pace: wait while csv-stringify's buffer is full.
          if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
        }
        if (rows.length < BATCH) break;
        const last = rows[rows.length - 1];
        after = { opened_at: last.opened_at as Date, case_id: last.case_id as string };
      }
      csv.end();
    };
    pump().catch((error) => csv.destroy(error));
    return csv as AsyncIterable<Uint8Array>;
  }
}
