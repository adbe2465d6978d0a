import { AsyncLocalStorage } from 'node:async_hooks';
import { BadUserInputError } from '@carebridge/domain';
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { type ClassType, Field, Int, ObjectType, Directive, ArgsType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw BadUserInputError.field('first', 'range', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
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
  const connection = { edges, pageInfo } as Connection<T>;
  // Not enumerable: a resolver spreading the connection into another one leaves it out rather than failing.
  return Object.defineProperty(connection, 'totalCount', {
    enumerable: false,
    get() {
      throw new Error('totalCount is counted only when the query selects it');
    },
  });
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
