import type { EventHandler, ReceivedEvent } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import type { PeriodCalendar } from '../figures/period-calendar';
import type { MonthlyReporting } from '../monthly-reports/monthly-reporting';
import { type ActivityEvent, generateActivity } from '../reconciliation/activity-generator';

const DAY_MS = 86_400_000;
/** Events per transaction while loading. */
const BATCH = 500;
/** A department of a few dozen agents: inquiries a day before season and weekday factors. */
const INQUIRIES_PER_DAY = 12;

/**
 * The demo history of `npm start -- --demo` (ANALYTICS_DEMO_HISTORY_DAYS): the generated activity
 * of the days before today (reconciliation/activity-generator.ts: seasons, weekdays, incidents,
 * reopenings, breaches, surveys, training), applied once through analytics' own event handlers into
 * its fact tables, then last month's report. The events exist for analytics only: the cases behind a
 * drill-down are not in the inquiry and complaint services, and a rebuild (which replays the real
 * streams) leaves them out. Loaded once per database (`demo_history_load`), whatever else arrives.
 */
export class DemoHistory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: () => EventHandler<any>[],
    private readonly reporting: MonthlyReporting,
    private readonly periods: PeriodCalendar,
    private readonly days: number,
  ) {}

  async loadOnce(now: Date): Promise<{ events: number; reportedMonth: string | null } | null> {
    if (this.days <= 0) return null;
    const claimed: unknown[] = await this.dataSource.query(`INSERT INTO demo_history_load (id, loaded_at, days) VALUES (1, $1, $2) ON CONFLICT DO NOTHING RETURNING id`, [now, this.days]);
    if (!claimed.length) return null;
    const byType = new Map(this.handlers().map((h) => [h.contract.type, h]));
    const from = this.periods.localDate(new Date(now.getTime() - this.days * DAY_MS));
    let batch: ActivityEvent[] = [];
    let events = 0;
    const flush = async () => {
      const applying = batch;
      batch = [];
      await this.dataSource.transaction(async (manager) => {
        for (const e of applying) {
          const event: ReceivedEvent = { id: e.id, type: e.contract.type, version: e.contract.version, source: `/carebridge/${e.contract.producer}`, time: e.at, subject: '', data: e.data, topic: e.contract.topic };
          await byType.get(e.contract.type)?.handle(event, manager);
        }
        // The handlers gather the facts of the transaction; they are written before it commits.
        for (const settle of new Set([...byType.values()].map((h) => h.settle))) await settle?.(manager);
      });
      events += applying.length;
    };
    for (const event of generateActivity({ from, days: this.days, inquiriesPerDay: INQUIRIES_PER_DAY, seed: 2026 })) {
      // Nothing from the future: cases still open today stay open.
      if (event.at.getTime() >= now.getTime()) continue;
      batch.push(event);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    const report = await this.reporting.generateEndedMonth(now);
    return { events, reportedMonth: report?.month ?? null };
  }
}
