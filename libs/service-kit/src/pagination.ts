import { BadUserInputError } from '@carebridge/domain';
import { type ClassType, Field, Int, ObjectType, Directive, ArgsType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection stands (Relay cursor connections).' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
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
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionObject {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
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

/**
 * Keyset pagination on a query builder: ordered by `sortKey` then `id` (both the same direction),
 * the cursor holds the last row's values, so a page costs an index range scan however deep it is.
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
  const totalCount = await query.clone().getCount();
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
    // The same query without the cursor just counted fine, so a data exception (class 22: not a
    // time, not a UUID, out of range) comes from the cursor's values: the client's input, not a fault.
    if (page.after && /^22/.test(String((error as { driverError?: { code?: unknown } }).driverError?.code ?? ''))) throw invalidCursor();
    throw error;
  }
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(node[order.sortKey], node.id) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
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
