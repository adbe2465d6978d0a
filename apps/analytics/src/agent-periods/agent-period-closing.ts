import { AGENT_PERIOD_KINDS, agentPeriodClosed, type EventData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import type { FigureEngine } from '../figures/figure-engine';
import { figuresFrom } from '../figures/figures';
import type { Period, PeriodCalendar } from '../figures/period-calendar';

type AgentPeriodKind = (typeof AGENT_PERIOD_KINDS)[number];
type AgentFigures = EventData<typeof agentPeriodClosed>['figures'];

/**
 * Closes agent periods (ISO weeks, months, quarters) once they have ended and publishes each
 * agent's figures as `analytics.agent_period_closed`, for training's evaluations. A period is
 * closed once: recorded with its events in one transaction. A kind never closed before starts with
 * its latest ended period, so a new installation does not publish its whole history.
 */
export class AgentPeriodClosing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly engine: FigureEngine,
    private readonly periods: PeriodCalendar,
  ) {}

  async closeEnded(now: Date): Promise<{ kind: AgentPeriodKind; from: string; agents: number }[]> {
    const closed: { kind: AgentPeriodKind; from: string; agents: number }[] = [];
    for (const kind of AGENT_PERIOD_KINDS) {
      const latestEnded = this.periods.previous(this.periods.containing(kind as never, this.periods.localDate(now)));
      const [last]: { period_start: string }[] = await this.dataSource.query(
        `SELECT to_char(max(period_start), 'YYYY-MM-DD') AS period_start FROM agent_period_close WHERE period_kind = $1 HAVING max(period_start) IS NOT NULL`,
        [kind],
      );
      let next = last ? this.periods.next(this.periods.containing(kind as never, last.period_start)) : latestEnded;
      for (; next.from <= latestEnded.from; next = this.periods.next(next)) {
        closed.push({ kind, from: next.from, agents: await this.close(kind, next, now) });
      }
    }
    return closed;
  }

  /** Closes one period: every agent with a case in it gets one event. Returns how many agents (0 if it was closed already). */
  async close(kind: AgentPeriodKind, period: Period, now: Date): Promise<number> {
    const rows = (await this.engine.figures({ periods: [period], breakdowns: ['AGENT'], filters: [] })).filter((row) => row.dimensions.AGENT);
    return this.dataSource.transaction(async (manager) => {
      const recorded: unknown[] = await manager.query(
        `INSERT INTO agent_period_close (period_kind, period_start, closed_at, agents) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING period_start`,
        [kind, period.from, now, rows.length],
      );
      if (!recorded.length) return 0;
      for (const row of rows) {
        await this.outbox.publish(manager, agentPeriodClosed, {
          agentId: row.dimensions.AGENT as string,
          period: { kind, start: period.start.toISOString(), end: period.end.toISOString() },
          figures: agentFigures(figuresFrom(row.counts)),
          closedAt: now.toISOString(),
        });
      }
      return rows.length;
    });
  }
}

function agentFigures(f: ReturnType<typeof figuresFrom>): AgentFigures {
  const firstResponse = f.sla.filter((s) => s.target === 'THREE_RINGS' || s.target === 'FIVE_MINUTES');
  const achieved = firstResponse.reduce((sum, s) => sum + s.achieved, 0);
  const measured = firstResponse.reduce((sum, s) => sum + s.achieved + s.breached, 0);
  return {
    firstResponseWithinTargetRate: measured ? Math.round((achieved / measured) * 1e6) / 1e6 : null,
    resolutionRate: f.resolutionRate,
    csat: f.csat.averageScore,
    firstContactResolutionRate: f.oneTouchResolutionRate,
    averageHandlingSeconds: f.handlingSeconds.mean,
    counts: {
      handled: f.inquiryVolume + f.complaintVolume,
      resolved: f.complaintsResolved + f.oneTouchResolved,
      surveyed: f.csat.answered,
    },
  };
}
