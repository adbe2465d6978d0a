import { randomBytes } from 'node:crypto';
import { developmentSubgraphSecret, type Identity, identityToHeaders } from '@carebridge/auth';
import { ConfigurationError } from '@carebridge/config';
import { NotFoundError } from '@carebridge/domain';
import { freePort } from '@carebridge/local-platform';
import { Client } from 'pg';
import { Arg, Authorized, Ctx, Directive, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, type DataSource, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner } from 'typeorm';
import { beforeAnswer, caller, type RequestContext } from './context';
import { databaseUrl } from '@carebridge/config';
import { findManyById } from './loading';
import { entityReference } from './schema';
import { defineSubgraph, type RunningSubgraph, startSubgraph, subgraphSettings } from './subgraph';
import { createTestDatabase } from '@carebridge/local-platform';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity('widget')
class Widget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;
}

/** What `audited` queries left to do before their answers, in the order it was done. */
const auditTrail: string[] = [];

/** How often the widget migration has run, across every start in this file. */
let widgetMigrationRuns = 0;
/** Called when a `slow` request has reached its resolver. */
let slowEntered: (() => void) | undefined;

class CreateWidget1763900000001 implements MigrationInterface {
  name = 'CreateWidget1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    widgetMigrationRuns += 1;
    await queryRunner.query('CREATE TABLE widget (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE widget');
  }
}

@Resolver(() => Widget)
class WidgetResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [Widget])
  widgets(): Promise<Widget[]> {
    return this.dataSource.getRepository(Widget).find({ order: { name: 'ASC' } });
  }

  @Authorized()
  @Query(() => String)
  whoAmI(@Ctx() context: RequestContext): string {
    const identity = caller(context);
    return JSON.stringify({ userId: identity.userId, roles: identity.roles, name: identity.name, requestId: context.requestId });
  }

  @Authorized('crm_manager')
  @Mutation(() => Widget)
  createWidget(@Arg('name') name: string): Promise<Widget> {
    return this.dataSource.getRepository(Widget).save({ name });
  }

  @Authorized()
  @Query(() => String)
  async slow(): Promise<string> {
    slowEntered?.();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [{ answer }] = await this.dataSource.query('SELECT 42 AS answer');
    return `done ${answer}`;
  }

  // Two fields of one request leave work for the end of the request; `fail` makes that work fail.
  @Query(() => String)
  audited(@Arg('fail', { defaultValue: false }) fail: boolean, @Ctx() context: RequestContext): string {
    beforeAnswer(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (fail) throw new Error('audit store unreachable');
      auditTrail.push(context.requestId);
    });
    return 'secret';
  }

  @Query(() => String)
  broken(): string {
    throw new Error('relation "widget_secret" does not exist at 10.1.2.3:5432');
  }
}

const widgetSubgraph = defineSubgraph({
  name: 'widgets',
  entities: [Widget],
  migrations: [CreateWidget1763900000001],
  build({ dataSource }) {
    return {
      resolvers: [new WidgetResolver(dataSource)],
      references: { Widget: entityReference((references) => findManyById(dataSource.getRepository(Widget), references.map((reference) => reference.id))) },
      httpRoutes: [
        {
          prefix: '/labels/',
          async handle({ rest, identity, url }) {
            if (rest === 'missing') throw new NotFoundError('Label', rest);
            if (rest === 'broken') throw new Error('connection to 10.1.2.3 refused');
            return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `label ${rest} for ${identity?.userId ?? 'anyone'} (${url.searchParams.get('size')})` };
          },
        },
      ],
    };
  },
});

const SECRET = 'x'.repeat(32);
const ADMIN: Identity = { userId: 'admin-1', roles: ['admin'], name: 'Ada Admin' };
const AGENT: Identity = { userId: 'agent-1', roles: ['agent'], name: 'Zoë Ångström 李' };
const MANAGER: Identity = { userId: 'manager-1', roles: ['crm_manager'] };

