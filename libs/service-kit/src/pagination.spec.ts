import { randomUUID } from 'node:crypto';
import { graphql } from 'graphql';
import { Args, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';
import { countStatements, openDatabase } from './database';
import { BadUserInputError } from '@carebridge/domain';
import { type Connection, ConnectionType, encodeCursor, MAX_PAGE_SIZE, PageArgs, paginate } from './pagination';
import { buildFederatedSchema } from './schema';
import { createTestDatabase } from '@carebridge/local-platform';

@Entity('ticket')
class Ticket {
  @PrimaryColumn('uuid')
  id: string;

  @Column()
  subject: string;

  @Column({ type: 'int' })
  priority: number;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

class CreateTicket1700000000000 implements MigrationInterface {
  name = 'CreateTicket1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        priority integer NOT NULL,
        created_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ticket_created_at_id_idx ON ticket (created_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket');
  }
}

@ObjectType('Ticket')
class TicketNode {
  @Field(() => ID)
  id: string;

  @Field()
  subject: string;
}

const TicketConnection = ConnectionType(TicketNode, 'Ticket');

/** The BadUserInputError `promise` rejects with. */
async function badInput(promise: Promise<unknown>): Promise<BadUserInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('paginate (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let tickets: Ticket[];

  const query = () => dataSource.getRepository(Ticket).createQueryBuilder('ticket');
  const newestFirst = (a: Ticket, b: Ticket) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

  /** Every page of a list, following endCursor while hasNextPage. */
  async function allPages(first: number, list: (after?: string) => Promise<Connection<Ticket>>): Promise<Connection<Ticket>[]> {
    const pages: Connection<Ticket>[] = [];
    let after: string | undefined;
    do {
      const page = await list(after);
      pages.push(page);
      after = page.pageInfo.endCursor ?? undefined;
      if (pages.length > 50) throw new Error('pagination does not end');
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    expect(pages.slice(0, -1).every((p) => p.edges.length === first)).toBe(true);
    return pages;
  }

  beforeAll(async () => {
    database = await createTestDatabase('test_pagination');
    dataSource = await openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [Ticket], migrations: [CreateTicket1700000000000], poolSize: 4 });
    // 45 tickets; every third shares its creation time with the one before, so the id breaks ties.
    const start = Date.parse('2026-03-01T08:00:00.000Z');
    tickets = Array.from({ length: 45 }, (_, i) => ({
      id: randomUUID(),
      subject: `Ticket ${i}`,
      priority: i % 4,
      createdAt: new Date(start + Math.floor(i / 3) * 60_000 + (i % 3 === 2 ? 1 : 0)),
    }));
    await dataSource.getRepository(Ticket).insert(tickets);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('pages forward through 45 rows, 20 at a time, newest first, with nothing missed or repeated', async () => {
    const pages = await allPages(20, (after) => paginate(query(), { first: 20, after }));
    expect(pages.map((p) => p.edges.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.map((p) => p.totalCount)).toEqual([45, 45, 45]);
    const ids = pages.flatMap((p) => p.edges.map((e) => e.node.id));
    expect(new Set(ids).size).toBe(45);
    expect(ids).toEqual([...tickets].sort(newestFirst).map((t) => t.id));
  });

  it('gives each edge its cursor and the page its first and last cursor', async () => {
    const page = await paginate(query(), { first: 3 });
    expect(page.edges.map((e) => e.cursor)).toEqual(page.edges.map((e) => encodeCursor(e.node.createdAt, e.node.id)));
    expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[2].cursor);
    expect(page.edges[0].node).toBeInstanceOf(Ticket);
    const next = await paginate(query(), { first: 3, after: page.edges[1].cursor });
    expect(next.edges[0].node.id).toBe(page.edges[2].node.id);
  });

  it('pages in ascending order of another key, ties broken by id', async () => {
    const order = { sortKey: 'priority' as const, direction: 'ASC' as const };
    const pages = await allPages(7, (after) => paginate(query(), { first: 7, after }, order));
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes).toHaveLength(45);
    const expected = [...tickets].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
    expect(nodes.map((n) => n.id)).toEqual(expected.map((t) => t.id));
  });

  it('counts and pages only the rows of a filtered query', async () => {
    const filtered = () => query().where('ticket.priority = :priority', { priority: 1 });
    const pages = await allPages(5, (after) => paginate(filtered(), { first: 5, after }));
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(pages[0].totalCount).toBe(tickets.filter((t) => t.priority === 1).length);
    expect(nodes).toHaveLength(pages[0].totalCount);
    expect(nodes.every((n) => n.priority === 1)).toBe(true);
  });

  it('takes 20 by default and the whole list when it fits', async () => {
    const page = await paginate(query(), {});
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const all = await paginate(query(), { first: MAX_PAGE_SIZE });
    expect(all.edges).toHaveLength(45);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const exact = await paginate(query(), { first: 45 });
    expect(exact.pageInfo.hasNextPage).toBe(false);
    const oneShort = await paginate(query(), { first: 44 });
    expect(oneShort.pageInfo.hasNextPage).toBe(true);
  });

  it('gives an empty page with no cursors for an empty list', async () => {
    const page = await paginate(query().where('1 = 0'), { first: 10 });
    expect(page).toEqual({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('is not thrown off by rows added between pages', async () => {
    const first = await paginate(query(), { first: 10 });
    const added = { id: randomUUID(), subject: 'Newest', priority: 0, createdAt: new Date('2030-01-01T00:00:00.000Z') };
    await dataSource.getRepository(Ticket).insert(added);
    try {
      const second = await paginate(query(), { first: 10, after: first.pageInfo.endCursor! });
      const expected = [...tickets].sort(newestFirst).slice(10, 20).map((t) => t.id);
      expect(second.edges.map((e) => e.node.id)).toEqual(expected);
      expect(second.totalCount).toBe(46);
    } finally {
      await dataSource.getRepository(Ticket).delete(added.id);
    }
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5, Number.NaN])('refuses first = %s, naming `first`', async (first) => {
    const error = await badInput(paginate(query(), { first }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', problems: [{ field: 'first', rule: 'range' }] });
    expect(error.message).toBe('first: must be a whole number from 1 to 100');
  });

  it.each([
    ['text that is not base64 JSON', 'not a cursor!'],
    ['JSON that is not a pair', Buffer.from('{"id":"x"}').toString('base64url')],
    ['a pair without an id', Buffer.from('["2026-03-01T08:00:00.000Z", 7]').toString('base64url')],
    ['a one-item list', Buffer.from('["x"]').toString('base64url')],
    ['a sort value that is not a time', encodeCursor('last tuesday', randomUUID())],
    ['an id that is not a UUID', encodeCursor(new Date(), 'not-a-uuid')],
    ['a sort value of the wrong shape', encodeCursor({ $gt: '' }, randomUUID())],
  ])('refuses %s as `after`', async (_label, after) => {
    const error = await badInput(paginate(query(), { first: 5, after }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', problems: [{ field: 'after', rule: 'cursor' }] });
    expect(error.message).toBe('after: is not a cursor returned by this list');
  });

  describe('through GraphQL: the count only when totalCount is selected', () => {
    @Resolver()
    class TicketResolver {
      @Query(() => TicketConnection)
      tickets(@Args() page: PageArgs): Promise<Connection<Ticket>> {
        return paginate(query(), page);
      }
    }

    /** The answer and how many statements it took. */
    async function run(source: string) {
      const schema = await buildFederatedSchema([new TicketResolver()]);
      const { result, statements } = await countStatements(() => graphql({ schema, source, contextValue: {} }));
      expect(result.errors).toBeUndefined();
      return { data: result.data as { tickets: { totalCount?: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }, statements };
    }

    it('pages with one statement when totalCount is not asked for', async () => {
      const { data, statements } = await run('{ tickets(first: 5) { edges { node { id subject } } pageInfo { hasNextPage endCursor } } }');
      expect(data.tickets.edges).toHaveLength(5);
      expect(data.tickets.pageInfo.hasNextPage).toBe(true);
      expect(statements).toBe(1);
    });

    it('counts when totalCount is selected, directly or through a fragment', async () => {
      const direct = await run('{ tickets(first: 5) { totalCount edges { node { id } } } }');
      expect(direct.data.tickets.totalCount).toBe(45);
      expect(direct.statements).toBe(2);
      const fragment = await run('{ tickets(first: 5) { ...counted } } fragment counted on TicketConnection { edges { cursor } ... on TicketConnection { totalCount } }');
      expect(fragment.data.tickets.totalCount).toBe(45);
      expect(fragment.statements).toBe(2);
    });

    it('refuses to read a count that was not made; outside GraphQL it always counts', async () => {
      @Resolver()
      class CountReadingResolver {
        @Query(() => TicketConnection)
        async ticketsReadingTheCount(@Args() page: PageArgs): Promise<Connection<Ticket>> {
          const connection = await paginate(query(), page);
          if (connection.totalCount > 100) throw new Error('unexpected');
          return connection;
        }
      }
      const schema = await buildFederatedSchema([new CountReadingResolver()]);
      const result = await graphql({ schema, source: '{ ticketsReadingTheCount(first: 2) { edges { cursor } } }', contextValue: {} });
      expect(result.errors?.[0]?.message).toBe('totalCount is counted only when the query selects it');
      expect((await paginate(query(), { first: 2 })).totalCount).toBe(45);
    });
  });

  it('refuses a cursor of another list whose sort key is a number', async () => {
    const order = { sortKey: 'priority' as const, direction: 'ASC' as const };
    const error = await badInput(paginate(query(), { first: 5, after: encodeCursor('2026-03-01T08:00:00.000Z', randomUUID()) }, order));
    expect(error.extensions).toMatchObject({ field: 'after' });
  });
});
