import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { IsEmail, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Directive, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from './context';
import { BadUserInputError, ConflictError, ErrorCode, ForbiddenError, NotFoundError } from '@carebridge/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ERROR_CODES, fieldProblems, formatGraphQLError, UnauthenticatedError } from './errors';
import { createLogger } from './logger';
import { PageArgs } from './pagination';
import { buildFederatedSchema, entityReference } from './schema';

@InputType()
class ContactInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email: string;
}

@InputType()
class CreateThingInput {
  @Field()
  @Length(2, 50)
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  quantity?: number;

  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contact?: ContactInput;
}

@ArgsType()
class ThingsArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5, { message: 'must be at most 5 characters' })
  search?: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
class Gadget {
  @Field(() => ID)
  id: string;
}

class DatabaseFailure extends Error {
  constructor() {
    super('connect ECONNREFUSED 10.0.4.17:5432 (SELECT * FROM "customer" WHERE email = \'jane@example.com\')');
    this.name = 'DatabaseFailure';
  }
}

@Resolver()
class ThingResolver {
  @Mutation(() => String)
  createThing(@Arg('input') input: CreateThingInput): string {
    return input.name;
  }

  @Query(() => [String])
  things(@Args() args: ThingsArgs): string[] {
    return [args.search ?? ''];
  }

  @Query(() => String)
  missing(): string {
    throw new NotFoundError('Customer', 'c-1');
  }

  @Query(() => String)
  invalid(): string {
    throw new BadUserInputError([
      { field: 'input.email', rule: 'email', message: 'must be an e-mail address' },
      { field: 'input.phone', rule: 'phone', message: 'must be a phone number' },
    ]);
  }

  @Query(() => String)
  conflicting(): string {
    throw new ConflictError('The complaint was changed by someone else', { currentVersion: 4 });
  }

  @Query(() => String)
  forbidden(): string {
    throw new ForbiddenError();
  }

  @Query(() => String)
  unauthenticated(): string {
    throw new UnauthenticatedError();
  }

  @Query(() => String)
  broken(): string {
    throw new DatabaseFailure();
  }

  @Query(() => String)
  async brokenLater(): Promise<string> {
    await Promise.resolve();
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  }

  @Query(() => String)
  nothing(): string {
    return null as unknown as string;
  }

  @Authorized('crm_manager')
  @Query(() => String)
  managersOnly(): string {
    return 'secret';
  }

  @Query(() => Gadget)
  gadget(): Gadget {
    return { id: 'g-1' };
  }

  @Query(() => String)
  async domainConflict(): Promise<string> {
    await Promise.resolve();
    throw new ConflictError('A closed inquiry cannot be answered', { currentStatus: 'CLOSED', allowedNext: [] });
  }

  @Query(() => String)
  bareGraphQLError(): string {
    throw new GraphQLError('pg: relation "secret_table" does not exist');
  }
}

