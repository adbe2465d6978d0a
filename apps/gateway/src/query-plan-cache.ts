import type { GatewayConfig } from '@apollo/gateway';
import { LRUCache } from 'lru-cache';

type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;
type QueryPlan = NonNullable<Awaited<ReturnType<QueryPlanCache['get']>>>;

/** How often a planned operation was found in the cache; read by /metrics (gateway-metrics.ts) and the logs. */
export interface QueryPlanCacheCounters {
  readonly hits: number;
  readonly misses: number;
  /** Plans dropped to stay within the size limit. */
  readonly evictions: number;
  /** Plans held now. */
  readonly size: number;
}

export const DEFAULT_QUERY_PLAN_CACHE_BYTES = 30 * 2 ** 20;

/**
 * The gateway's store of query plans, counting hits and misses. It is bounded by the plans'
 * approximate size in bytes (as the gateway's own default store), and emptied with the schema.
 */
export class CountingQueryPlanCache implements QueryPlanCache {
  private readonly plans: LRUCache<string, QueryPlan>;
  private counted = { hits: 0, misses: 0, evictions: 0 };

  constructor(maxBytes = DEFAULT_QUERY_PLAN_CACHE_BYTES) {
    this.plans = new LRUCache<string, QueryPlan>({
      maxSize: maxBytes,
      // Only computed when a new plan is stored, once per distinct operation.
      sizeCalculation: (plan) => Math.max(1, Buffer.byteLength(JSON.stringify(plan), 'utf8')),
      dispose: (_plan, _key, reason) => {
        if (reason === 'evict') this.counted.evictions += 1;
      },
    });
  }

  async get(key: string): Promise<QueryPlan | undefined> {
    const plan = this.plans.get(key);
    if (plan) this.counted.hits += 1;
    else this.counted.misses += 1;
    return plan;
  }

  async set(key: string, plan: QueryPlan): Promise<void> {
    this.plans.set(key, plan);
  }

  async delete(key: string): Promise<boolean> {
    return this.plans.delete(key);
  }

  clear(): void {
    this.plans.clear();
  }

  get counters(): QueryPlanCacheCounters {
    return { ...this.counted, size: this.plans.size };
  }
}
