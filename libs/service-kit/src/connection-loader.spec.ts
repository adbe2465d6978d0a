import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@carebridge/local-platform';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';
import { countStatements, openDatabase } from './database';
import { type Connection, ConnectionLoader, paginate, paginateEach, resolvingConnection } from './pagination';

@Entity('booking_note')
class BookingNote {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'traveller_id', type: 'uuid' })
  travellerId: string;

  @Column()
  text: string;

  @Column({ name: 'written_at', type: 'timestamptz', precision: 3 })
  writtenAt: Date;
}

class CreateBookingNote1700000000000 implements MigrationInterface {
  name = 'CreateBookingNote1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE booking_note (id uuid PRIMARY KEY, traveller_id uuid NOT NULL, text text NOT NULL, written_at timestamptz(3) NOT NULL)`);
    await queryRunner.query('CREATE INDEX booking_note_traveller_idx ON booking_note (traveller_id, written_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE booking_note');
  }
}

const ORDER = { sortKey: 'writtenAt', direction: 'DESC' } as const;

describe('one connection per parent in one statement (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const travellers = Array.from({ length: 6 }, () => randomUUID());
  const query = () => dataSource.getRepository(BookingNote).createQueryBuilder('note');
  const alone = (travellerId: string, page: { first?: number; after?: string }) => paginate(query().where('note.travellerId = :travellerId', { travellerId }), page, ORDER);
  const nodes = (connection: Connection<BookingNote>) => connection.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    database = await createTestDatabase('test_connection_loader');
    dataSource = await openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [BookingNote], migrations: [CreateBookingNote1700000000000], poolSize: 2 });
    const start = Date.parse('2026-03-01T00:00:00Z');
    // Traveller i has i * 3 notes; two share a time, so the id breaks the tie.
    const notes = travellers.flatMap((travellerId, i) =>
      Array.from({ length: i * 3 }, (_, n) => ({ id: randomUUID(), travellerId, text: `note ${n}`, writtenAt: new Date(start + Math.floor(n / 2) * 60_000) })),
    );
    await dataSource.getRepository(BookingNote).insert(notes);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers each parent as paginating it alone would: the same page, cursors, next-page flag and count', async () => {
    const pages = await paginateEach(query(), 'travellerId', travellers, { first: 4 }, ORDER, true);
    for (const travellerId of travellers) {
      const expected = await alone(travellerId, { first: 4 });
      expect(pages.get(travellerId)).toEqual(expected);
    }
    expect(pages.get(travellers[0])).toMatchObject({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("keeps the connection's own filters, and leaves totalCount out when it is not counted", async () => {
    const pages = await paginateEach(query().where('note.text LIKE :text', { text: 'note 1%' }), 'travellerId', travellers, { first: 2 }, ORDER, false);
    const filtered = await paginate(query().where('note.travellerId = :t AND note.text LIKE :text', { t: travellers[5], text: 'note 1%' }), { first: 2 }, ORDER);
    expect(nodes(pages.get(travellers[5])!)).toEqual(nodes(filtered));
    expect(() => pages.get(travellers[5])!.totalCount).toThrow(/only when the query selects it/);
  });

  it('loads the first pages of a whole list in one statement, and a page after a cursor on its own', async () => {
    const loader = new ConnectionLoader<BookingNote>(
      (parentIds, page, counted) => paginateEach(query(), 'travellerId', parentIds, page, ORDER, counted),
      (parentId, page) => alone(parentId, page),
    );
    const request = {};
    const { result, statements } = await countStatements(() =>
      resolvingConnection({ fieldNodes: [], fragments: {} } as never, () => Promise.all(travellers.map((t) => loader.load(request, t, { first: 3 })))),
    );
    expect(statements).toBe(1);
    expect(result.map(nodes)).toEqual(await Promise.all(travellers.map(async (t) => nodes(await alone(t, { first: 3 })))));
    const next = await loader.load(request, travellers[5], { first: 3, after: result[5].pageInfo.endCursor! });
    expect(nodes(next)).toEqual(nodes(await alone(travellers[5], { first: 3, after: result[5].pageInfo.endCursor! })));
  });

  it('refuses a page size out of range as bad input on `first`', async () => {
    await expect(paginateEach(query(), 'travellerId', travellers, { first: 0 }, ORDER, false)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });
});
