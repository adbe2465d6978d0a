import { BadUserInputError } from '@carebridge/domain';
import { ArgsType, Field, Int } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { groupedBy, RequestLoader } from './loading';
import { MAX_PAGE_SIZE } from './pagination';

/**
 * `first` of a list field kept as a plain list (`Inquiry.messages`), not a connection: the list's
 * first items in its own order, at most MAX_PAGE_SIZE, by default all of them up to that bound.
 * Clients that never sent `first` keep their query and their answer for every record within the
 * bound; beyond it the list is cut rather than the subgraph reading thousands of rows.
 */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: `How many items, from the first in the list's order: 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}, the bound).` })
  first?: number;
}

export function listSize(args: ListArgs): number {
  const first = args.first ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw BadUserInputError.field('first', 'range', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return first;
}

/**
 * The first `first` rows of each parent's list in one statement, each parent's rows numbered in
 * the list's order (`order`, the last entry a unique tie-break). Like `paginateEach`, but in a
 * list's own order with no cursor, so that a bounded list keeps the order it always had.
 */
export async function firstOfEach<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  parentKey: keyof T & string,
  parentIds: readonly string[],
  first: number,
  order: readonly [keyof T & string, 'ASC' | 'DESC'][],
): Promise<Map<string, T[]>> {
  const alias = query.alias;
  const metadata = query.expressionMap.mainAlias!.metadata;
  const column = (property: string) => `"${alias}"."${metadata.findColumnWithPropertyPath(property)!.databaseName}"`;
  const parents = [...new Set(parentIds)];
  const scoped = query.clone().andWhere(`${column(parentKey)} = ANY(:firstOfEachParents)`, { firstOfEachParents: parents });
  const ranking = order.map(([property, direction]) => `${column(property)} ${direction}`).join(', ');
  const ranked = scoped.clone().select(column('id'), 'id').addSelect(`row_number() OVER (PARTITION BY ${column(parentKey)} ORDER BY ${ranking})`, 'position').orderBy();
  const listed = scoped
    .clone()
    .andWhere(`${column('id')} IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.position <= :firstOfEachLimit)`, { firstOfEachLimit: first })
    .orderBy();
  for (const [property, direction] of order) listed.addOrderBy(`${alias}.${property}`, direction);
  return groupedBy(parents, await listed.getMany(), parentKey);
}

/** A bounded list field of a list's items, loaded for every item of the request at once, one statement per `first`. */
export class ListLoader<T> {
  private readonly lists: RequestLoader<string, T[]>;

  constructor(listsOf: (parentIds: readonly string[], first: number) => Promise<ReadonlyMap<string, T[]>>) {
    this.lists = new RequestLoader(async (keys) => {
      const byFirst = new Map<number, string[]>();
      for (const key of keys) {
        const at = key.indexOf('|');
        const first = Number(key.slice(0, at));
        byFirst.set(first, [...(byFirst.get(first) ?? []), key.slice(at + 1)]);
      }
      const answers = new Map<string, T[]>();
      for (const [first, parentIds] of byFirst) {
        const lists = await listsOf(parentIds, first);
        for (const parentId of parentIds) answers.set(`${first}|${parentId}`, lists.get(parentId) ?? []);
      }
      return answers;
    });
  }

  load(scope: object, parentId: string, args: ListArgs): Promise<T[]> {
    return this.lists.load(scope, `${listSize(args)}|${parentId}`);
  }
}
