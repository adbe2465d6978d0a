import type { ScheduledJob } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { FACT_CHANGE_RETENTION_MS, REMEMBERED_FOR_MS } from './caching-figure-engine';

/** Drops the fact changes older than any remembered figures can be (they can no longer invalidate anything). */
export function factChangePruneJob(dataSource: DataSource): ScheduledJob {
  return {
    name: 'fact-change-prune',
    everyMs: REMEMBERED_FOR_MS,
    run: (now) => dataSource.query(`DELETE FROM fact_change WHERE recorded_at < $1`, [new Date(now.getTime() - FACT_CHANGE_RETENTION_MS)]),
  };
}
