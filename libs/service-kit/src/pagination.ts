import { AsyncLocalStorage } from 'node:async_hooks';
import { BadUserInputError } from '@carebridge/domain';
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { type ClassType, Field, Int, ObjectType, Directive, ArgsType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { groupedBy, RequestLoader } from './loading';

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection stands (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: ask for them with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items come before this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as `after` for the next page; null on an empty page." })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;

    @Field({ description: 'Where this item stands in the list: pass it as `after` to read on from here.' })
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).` })
  class ConnectionObject {
    @Field(() => [EdgeType], { description: 'The items of this page, in the order asked for.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands: whether more follow, and the cursors to get them.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds under the same filter (counted only when asked for).' })
    totalCount: number;
  }
  return ConnectionObject;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items, 1 to 100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The cursor of the item after which the page starts.' })
  after?: string;
}

export const MAX_PAGE_SIZE = 100;

const connectionSelections = new AsyncLocalStorage<{ totalCount: boolean }>();

/**
 * Runs the resolver of a connection field knowing whether the query selects `totalCount`, so that
 * `paginate` counts only then. The kit wraps every connection field of a schema with it.
 */
export function resolvingConnection<T>(info: GraphQLResolveInfo, resolve: () => T): T {
  return connectionSelections.run({ totalCount: selects(info.fieldNodes, 'totalCount', info) }, resolve);
}

/** Whether `field` is asked for directly under these field nodes, through fragments too. */
function selects(nodes: readonly FieldNode[], field: string, info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return inSet(info.fragments[name]?.selectionSet);
    });
  return nodes.some((node) => inSet(node.selectionSet));
}

/**
 * Keyset pagination on a query builder: ordered by `sortKey` then `id` (both the same direction),
 * the cursor holds the last row's values, so a page costs an index range scan however deep it is.
 * `totalCount` (a count over the whole filtered table) is computed only when the GraphQL query
 * selects it, or when called outside a GraphQL connection field; otherwise reading it throws.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  order: { sortKey: keyof T & string; direction: 'ASC' | 'DESC' } = { sortKey: 'createdAt' as keyof T & string, direction: 'DESC' },
): Promise<Connection<T>> {
  const first = pageSize(page);
  const alias = query.alias;
  const counted = connectionSelections.getStore()?.totalCount ?? true;
  const totalCount = counted ? query.clone().getCount() : undefined;
  const paged = query.clone();
  if (page.after) {
    const [sortValue, id] = decodeCursor(page.after);
    const comparison = order.direction === 'DESC' ? '<' : '>';
    paged.andWhere(`(${alias}.${order.sortKey}, ${alias}.id) ${comparison} (:cursorSort, :cursorId)`, { cursorSort: sortValue, cursorId: id });
  }
  paged.orderBy(`${alias}.${order.sortKey}`, order.direction).addOrderBy(`${alias}.id`, order.direction).take(first + 1);
  let rows: T[];
  try {
    rows = await paged.getMany();
  } catch (error) {
    totalCount?.catch(() => undefined);
    // The same query without the cursor is the caller's own, so a data exception (class 22: not a
    // time, not a UUID, out of range) comes from the cursor's values: the client's input, not a fault.
    if (page.after && /^22/.test(String((error as { driverError?: { code?: unknown } }).driverError?.code ?? ''))) throw invalidCursor();
    throw error;
  }
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(node[order.sortKey], node.id) }));
  const pageInfo = { hasNextPage, hasPreviousPage: Boolean(page.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
  if (totalCount) return { edges, totalCount: await totalCount, pageInfo };
  return uncounted(edges, pageInfo);
}

export function encodeCursor(sortValue: unknown, id: string): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string') return [decoded[0], decoded[1]];
  } catch {
    // falls through to the typed error
  }
  throw invalidCursor();
}

function invalidCursor(): BadUserInputError {
  return BadUserInputError.field('after', 'cursor', 'is not a cursor returned by this list');
}

/**
 * The first page of one connection per parent (each customer's complaints on a page of customers)
 * in one statement: the rows are numbered within each parent in the connection's order and the
 * first `first + 1` of each kept, so a list of fifty parents costs one query and, when selected,
 * one grouped count — not fifty of each. `query` carries the connection's filters; `parentKey` is
 * the property that holds the parent's id. A parent without rows gets an empty connection.
 */
export async function paginateEach<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  parentKey: keyof T & string,
  parentIds: readonly string[],
  page: Pick<PageArgs, 'first'>,
  order: { sortKey: keyof T & string; direction: 'ASC' | 'DESC' },
  counted: boolean,
): Promise<Map<string, Connection<T>>> {
  const first = pageSize(page);
  const alias = query.alias;
  const metadata = query.expressionMap.mainAlias!.metadata;
  const column = (property: string) => `"${alias}"."${metadata.findColumnWithPropertyPath(property)!.databaseName}"`;
  const parents = [...new Set(parentIds)];
  const scoped = query.clone().andWhere(`${column(parentKey)} = ANY(:paginateEachParents)`, { paginateEachParents: parents });
  const ranked = scoped
    .clone()
    .select(`${column('id')}`, 'id')
    .addSelect(`row_number() OVER (PARTITION BY ${column(parentKey)} ORDER BY ${column(order.sortKey)} ${order.direction}, ${column('id')} ${order.direction})`, 'position')
    .orderBy();
  const counts = counted
    ? scoped.clone().select(column(parentKey), 'parent').addSelect('count(*)::int', 'count').groupBy(column(parentKey)).orderBy().getRawMany<{ parent: string; count: number }>()
    : undefined;
  const rows = await scoped
    .clone()
    .andWhere(`${column('id')} IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.position <= :paginateEachLimit)`, { paginateEachLimit: first + 1 })
    .orderBy(`${alias}.${order.sortKey}`, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .getMany();
  const totals = new Map((await counts)?.map((row) => [String(row.parent), Number(row.count)]));
  const grouped = groupedBy(parents, rows, parentKey);
  return new Map(
    [...grouped].map(([parentId, items]) => {
      const edges = items.slice(0, first).map((node) => ({ node, cursor: encodeCursor(node[order.sortKey], node.id) }));
      const pageInfo = { hasNextPage: items.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
      return [parentId, counted ? { edges, pageInfo, totalCount: totals.get(parentId) ?? 0 } : uncounted(edges, pageInfo)];
    }),
  );
}

/**
 * A connection field of a list's items (`Customer.complaints` on a page of customers), loaded for
 * every item of the request at once: first pages through `paginateEach` in one statement per page
 * size, a page after a cursor on its own (it belongs to one parent's list).
 */
export class ConnectionLoader<T> {
  private readonly firstPages: RequestLoader<string, Connection<T>>;

  constructor(
    firstPages: (parentIds: readonly string[], page: { first: number }, counted: boolean) => Promise<ReadonlyMap<string, Connection<T>>>,
    private readonly onePage: (parentId: string, page: PageArgs) => Promise<Connection<T>>,
  ) {
    this.firstPages = new RequestLoader(async (keys) => {
      const answers = new Map<string, Connection<T>>();
      const batches = new Map<string, string[]>();
      for (const key of keys) {
        const [batch, parentId] = splitKey(key);
        batches.set(batch, [...(batches.get(batch) ?? []), parentId]);
      }
      for (const [batch, parentIds] of batches) {
        const [first, counted] = batch.split(':');
        const pages = await firstPages(parentIds, { first: Number(first) }, counted === 'counted');
        for (const parentId of parentIds) answers.set(`${batch}|${parentId}`, pages.get(parentId)!);
      }
      return answers;
    });
  }

  load(scope: object, parentId: string, page: PageArgs): Promise<Connection<T>> {
    if (page.after) return this.onePage(parentId, page);
    const first = pageSize(page);
    const counted = connectionSelections.getStore()?.totalCount ?? true;
    return this.firstPages.load(scope, `${first}:${counted ? 'counted' : 'uncounted'}|${parentId}`);
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

function pageSize(page: Pick<PageArgs, 'first'>): number {
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw BadUserInputError.field('first', 'range', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

function uncounted<T>(edges: Edge<T>[], pageInfo: PageInfo): Connection<T> {
  const connection = { edges, pageInfo } as Connection<T>;
  // Not enumerable: a resolver spreading the connection into another one leaves it out rather than failing.
  return Object.defineProperty(connection, 'totalCount', {
    enumerable: false,
    get() {
      throw new Error('totalCount is counted only when the query selects it');
    },
  });
}
