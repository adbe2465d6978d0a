import { Writable } from 'node:stream';
import { type Identity, identityToHeaders } from '@carebridge/auth';
import { createTestDatabase, freePort } from '@carebridge/local-platform';
import { Arg, Authorized, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner } from 'typeorm';
import { defineSubgraph, type RunningSubgraph, startSubgraph } from './subgraph';

enum ContactChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(ContactChannel, { name: 'ContactChannel' });

@ObjectType()
@Entity('registrant')
class Registrant {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  fullName: string;

  @Field()
  @Column()
  email: string;

  @Field()
  @Column()
  phone: string;

  @Field()
  @Column()
  code: string;

  @Field(() => ContactChannel)
  @Column({ type: 'text' })
  channel: ContactChannel;
}

@InputType()
class RegistrantInput {
  @Field()
  fullName: string;

  @Field()
  email: string;

  @Field()
  phone: string;

  @Field()
  code: string;

  @Field(() => ContactChannel)
  channel: ContactChannel;
}

class CreateRegistrant1763900000201 implements MigrationInterface {
  name = 'CreateRegistrant1763900000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE registrant (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "fullName" text NOT NULL, email text NOT NULL UNIQUE, phone text NOT NULL, code varchar(8) NOT NULL, channel text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE registrant');
  }
}

@Resolver(() => Registrant)
class RegistrantResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Authorized()
  @Query(() => Registrant, { nullable: true })
  registrant(@Arg('id') id: string): Promise<Registrant | null> {
    return this.dataSource.getRepository(Registrant).findOneBy({ id });
  }

  // Written without the rules a service should have (no @MaxLength, no duplicate check): the kit is the last line.
  @Authorized()
  @Mutation(() => Registrant)
  register(@Arg('input', () => RegistrantInput) input: RegistrantInput): Promise<Registrant> {
    return this.dataSource.transaction((manager) => manager.getRepository(Registrant).save({ ...input }));
  }

  @Authorized()
  @Mutation(() => Boolean)
  async registerByEvent(@Arg('email') email: string): Promise<boolean> {
    await this.dataSource.query('INSERT INTO registrant ("fullName", email, phone, code, channel) VALUES ($1, $2, $3, $4, $5)', ['Marked Personperson', email, '+44 20 7946 0001', 'C', 'EMAIL']);
    return true;
  }
}

const registrantSubgraph = defineSubgraph({
  name: 'registrants',
  entities: [Registrant],
  migrations: [CreateRegistrant1763900000201],
  build: ({ dataSource }) => ({
    resolvers: [new RegistrantResolver(dataSource)],
    httpRoutes: [
      {
        prefix: '/cards/',
        async handle({ rest }) {
          await dataSource.query('SELECT * FROM registrant WHERE id = $1', [decodeURIComponent(rest)]);
          return { status: 200, body: 'card' };
        },
      },
    ],
  }),
});

const SECRET = 'r'.repeat(32);
const AGENT: Identity = { userId: 'agent-1', roles: ['agent'] };
/** Personal data marked so that any trace of it in a log line is found. */
const MARK = {
  fullName: 'Marked Zebedee-Quillfeather',
  email: 'marked.zebedee@pii.example',
  phone: '+44 20 7946 0777',
};

describe('bad input and database errors, over HTTP (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let subgraph: RunningSubgraph;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('test_input_errors');
    subgraph = await startSubgraph(registrantSubgraph, {
      env: {
        DATABASE_URL: process.env.CAREBRIDGE_TEST_POSTGRES_URL,
        DATABASE_NAME: database.database,
        EVENTS_DATABASE_NAME: `${database.database}_events`,
        PORT: String(await freePort()),
        LOG_LEVEL: 'trace',
        NODE_ENV: 'production',
        SUBGRAPH_SECRET: SECRET,
        CUSTOMER_KEYS_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
        DATABASE_POOL_SIZE: '4',
      },
      logDestination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.drop();
  });

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-carebridge-subgraph-secret': SECRET, ...identityToHeaders(AGENT) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as any;
  }
  const REGISTER = 'mutation ($input: RegistrantInput!) { register(input: $input) { id } }';
  const valid = { ...MARK, code: 'ABC', channel: 'EMAIL' };

  describe('coercion errors are BAD_USER_INPUT naming the field', () => {
    it.each([
      ['a wrong enum value', REGISTER, { input: { ...valid, channel: 'PIGEON' } }, 'input.channel'],
      ['a number where a string belongs', REGISTER, { input: { ...valid, fullName: 42 } }, 'input.fullName'],
      ['a missing required field', REGISTER, { input: { fullName: 'A', email: 'a@b.c', phone: '+1', code: 'X' } }, 'input.channel'],
      ['a field the input does not have', REGISTER, { input: { ...valid, shoeSize: 44 } }, 'input.shoeSize'],
      ['a variable of another name', 'mutation ($r: RegistrantInput!) { register(input: $r) { id } }', { r: { ...valid, channel: 7 } }, 'input.channel'],
      ['a missing variable', REGISTER, {}, 'input'],
      ['a wrong enum literal', 'mutation { register(input: { fullName: "A", email: "a@b.c", phone: "+1", code: "X", channel: PIGEON }) { id } }', undefined, 'input.channel'],
      ['a number literal where a string belongs', '{ registrant(id: 5) { id } }', undefined, 'id'],
    ])('%s', async (_label, query, variables, field) => {
      const reply = await run(query, variables);
      expect(reply.errors.length).toBeGreaterThan(0);
      for (const error of reply.errors) expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  it('refuses a NUL byte (500 before the kit checked every input) with BAD_USER_INPUT naming the field', async () => {
    const reply = await run(REGISTER, { input: { ...valid, email: 'nul\u0000@pii.example' } });
    expect(reply.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('answers a value the database cannot store with BAD_USER_INPUT, not a 500', async () => {
    expect((await run(REGISTER, { input: { ...valid, email: 'long@pii.example', code: 'X'.repeat(50) } })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await run('query ($id: String!) { registrant(id: $id) { id } }', { id: MARK.email })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('writes no personal data to any log line when database errors are logged', async () => {
    await run(REGISTER, { input: valid });
    // A duplicate (unique violation: the server's detail names the e-mail), through a transaction and a plain query.
    expect((await run(REGISTER, { input: valid })).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await run('mutation ($e: String!) { registerByEvent(email: $e) }', { e: MARK.email })).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    // Values the database quotes in its message: an id that is no UUID, in GraphQL and in a route.
    await run('query ($id: String!) { registrant(id: $id) { id } }', { id: MARK.fullName });
    await fetch(subgraph.url.replace(/\/graphql$/, `/cards/${encodeURIComponent(MARK.phone)}`), { headers: { 'x-carebridge-subgraph-secret': SECRET } });
    // A value too long for its column.
    await run(REGISTER, { input: { ...valid, email: 'other@pii.example', code: `${MARK.fullName}-${MARK.phone}` } });

    const errorLines = lines.filter((line) => JSON.parse(line).level >= 40);
    expect(errorLines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      for (const value of [...Object.values(MARK), 'marked.zebedee', 'Zebedee', '7946 0777', '7946 0001']) expect(line).not.toContain(value);
      expect(line).not.toMatch(/"parameters"|"detail"/);
    }
    // What an operator needs stays: the kind of failure and where.
    expect(errorLines.some((line) => line.includes('"code":"23505"') && line.includes('registrant'))).toBe(true);
    expect(errorLines.some((line) => line.includes('"code":"22P02"'))).toBe(true);
  });
});