describe('formatGraphQLError in an Apollo server', () => {
  // One server per mode, as a subgraph runs it; `unexpected` collects what onUnexpected reports.
  let unexpected: unknown[] = [];
  const servers = new Map<boolean, ApolloServer>();
  beforeAll(async () => {
    const schema = await buildFederatedSchema([new ThingResolver()], {
      Gadget: entityReference(async (references) => {
        await Promise.resolve();
        throw new NotFoundError('Gadget', references[0].id);
      }),
    });
    for (const development of [false, true]) {
      const server = new ApolloServer({
        schema,
        includeStacktraceInErrorResponses: development,
        plugins: [ApolloServerPluginInlineTraceDisabled()],
        formatError: (formatted, error) => formatGraphQLError(formatted, error, { development, onUnexpected: (e) => unexpected.push(e) }),
      });
      await server.start();
      servers.set(development, server);
    }
  });
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
  });

  const logger = createLogger({ service: 'errors-spec', level: 'silent' });
  async function run(query: string, options: { development: boolean }, context: Partial<RequestContext> = {}) {
    unexpected = [];
    const contextValue: RequestContext = { requestId: 'req-1', logger, ...context };
    const response = await servers.get(options.development)!.executeOperation({ query }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { errors: response.body.singleResult.errors ?? [], data: response.body.singleResult.data, unexpected };
  }

  describe('in production', () => {
    const production = { development: false };

    it('keeps typed errors, with their code and details, and strips stack traces', async () => {
      const missing = await run('{ missing }', production);
      expect(missing.errors).toEqual([
        { message: 'Customer "c-1" was not found', path: ['missing'], locations: [{ line: 1, column: 3 }], extensions: { code: 'NOT_FOUND', entity: 'Customer', id: 'c-1' } },
      ]);
      const conflict = await run('{ conflicting }', production);
      expect(conflict.errors[0]).toMatchObject({ message: 'The complaint was changed by someone else', extensions: { code: 'CONFLICT', currentVersion: 4 } });
      expect((await run('{ forbidden }', production)).errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
      expect((await run('{ unauthenticated }', production)).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      for (const result of [missing, conflict]) expect(result.unexpected).toEqual([]);
    });

    it('keeps every problem of a BadUserInputError, naming the first field', async () => {
      const { errors } = await run('{ invalid }', production);
      expect(errors[0].message).toBe('input.email: must be an e-mail address; input.phone: must be a phone number');
      expect(errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.email',
        problems: [
          { field: 'input.email', rule: 'email', message: 'must be an e-mail address' },
          { field: 'input.phone', rule: 'phone', message: 'must be a phone number' },
        ],
      });
    });

    it('turns domain errors into GraphQL errors with their code and details, wherever they are thrown', async () => {
      const conflict = await run('{ domainConflict }', production);
      expect(conflict.errors).toEqual([
        {
          message: 'A closed inquiry cannot be answered',
          path: ['domainConflict'],
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'CONFLICT', currentStatus: 'CLOSED', allowedNext: [] },
        },
      ]);
      const reference = await run('{ _entities(representations: [{ __typename: "Gadget", id: "g-9" }]) { ... on Gadget { id } } }', production);
      expect(reference.errors).toEqual([
        { message: 'Gadget "g-9" was not found', path: ['_entities', 0], locations: [{ line: 1, column: 3 }], extensions: { code: 'NOT_FOUND', entity: 'Gadget', id: 'g-9' } },
      ]);
      const agent = await run('{ managersOnly }', production, { identity: { userId: 'agent-1', roles: ['agent'] } });
      expect(agent.errors).toEqual([
        { message: 'This needs one of the roles: crm_manager', path: ['managersOnly'], locations: [{ line: 1, column: 3 }], extensions: { code: 'FORBIDDEN' } },
      ]);
      expect((await run('{ managersOnly }', production)).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      for (const result of [conflict, reference, agent]) expect(result.unexpected).toEqual([]);
    });

    it('turns class-validator failures of an input into BAD_USER_INPUT naming input.<field> and the rule', async () => {
      const { errors, unexpected } = await run('mutation { createThing(input: { name: "x", quantity: 0 }) }', production);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toEqual({
        message: 'input.name: must be longer than or equal to 2 characters; input.quantity: must be at least 1',
        path: ['createThing'],
        locations: [{ line: 1, column: 12 }],
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.name',
          problems: [
            { field: 'input.name', rule: 'isLength', message: 'must be longer than or equal to 2 characters' },
            { field: 'input.quantity', rule: 'min', message: 'must be at least 1' },
          ],
        },
      });
      expect(JSON.stringify(errors)).not.toContain('Argument Validation Error');
      expect(unexpected).toEqual([]);
    });

    it('names nested input fields by their path', async () => {
      const { errors } = await run('mutation { createThing(input: { name: "ok", contact: { email: "nope" } }) }', production);
      expect(errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.contact.email',
        problems: [{ field: 'input.contact.email', rule: 'isEmail', message: 'must be an e-mail address' }],
      });
    });

    it('names the arguments of an @Args() class by their own names', async () => {
      const { errors } = await run('{ things(search: "far too long") }', production);
      expect(errors[0]).toMatchObject({
        message: 'search: must be at most 5 characters',
        extensions: { code: 'BAD_USER_INPUT', field: 'search', problems: [{ field: 'search', rule: 'maxLength', message: 'must be at most 5 characters' }] },
      });
    });

    it('passes valid input through', async () => {
      const { errors, data } = await run('mutation { createThing(input: { name: "Lost luggage", contact: { email: "jane@example.com" } }) }', production);
      expect(errors).toEqual([]);
      expect(data).toEqual({ createThing: 'Lost luggage' });
    });

    it.each([
      ['a thrown Error', '{ broken }', 'broken', DatabaseFailure],
      ['an asynchronous TypeError', '{ brokenLater }', 'brokenLater', TypeError],
      ['a GraphQLError without a code', '{ bareGraphQLError }', 'bareGraphQLError', GraphQLError],
    ])('hides %s as a bare INTERNAL_SERVER_ERROR and reports it', async (_label, query, field, type) => {
      const { errors, unexpected } = await run(query, production);
      expect(errors).toEqual([{ message: 'Internal server error', path: [field], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(unexpected).toHaveLength(1);
      expect(unexpected[0]).toBeInstanceOf(type);
    });

    it('hides a null returned for a non-null field', async () => {
      const { errors, unexpected } = await run('{ nothing }', production);
      expect(errors).toEqual([{ message: 'Internal server error', path: ['nothing'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(unexpected).toHaveLength(1);
    });

    it('keeps GraphQL validation errors, which only describe the client’s own query', async () => {
      const { errors, unexpected } = await run('{ noSuchField }', production);
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain('noSuchField');
      expect(errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(unexpected).toEqual([]);
    });
  });

  describe('in development', () => {
    const development = { development: true };

    it('shows unexpected errors as they are, with their stack trace, and still reports them', async () => {
      const { errors, unexpected } = await run('{ broken }', development);
      expect(errors[0].message).toContain('ECONNREFUSED');
      expect(errors[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(Array.isArray(errors[0].extensions?.stacktrace)).toBe(true);
      expect(unexpected).toHaveLength(1);
    });

    it('keeps the stack trace of typed errors', async () => {
      const { errors } = await run('{ missing }', development);
      expect(errors[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(Array.isArray(errors[0].extensions?.stacktrace)).toBe(true);
      const conflict = await run('{ domainConflict }', development);
      expect(conflict.errors[0]).toMatchObject({ message: 'A closed inquiry cannot be answered', extensions: { code: 'CONFLICT', currentStatus: 'CLOSED' } });
      expect(Array.isArray(conflict.errors[0].extensions?.stacktrace)).toBe(true);
      expect(conflict.unexpected).toEqual([]);
    });
  });
});

describe('formatGraphQLError on its own', () => {
  const stacktrace = ['Error: x', '    at resolver (/srv/app/src/thing.ts:10:5)'];

  it('strips stacktrace and exception from typed errors outside development', () => {
    const error = new NotFoundError('Customer', 'c-1');
    const formatted: GraphQLFormattedError = { message: error.message, extensions: { ...error.extensions, stacktrace, exception: { stacktrace } } };
    expect(formatGraphQLError(formatted, error, { development: false })).toEqual({ message: error.message, extensions: { code: 'NOT_FOUND', entity: 'Customer', id: 'c-1' } });
    expect(formatGraphQLError(formatted, error, { development: true })).toEqual(formatted);
  });

  it('keeps the codes Apollo itself gives to a bad request', () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', ErrorCode.ServiceUnavailable]) {
      const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code } });
      expect(formatGraphQLError({ message: error.message, extensions: { code, stacktrace } }, error, { development: false })).toEqual({ message: error.message, extensions: { code } });
    }
  });

  it('hides an error whose code the platform does not know', () => {
    const error = new GraphQLError('Downstream said: connection reset by 10.0.0.8', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
    const onUnexpected = jest.fn();
    expect(formatGraphQLError({ message: error.message, extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }, error, { development: false, onUnexpected })).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(onUnexpected).toHaveBeenCalledWith(error);
  });

  it('hides the message of an error labelled INTERNAL_SERVER_ERROR where it came from (a subgraph, seen at the gateway)', () => {
    const error = new GraphQLError('column "secret" does not exist', { extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'crm' } });
    const onUnexpected = jest.fn();
    expect(formatGraphQLError({ message: error.message, path: ['customer'], extensions: { ...error.extensions } }, error, { development: false, onUnexpected })).toEqual({
      message: 'Internal server error',
      path: ['customer'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(onUnexpected).toHaveBeenCalledWith(error);
  });

  it('hides a plain error even when Apollo has labelled it INTERNAL_SERVER_ERROR', () => {
    const error = new Error('password authentication failed for user "carebridge"');
    const formatted = { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } };
    const onUnexpected = jest.fn();
    expect(formatGraphQLError(formatted, error, { development: false, onUnexpected })).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(onUnexpected).toHaveBeenCalledWith(error);
  });
});

describe('fieldProblems', () => {
  it('flattens nested class-validator errors into dotted paths, one problem per rule', () => {
    const problems = fieldProblems([
      {
        property: 'fullName',
        constraints: { isLength: 'fullName must be shorter than or equal to 200 characters', matches: 'must not contain control characters' },
        children: [],
      },
      {
        property: 'contacts',
        children: [{ property: '0', children: [{ property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] }] }],
      },
    ] as never);
    expect(problems).toEqual([
      { field: 'input.fullName', rule: 'isLength', message: 'must be shorter than or equal to 200 characters' },
      { field: 'input.fullName', rule: 'matches', message: 'must not contain control characters' },
      { field: 'input.contacts.0.email', rule: 'isEmail', message: 'must be an email' },
    ]);
  });

  it('takes another prefix', () => {
    expect(fieldProblems([{ property: 'id', constraints: { isUuid: 'id must be a UUID' } }] as never, 'filter')).toEqual([{ field: 'filter.id', rule: 'isUuid', message: 'must be a UUID' }]);
  });
});

describe('typed errors', () => {
  it('are plain domain errors, which only formatGraphQLError turns into GraphQL errors', () => {
    expect(new NotFoundError('Complaint', 'k-1')).not.toBeInstanceOf(GraphQLError);
  });

  it('carry the platform codes', () => {
    expect(new NotFoundError('Complaint', 'k-1')).toMatchObject({ message: 'Complaint "k-1" was not found', extensions: { code: 'NOT_FOUND', entity: 'Complaint', id: 'k-1' } });
    expect(new ForbiddenError().extensions.code).toBe('FORBIDDEN');
    expect(new UnauthenticatedError().extensions.code).toBe('UNAUTHENTICATED');
    expect(new ConflictError('taken', { field: 'email' }).extensions).toEqual({ code: 'CONFLICT', field: 'email' });
    expect(BadUserInputError.field('first', 'range', 'must be 1 to 100')).toMatchObject({
      message: 'first: must be 1 to 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first', problems: [{ field: 'first', rule: 'range', message: 'must be 1 to 100' }] },
    });
  });
});

describe('the error codes clients receive', () => {
  it('are the ones the README lists, no more and no fewer', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const table = /<!-- error-codes: start -->([\s\S]*?)<!-- error-codes: end -->/.exec(readme)?.[1] ?? '';
    const listed = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...CLIENT_ERROR_CODES].sort());
  });
});
