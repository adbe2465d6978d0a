import { isUuid } from '@carebridge/domain';
import DataLoader from 'dataloader';
import { type ObjectLiteral, type Repository, SelectQueryBuilder } from 'typeorm';

/**
 * Records that the field resolvers of one GraphQL request ask for one by one, loaded together: the
 * contacts of fifty customers in a list cost one query, not fifty. Keys asked for before the event
 * loop turns (GraphQL calls the resolvers of a list's items in one go, each behind its own await)
 * go into one batch; answers are kept for the rest of the request and never shared with another
 * one, so whatever a role may see is decided again for every request. The scope is the request's
 * context object.
 */
export class RequestLoader<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V, unknown>>();

  /** @param loadMany answers a batch of keys; a key it leaves out of the map loads as `undefined`. */
  constructor(private readonly loadMany: (keys: readonly K[], scope: object) => Promise<ReadonlyMap<K, V>>) {}

  load(scope: object, key: K): Promise<V> {
    return this.loaderOf(scope).load(key);
  }

  private loaderOf(scope: object): DataLoader<K, V, unknown> {
    let loader = this.loaders.get(scope);
    if (!loader) {
      loader = new DataLoader<K, V, unknown>(
        async (keys) => {
          const answers = await this.loadMany(keys, scope);
          return keys.map((key) => answers.get(key) as V);
        },
        { batchScheduleFn: nextTurn, maxBatchSize: MAX_BATCH },
      );
      this.loaders.set(scope, loader);
    }
    return loader;
  }
}

/** Keys per statement: beyond it a batch is split (a bound array of 1,000 ids is still one index scan). */
const MAX_BATCH = 1000;

/**
 * The next turn of the event loop, rather than DataLoader's default (the end of the current
 * microtasks): resolvers behind @Authorized and other middleware reach `load` a few awaits later
 * than their siblings, and still belong in the same batch.
 */
export function nextTurn(dispatch: () => void): void {
  setImmediate(dispatch);
}

/** Rows of a child table grouped under each parent id asked for, in the order the rows came; a parent without rows gets `[]`. */
export function groupedBy<T, K extends keyof T & string>(parentIds: readonly string[], rows: readonly T[], parentKey: K): Map<string, T[]> {
  const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row[parentKey] as unknown as string)?.push(row);
  return grouped;
}

/** Rows found by id, keyed by it; an id not found is missing from the map. */
export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The rows of these ids in one statement, `id = ANY($1)`: the same statement whatever the number of
 * ids (an `IN` list is a new one for every count). Ids that are not UUIDs match nothing.
 */
export function findManyById<T extends ObjectLiteral & { id: string }>(source: Repository<T> | SelectQueryBuilder<T>, ids: readonly string[]): Promise<T[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return Promise.resolve([]);
  const query = source instanceof SelectQueryBuilder ? source : source.createQueryBuilder('row');
  return query.andWhere(`${query.alias}.id = ANY(:ids)`, { ids: wanted }).getMany();
}

/** The rows whose `column` is one of `parentIds`, in one statement (`= ANY($1)`), for `groupedBy`. */
export function whereAnyOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: keyof T & string, parentIds: readonly string[]): SelectQueryBuilder<T> {
  return query.andWhere(`${query.alias}.${column} = ANY(:parentIds)`, { parentIds: [...new Set(parentIds)] });
}