interface Reply {
  status: number;
  body: any;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Headers as the gateway sends them: the subgraph's secret and, for a caller, their identity. */
const fromGateway = (identity?: Identity, extra: Record<string, string> = {}) => ({
  'x-carebridge-subgraph-secret': SECRET,
  ...(identity ? identityToHeaders(identity) : {}),
  ...extra,
});

const serverUrl = () => {
  const url = process.env.CAREBRIDGE_TEST_POSTGRES_URL;
  if (!url) throw new Error('no test Postgres');
  return url;
};

async function adminQuery<T = any>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(serverUrl(), database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}


describe('startSubgraph (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const eventsDatabase = `test_events_${randomBytes(5).toString('hex')}`;
  const started: RunningSubgraph[] = [];

  async function start(databaseName = database.database, overrides: Record<string, string> = {}): Promise<RunningSubgraph> {
    const subgraph = await startSubgraph(widgetSubgraph, {
      env: {
        DATABASE_URL: serverUrl(),
        DATABASE_NAME: databaseName,
        EVENTS_DATABASE_NAME: eventsDatabase,
        PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        SUBGRAPH_SECRET: SECRET,
        CUSTOMER_KEYS_MASTER_KEY: randomBytes(32).toString('base64'),
        DATABASE_POOL_SIZE: '4',
        ...overrides,
      },
    });
    started.push(subgraph);
    return subgraph;
  }

  beforeAll(async () => {
    database = await createTestDatabase('test_subgraph');
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    await database?.drop();
    await adminQuery(`DROP DATABASE IF EXISTS "${eventsDatabase}" WITH (FORCE)`);
  });

  describe('a running subgraph', () => {
    let subgraph: RunningSubgraph;
    let root: string;

    beforeAll(async () => {
      subgraph = await start();
      root = subgraph.url.replace(/\/graphql$/, '');
    });

    it('listens on the configured host and port', () => {
      expect(subgraph.url).toBe(`http://127.0.0.1:${subgraph.port}/graphql`);
      expect(subgraph.name).toBe('widgets');
    });

    describe('refuses requests without its secret with 401', () => {
      it.each([
        ['a query', { query: '{ widgets { id } }' }],
        ['_service', { query: '{ _service { sdl } }' }],
        ['_entities', { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { name } } }', variables: { r: [{ __typename: 'Widget', id: '00000000-0000-0000-0000-000000000000' }] } }],
      ])('for %s', async (_label, body) => {
        const reply = await post(subgraph.url, body);
        expect(reply.status).toBe(401);
        expect(reply.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(reply.body.data).toBeUndefined();
      });

      it('for a wrong secret, even with an admin identity', async () => {
        const reply = await post(subgraph.url, { query: '{ whoAmI }' }, { ...identityToHeaders(ADMIN), 'x-carebridge-subgraph-secret': 'y'.repeat(32) });
        expect(reply.status).toBe(401);
      });

      it('for identity headers without any secret', async () => {
        expect((await post(subgraph.url, { query: '{ whoAmI }' }, identityToHeaders(ADMIN))).status).toBe(401);
      });
    });

    it('finishes the work a request left (beforeAnswer) before the answer leaves, and withholds the answer if it fails', async () => {
      const done = await post(subgraph.url, { query: '{ first: audited second: audited }' }, fromGateway(undefined, { 'x-request-id': 'req-audited' }));
      expect(done.body).toEqual({ data: { first: 'secret', second: 'secret' } });
      expect(auditTrail).toEqual(['req-audited', 'req-audited']);
      const failed = await post(subgraph.url, { query: '{ audited(fail: true) }' }, fromGateway());
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(JSON.stringify(failed.body)).not.toContain('secret');
    });

    it('answers a query with its secret', async () => {
      const reply = await post(subgraph.url, { query: '{ widgets { id name } }' }, fromGateway());
      expect(reply).toEqual({ status: 200, body: { data: { widgets: [] } } });
    });

    it('serves its federation SDL with the entity key', async () => {
      const reply = await post(subgraph.url, { query: '{ _service { sdl } }' }, fromGateway());
      expect(reply.status).toBe(200);
      expect(reply.body.data._service.sdl).toMatch(/type Widget\s+@key\(fields: "id"\)/);
      expect(reply.body.data._service.sdl).toContain('createWidget(name: String!): Widget!');
    });

    it('passes the identity and request id from the headers to resolvers, Unicode names included', async () => {
      const reply = await post(subgraph.url, { query: '{ whoAmI }' }, fromGateway(AGENT, { 'x-request-id': 'req-42' }));
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body.data.whoAmI)).toEqual({ userId: 'agent-1', roles: ['agent'], name: 'Zoë Ångström 李', requestId: 'req-42' });
    });

    it('makes up a request id when none is sent', async () => {
      const reply = await post(subgraph.url, { query: '{ whoAmI }' }, fromGateway(MANAGER));
      expect(JSON.parse(reply.body.data.whoAmI).requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers @Authorized fields without an identity with UNAUTHENTICATED', async () => {
      const reply = await post(subgraph.url, { query: '{ whoAmI }' }, fromGateway());
      expect(reply.status).toBe(200);
      expect(reply.body.data).toBeNull();
      expect(reply.body.errors).toEqual([expect.objectContaining({ path: ['whoAmI'], extensions: { code: 'UNAUTHENTICATED' } })]);
    });

    it('answers a caller without the role with FORBIDDEN naming the roles, and writes nothing', async () => {
      const reply = await post(subgraph.url, { query: 'mutation { createWidget(name: "Forbidden") { id } }' }, fromGateway(AGENT));
      expect(reply.body.errors).toEqual([
        expect.objectContaining({ message: 'This needs one of the roles: crm_manager', path: ['createWidget'], extensions: { code: 'FORBIDDEN' } }),
      ]);
      expect(await subgraph.dataSource.getRepository(Widget).countBy({ name: 'Forbidden' })).toBe(0);
    });

    it('lets the role and admin through, and resolves the entity by reference', async () => {
      const created = await post(subgraph.url, { query: 'mutation { createWidget(name: "Boarding pass printer") { id name } }' }, fromGateway(MANAGER));
      expect(created.body.errors).toBeUndefined();
      const byAdmin = await post(subgraph.url, { query: 'mutation { createWidget(name: "Admin widget") { id } }' }, fromGateway(ADMIN));
      expect(byAdmin.body.errors).toBeUndefined();
      const { id } = created.body.data.createWidget;

      const entities = await post(
        subgraph.url,
        {
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { id name } } }',
          variables: { r: [{ __typename: 'Widget', id }, { __typename: 'Widget', id: '00000000-0000-0000-0000-000000000000' }] },
        },
        fromGateway(),
      );
      expect(entities).toEqual({ status: 200, body: { data: { _entities: [{ id, name: 'Boarding pass printer' }, null] } } });
    });

    it('hides an unexpected error in production', async () => {
      const reply = await post(subgraph.url, { query: '{ broken }' }, fromGateway(ADMIN));
      expect(reply.body.errors).toEqual([{ message: 'Internal server error', path: ['broken'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(reply.body)).not.toMatch(/widget_secret|10\.1\.2\.3|stacktrace/);
    });

    it('answers a query with a GraphQL error in production without a stack trace', async () => {
      const reply = await post(subgraph.url, { query: '{ nope }' }, fromGateway());
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    });

    it('reports itself alive on GET /healthz, without the secret', async () => {
      const response = await fetch(`${root}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('reports itself ready on GET /readyz, with its database and event transport', async () => {
      const response = await fetch(`${root}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ready',
        database: 'reachable',
        transport: 'embedded',
        outbox: expect.objectContaining({ pending: 0, oldestPendingSeconds: 0, published: 0 }),
        // No event handlers: nothing to catch up with.
        caughtUp: true,
      });
    });

    it('serves Prometheus metrics on GET /metrics', async () => {
      const response = await fetch(`${root}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toContain('# TYPE carebridge_outbox_pending_events gauge');
      expect(text).toMatch(/^carebridge_outbox_pending_events\{service="widgets"\} 0$/m);
      expect(text).toMatch(/^carebridge_outbox_published_total\{service="widgets"\} 0$/m);
    });

    it('refuses a request body over the limit with 413', async () => {
      const reply = await post(subgraph.url, { query: '{ widgets { id } }', variables: { padding: 'x'.repeat(1_000_001) } }, fromGateway());
      expect(reply.status).toBe(413);
      expect(reply.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('serves its own GET routes behind its secret, with the identity when there is one, and domain errors as JSON', async () => {
      const label = await fetch(`${root}/labels/w-1?size=A6`, { headers: fromGateway(AGENT) });
      expect(label.status).toBe(200);
      expect(label.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await label.text()).toBe('label w-1 for agent-1 (A6)');
      expect(await (await fetch(`${root}/labels/w-2`, { headers: fromGateway() })).text()).toBe('label w-2 for anyone (null)');
      expect((await fetch(`${root}/labels/w-1`)).status).toBe(401);
      const missing = await fetch(`${root}/labels/missing`, { headers: fromGateway() });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { extensions: unknown } }).error.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Label', id: 'missing' });
      const broken = await fetch(`${root}/labels/broken`, { headers: fromGateway() });
      expect(broken.status).toBe(500);
      expect(await broken.text()).not.toContain('10.1.2.3');
      expect((await fetch(`${root}/labels/w-1`, { method: 'POST', headers: fromGateway() })).status).toBe(404);
    });

    it('refuses a body that is not JSON with 400, and unknown paths with 404', async () => {
      expect((await post(subgraph.url, '{"query": ', fromGateway())).status).toBe(400);
      expect((await fetch(`${root}/nowhere`, { headers: fromGateway() })).status).toBe(404);
      // Paths other than /graphql may be operator routes: behind the secret like GraphQL.
      expect((await fetch(`${root}/nowhere`)).status).toBe(401);
    });

    it('started the embedded event transport in its own database on the same server', async () => {
      expect(subgraph.transport.kind).toBe('embedded');
      expect(await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [eventsDatabase])).toHaveLength(1);
      const tables = await adminQuery<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", [], eventsDatabase);
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['event_log', 'event_log_consumer_offset', 'event_log_partition']));
    });

    it('applied the kit’s and its own migrations once', async () => {
      expect(widgetMigrationRuns).toBe(1);
      const applied = await subgraph.dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m: { name: string }) => m.name)).toEqual(['CreateMessagingTables1763700000000', 'CreateIdempotencyKeys1763700000100', 'CreateWidget1763900000001']);
    });
  });

  describe('restarted on the same database', () => {
    let second: RunningSubgraph;

    beforeAll(async () => {
      second = await start();
    });

    it('applies no migration again and keeps the data', async () => {
      expect(widgetMigrationRuns).toBe(1);
      expect((await second.dataSource.query('SELECT count(*)::int AS n FROM migrations'))[0].n).toBe(3);
      const reply = await post(second.url, { query: '{ widgets { name } }' }, fromGateway());
      expect(reply.body.data.widgets.map((w: { name: string }) => w.name)).toEqual(['Admin widget', 'Boarding pass printer']);
    });

    it('drains on stop: a request in flight completes, new ones are refused, then the pool closes', async () => {
      const entered = new Promise<void>((resolve) => (slowEntered = resolve));
      const inFlight = post(second.url, { query: '{ slow }' }, fromGateway(ADMIN));
      await entered;
      const stopped = second.stop();
      await new Promise((resolve) => setTimeout(resolve, 20));

      const refused = await post(second.url, { query: '{ widgets { id } }' }, fromGateway()).then(
        (reply) => reply.status,
        () => 'connection refused',
      );
      expect([503, 'connection refused']).toContain(refused);
      expect(second.dataSource.isInitialized).toBe(true);

      expect(await inFlight).toEqual({ status: 200, body: { data: { slow: 'done 42' } } });
      await stopped;
      expect(second.dataSource.isInitialized).toBe(false);
      await expect(fetch(`${second.url.replace(/\/graphql$/, '')}/healthz`)).rejects.toThrow();
      await expect(second.stop()).resolves.toBeUndefined();
    });
  });

  it('starts two instances on a fresh database at once, migrating it once', async () => {
    const fresh = await createTestDatabase('test_subgraph_pair');
    const before = widgetMigrationRuns;
    try {
      const [a, b] = await Promise.all([start(fresh.database), start(fresh.database)]);
      expect(widgetMigrationRuns).toBe(before + 1);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await fresh.drop();
    }
  });

  it('creates its database when it does not exist yet', async () => {
    const name = `test_created_${randomBytes(5).toString('hex')}`;
    try {
      const subgraph = await start(name);
      expect(await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [name])).toHaveLength(1);
      await subgraph.stop();
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});

describe('subgraph configuration', () => {
  async function configurationError(env: Record<string, string | undefined>): Promise<ConfigurationError> {
    try {
      await startSubgraph(widgetSubgraph, { env });
    } catch (error) {
      if (error instanceof ConfigurationError) return error;
      throw error;
    }
    throw new Error('expected a ConfigurationError');
  }

  it('names every bad variable, with its rule and value, before touching anything', async () => {
    const error = await configurationError({ PORT: 'abc', NODE_ENV: 'development' });
    expect(error.problems).toEqual([expect.stringMatching(/^PORT: must be a port number \(got "abc"\)$/), expect.stringMatching(/^DATABASE_URL: .*\(not set\)$/)]);
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('DATABASE_URL');
  });

  it('words a missing DATABASE_URL by its rule', async () => {
    const error = await configurationError({ NODE_ENV: 'development' });
    expect(error.problems).toEqual(['DATABASE_URL: must be a URL starting with postgres:// or postgresql:// (not set)']);
  });

  it('needs SUBGRAPH_SECRET in production, at least 16 characters, and never shows it', async () => {
    const missing = await configurationError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost:5432' });
    expect(missing.problems).toEqual(['SUBGRAPH_SECRET: must be set in production (the secret the gateway sends to this subgraph)']);
    const short = await configurationError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost:5432', SUBGRAPH_SECRET: 'tiny-secret' });
    expect(short.problems).toEqual(['SUBGRAPH_SECRET: must be at least 16 characters (got "***")']);
    expect(short.message).not.toContain('tiny-secret');
  });

  it('refuses in production a SUBGRAPH_SECRET derived from the development seed, or shorter than 32 bytes, naming the variable', async () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost:5432' };
    const derived = await configurationError({ ...production, SUBGRAPH_SECRET: developmentSubgraphSecret('crm') });
    expect(derived.problems).toEqual(['SUBGRAPH_SECRET: is derived from the development seed; production needs its own secret']);
    const short = await configurationError({ ...production, SUBGRAPH_SECRET: 's'.repeat(31) });
    expect(short.problems).toEqual(['SUBGRAPH_SECRET: must be at least 32 bytes in production']);
    expect(short.message).not.toContain('s'.repeat(31));
  });

  it('reports the messaging variables together with the others', async () => {
    const error = await configurationError({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://localhost:5432',
      DATABASE_NAME: 'Widgets-DB',
      EVENTS_DATABASE_NAME: 'Events',
      OUTBOX_BATCH_SIZE: '0',
    });
    expect(error.problems).toEqual([
      'DATABASE_NAME: must be a lower-case Postgres identifier (got "Widgets-DB")',
      'SUBGRAPH_SECRET: must be set in production (the secret the gateway sends to this subgraph)',
      'EVENTS_DATABASE_NAME: must be a lower-case Postgres identifier (got "Events")',
      'OUTBOX_BATCH_SIZE: must be greater than 0 (got "0")',
    ]);
  });

  it('defaults outside production: a development secret per subgraph, its own database name', () => {
    const settings = subgraphSettings('not-a-subgraph', { DATABASE_URL: 'postgres://localhost:5432' });
    expect(settings).toMatchObject({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: 4100, DATABASE_NAME: 'carebridge_not_a_subgraph', DATABASE_POOL_SIZE: 10, SHUTDOWN_TIMEOUT_MS: 10_000 });
    expect(settings.SUBGRAPH_SECRET).toHaveLength(64);
    expect(settings.SUBGRAPH_SECRET).not.toBe(subgraphSettings('crm', { DATABASE_URL: 'postgres://localhost:5432' }).SUBGRAPH_SECRET);
    expect(subgraphSettings('crm', { DATABASE_URL: 'postgres://localhost:5432' }).PORT).toBe(4001);
  });
});
