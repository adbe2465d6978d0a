import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { CaseQuery, FigureEngine, FigureQuery, ProcedureFeedbackCount } from './figure-engine';
import type { CaseReference, FigureRow } from './figures';
import type { Period } from './period-calendar';

/** How long a period's figures are remembered at most; fact_change keeps its rows longer than this (FACT_CHANGE_RETENTION_MS). */
export const REMEMBERED_FOR_MS = 5 * 60_000;
export const FACT_CHANGE_RETENTION_MS = 3 * REMEMBERED_FOR_MS;

interface Remembered {
  /** The database snapshot (pg_snapshot as text) taken before the figures were computed. */
  snapshot: string;
  rows: FigureRow[];
}

/**
 * Remembers each period's figures (per breakdown and filter) and serves them again while no fact
 * that could change them has been written since: every fact-writing transaction records the
 * earliest instant it affects (`fact_change`), and a period's figures are valid while every change
 * their snapshot did not see lies at or after the period's end. Ended periods, the bulk of a series,
 * are then read from memory; the current one is computed again as events arrive. Percentiles stay
 * exact (daily rollups could not add them up), and the answer equals the engine's at that moment.
 * The snapshot is taken before the engine's statements start, so a transaction committing while
 * they run is never taken as seen.
 */
export class CachingFigureEngine implements FigureEngine {
  private readonly remembered = new LRUCache<string, Remembered>({ max: 2_000, ttl: REMEMBERED_FOR_MS });

  constructor(
    private readonly engine: FigureEngine,
    private readonly dataSource: DataSource,
  ) {}

  async figures(query: FigureQuery): Promise<FigureRow[]> {
    const keyOf = (period: Period) => JSON.stringify([period.from, period.start.toISOString(), period.end.toISOString(), query.breakdowns, query.filters, Boolean(query.withTotal)]);
    const found = query.periods.map((period) => ({ period, key: keyOf(period), remembered: this.remembered.get(keyOf(period)) }));
    const snapshots = [...new Set(found.flatMap((f) => (f.remembered ? [f.remembered.snapshot] : [])))];
    const checked: { now: string; snapshot: string | null; changed_from: number | null }[] = await this.dataSource.query(
      `SELECT pg_current_snapshot()::text AS now, s.snapshot,
         extract(epoch FROM (SELECT min(c.affected_from) FROM fact_change c
           WHERE c.xid >= pg_snapshot_xmin(s.snapshot::pg_snapshot) AND NOT pg_visible_in_snapshot(c.xid, s.snapshot::pg_snapshot)))::float8 * 1000 AS changed_from
       FROM unnest(array_append($1::text[], NULL)) AS s(snapshot)`,
      [snapshots],
    );
    const now = checked[0].now;
    const changedFrom = new Map(checked.filter((c) => c.snapshot !== null).map((c) => [c.snapshot as string, c.changed_from === null ? Infinity : Number(c.changed_from)]));
    const valid = (f: (typeof found)[number]) => f.remembered !== undefined && (changedFrom.get(f.remembered.snapshot) ?? -Infinity) >= f.period.end.getTime();
    const missing = found.filter((f) => !valid(f));
    if (missing.length) {
      const computed = await this.engine.figures({ ...query, periods: missing.map((f) => f.period) });
      for (const f of missing) {
        f.remembered = { snapshot: now, rows: computed.filter((row) => row.period === f.period.from) };
        this.remembered.set(f.key, f.remembered);
      }
    }
    // A row is handed out as the engine's would be: callers may change it.
    return found.flatMap((f) => structuredClone(f.remembered?.rows ?? []));
  }

  cases(query: CaseQuery): Promise<{ total: number; cases: CaseReference[] }> {
    return this.engine.cases(query);
  }

  procedureFeedback(period: Period): Promise<ProcedureFeedbackCount[]> {
    return this.engine.procedureFeedback(period);
  }
}
