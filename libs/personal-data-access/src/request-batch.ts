/**
 * Lookups collected while one GraphQL request resolves and answered together: the `contacts` of
 * fifty customers in a list cost one query, not fifty. Keys asked for in the same turn of the event
 * loop go into one batch (GraphQL calls the field resolvers of a list's items in one go); answers
 * are kept for the rest of the request. The scope is the request's context object.
 */
export class RequestBatch<K, V> {
  private readonly scopes = new WeakMap<object, { cache: Map<K, Promise<V>>; queue: { key: K; resolve(v: V): void; reject(e: unknown): void }[] }>();

  constructor(private readonly loadMany: (keys: readonly K[], scope: object) => Promise<Map<K, V>>) {}

  load(scope: object, key: K): Promise<V> {
    let state = this.scopes.get(scope);
    if (!state) {
      state = { cache: new Map(), queue: [] };
      this.scopes.set(scope, state);
    }
    const cached = state.cache.get(key);
    if (cached) return cached;
    const current = state;
    const promise = new Promise<V>((resolve, reject) => {
      if (current.queue.length === 0) setImmediate(() => void this.dispatch(scope, current));
      current.queue.push({ key, resolve, reject });
    });
    state.cache.set(key, promise);
    return promise;
  }

  private async dispatch(scope: object, state: { queue: { key: K; resolve(v: V): void; reject(e: unknown): void }[] }): Promise<void> {
    const batch = state.queue.splice(0);
    try {
      const answers = await this.loadMany(batch.map((b) => b.key), scope);
      for (const item of batch) item.resolve(answers.get(item.key) as V);
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}
