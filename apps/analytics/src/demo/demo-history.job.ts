import type { ScheduledJob } from '@carebridge/service-kit';
import type { DemoHistory } from './demo-history';

/** Soon after the start, the demo history (once per database; later runs find it loaded). */
export function demoHistoryJob(history: DemoHistory): ScheduledJob {
  return { name: 'demo-history', everyMs: 10_000, run: (now) => history.loadOnce(now) };
}
