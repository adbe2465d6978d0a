import { CountingQueryPlanCache } from './query-plan-cache';

const plan = (label: string) => ({ kind: 'QueryPlan', node: { kind: 'Fetch', serviceName: 'crm', operation: label } }) as never;

describe('CountingQueryPlanCache', () => {
  it('counts a miss for a plan it does not hold and a hit for one it does', async () => {
    const cache = new CountingQueryPlanCache();
    expect(await cache.get('q1')).toBeUndefined();
    await cache.set('q1', plan('{ me { id } }'));
    expect(await cache.get('q1')).toEqual(plan('{ me { id } }'));
    await cache.get('q1');
    expect(cache.counters).toEqual({ hits: 2, misses: 1, evictions: 0, size: 1 });
  });

  it('stays within its size in bytes, dropping the least recently used plan first', async () => {
    const one = Buffer.byteLength(JSON.stringify(plan('a'.repeat(100))));
    const cache = new CountingQueryPlanCache(one * 2 + 10);
    await cache.set('a', plan('a'.repeat(100)));
    await cache.set('b', plan('b'.repeat(100)));
    await cache.get('a');
    await cache.set('c', plan('c'.repeat(100)));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    expect(cache.counters).toMatchObject({ evictions: 1, size: 2 });
  });

  it('forgets every plan when cleared (the schema changed) and keeps counting', async () => {
    const cache = new CountingQueryPlanCache();
    await cache.set('q1', plan('x'));
    await cache.delete('missing');
    cache.clear();
    expect(await cache.get('q1')).toBeUndefined();
    expect(cache.counters).toEqual({ hits: 0, misses: 1, evictions: 0, size: 0 });
  });
});
