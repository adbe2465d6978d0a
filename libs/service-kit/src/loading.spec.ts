import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { createTestDatabase } from '@carebridge/local-platform';
import { graphql, type GraphQLSchema } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';
import type { RequestContext } from './context';
import { countStatements, openDatabase } from './database';
import { findManyById, groupedBy, RequestLoader, whereAnyOf } from './loading';
import { maskEmail } from './personal-data';
import { buildFederatedSchema, entityReference, type ReferenceResolvers } from './schema';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity('traveller')
class Traveller {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Column()
  email: string;
}

@ObjectType()
@Entity('stamp')
class Stamp {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'traveller_id', type: 'uuid' })
  travellerId: string;

  @Field()
  @Column()
  country: string;
}

class CreateTravellers1700000000001 implements MigrationInterface {
  name = 'CreateTravellers1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE traveller (id uuid PRIMARY KEY, name text NOT NULL, email text NOT NULL)');
    await queryRunner.query('CREATE TABLE stamp (id uuid PRIMARY KEY, traveller_id uuid NOT NULL REFERENCES traveller (id), country text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stamp');
    await queryRunner.query('DROP TABLE traveller');
  }
}

describe('loading together: entity references and related records (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let schema: GraphQLSchema;
  const travellers = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `Traveller ${i}`, email: `t${i}@example.com` }));

  @Resolver(() => Traveller)
  class TravellerResolver {
    private readonly stamps = new RequestLoader(async (ids: readonly string[]) => {
      const rows = await whereAnyOf(dataSource.getRepository(Stamp).createQueryBuilder('stamp'), 'travellerId', ids).orderBy('stamp.country').getMany();
      return groupedBy(ids, rows, 'travellerId');
    });

    @Query(() => [Traveller])
    travellers(): Promise<Traveller[]> {
      return dataSource.getRepository(Traveller).find({ order: { name: 'ASC' } });
    }

    // Masked unless the caller is staff: decided per request, like the services' personal data.
    @FieldResolver(() => String)
    email(@Root() traveller: Traveller, @Ctx() context: RequestContext): string | null {
      return context.identity?.roles.includes('agent') ? traveller.email : maskEmail(traveller.email);
    }

    @FieldResolver(() => [Stamp])
    stampsOf(@Root() traveller: Traveller, @Ctx() context: RequestContext): Promise<Stamp[]> {
      return this.stamps.load(context, traveller.id);
    }
  }

  const references: ReferenceResolvers = {
    Traveller: entityReference((refs) => findManyById(dataSource.getRepository(Traveller), refs.map((r) => r.id))),
  };

  const asAgent = (): RequestContext => ({ identity: { userId: 'ana', roles: ['agent'] } as Identity, requestId: randomUUID(), logger: undefined as never });
  const asAnalyst = (): RequestContext => ({ identity: { userId: 'bo', roles: ['analyst'] } as Identity, requestId: randomUUID(), logger: undefined as never });

  /** `_entities` as the gateway sends it, with the number of statements it cost. */
  async function entities(ids: string[], context: RequestContext, fields = 'id name email') {
    const { result, statements } = await countStatements(() =>
      graphql({
        schema,
        source: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Traveller { ${fields} } } }`,
        variableValues: { r: ids.map((id) => ({ __typename: 'Traveller', id })) },
        contextValue: context,
      }),
    );
    expect(result.errors).toBeUndefined();
    return { found: (result.data as { _entities: ({ id: string; name: string; email: string; stampsOf?: { country: string }[] } | null)[] })._entities, statements };
  }

  beforeAll(async () => {
    database = await createTestDatabase('test_loading');
    dataSource = await openDatabase({ serverUrl: database.serverUrl, database: database.database, entities: [Traveller, Stamp], migrations: [CreateTravellers1700000000001], poolSize: 4 });
    await dataSource.getRepository(Traveller).insert(travellers);
    await dataSource.getRepository(Stamp).insert(travellers.flatMap((t, i) => (i % 2 ? [] : [{ id: randomUUID(), travellerId: t.id, country: 'PT' }, { id: randomUUID(), travellerId: t.id, country: 'JP' }])));
    schema = await buildFederatedSchema([new TravellerResolver()], references);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('resolves the references of a page in one statement, whatever its size', async () => {
    const few = await entities(travellers.slice(0, 5).map((t) => t.id), asAgent());
    const many = await entities(travellers.map((t) => t.id), asAgent());
    expect(few.found).toHaveLength(5);
    expect(many.found).toHaveLength(20);
    expect([few.statements, many.statements]).toEqual([1, 1]);
  });

  it('keeps the order asked for, repeats, and null for ids it does not know (or that are no UUID)', async () => {
    const unknown = randomUUID();
    const asked = [travellers[7].id, unknown, travellers[2].id, travellers[7].id, 'not-a-uuid', travellers[0].id];
    const { found, statements } = await entities(asked, asAgent(), 'id name');
    expect(found).toEqual([
      { id: travellers[7].id, name: 'Traveller 7' },
      null,
      { id: travellers[2].id, name: 'Traveller 2' },
      { id: travellers[7].id, name: 'Traveller 7' },
      null,
      { id: travellers[0].id, name: 'Traveller 0' },
    ]);
    expect(statements).toBe(1);
  });

  it('masks a reference for a role without need, and never hands one request what another loaded', async () => {
    const ids = travellers.slice(0, 3).map((t) => t.id);
    const agent = asAgent();
    expect((await entities(ids, agent)).found.map((t) => t?.email)).toEqual(['t0@example.com', 't1@example.com', 't2@example.com']);
    expect((await entities(ids, asAnalyst())).found.map((t) => t?.email)).toEqual(['t***@example.com', 't***@example.com', 't***@example.com']);
    // The same request asking again is answered from what it loaded.
    expect((await entities(ids, agent)).statements).toBe(0);
  });

  it('loads a related list for every item of a page in one statement, an item without any getting []', async () => {
    const few = await entities(travellers.slice(0, 5).map((t) => t.id), asAgent(), 'id stampsOf { country }');
    const many = await entities(travellers.map((t) => t.id), asAgent(), 'id stampsOf { country }');
    expect(many.found.map((t) => t?.stampsOf?.map((s) => s.country))).toEqual(travellers.map((_, i) => (i % 2 ? [] : ['JP', 'PT'])));
    expect([few.statements, many.statements]).toEqual([2, 2]);
    const { result, statements } = await countStatements(() => graphql({ schema, source: '{ travellers { name stampsOf { country } } }', contextValue: asAnalyst() }));
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(2);
  });

  it('refuses a reference resolved one by one', async () => {
    const oneByOne = { Traveller: { __resolveReference: (reference: { id: string }) => dataSource.getRepository(Traveller).findOneBy({ id: reference.id }) } };
    await expect(buildFederatedSchema([new TravellerResolver()], oneByOne as unknown as ReferenceResolvers)).rejects.toThrow(
      'The reference of Traveller must be declared with entityReference (resolved per batch)',
    );
  });
});
