import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { Arg, Field, Float, InputType, Int, Mutation, Query, registerEnumType, Resolver } from 'type-graphql';
import { formatGraphQLError } from './errors';
import { buildFederatedSchema } from './schema';

enum Channel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(Channel, { name: 'PlausibilityChannel' });


@InputType()
class ContactInput {
  @Field()
  fullName: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;
}

@InputType()
class ClaimInput {
  @Field(() => ContactInput)
  contact: ContactInput;

  @Field({ nullable: true })
  amount?: string;

  @Field(() => Int, { nullable: true })
  travellers?: number;

  @Field(() => Float, { nullable: true })
  rating?: number;

  @Field({ nullable: true })
  occurredAt?: Date;

  @Field({ nullable: true })
  travelDate?: string;

  @Field(() => [ContactInput], { nullable: true })
  others?: ContactInput[];
}

/** Calls that reached a resolver: a refused input never does. */
const reached: string[] = [];

@Resolver()
class ClaimResolver {
  @Query(() => String)
  search(@Arg('text') text: string): string {
    reached.push(text);
    return text;
  }

  @Mutation(() => String)
  fileClaim(@Arg('input', () => ClaimInput) input: ClaimInput): string {
    reached.push(input.contact.fullName);
    return 'filed';
  }
}

describe('the kit\'s input checks, on every argument of every field', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema([new ClaimResolver()]);
  });

  /** Runs an operation and formats its errors as the kit's servers do. */
  async function run(source: string, variables?: Record<string, unknown>): Promise<ExecutionResult & { formatted: any[] }> {
    const result = await graphql({ schema, source, variableValues: variables, contextValue: {} });
    const formatted = (result.errors ?? []).map((e) => formatGraphQLError(e.toJSON(), e, { development: false }));
    return { ...result, formatted };
  }
  const FILE = 'mutation ($input: ClaimInput!) { fileClaim(input: $input) }';
  const claim = (input: Record<string, unknown>) => run(FILE, { input: { contact: { fullName: 'Ada Lovelace' }, ...input } });

  it.each([
    ['a NUL byte in a nested text', { contact: { fullName: 'Ada', note: 'a\u0000b' } }, 'input.contact.note', 'noNulCharacter'],
    ['a NUL byte in a list item', { others: [{ fullName: 'Bob' }, { fullName: 'x\u0000' }] }, 'input.others.1.fullName', 'noNulCharacter'],
    ['a bidirectional override in a name', { contact: { fullName: 'Ada \u202Eecalevol' } }, 'input.contact.fullName', 'noBidiControl'],
    ['an isolate in a name', { contact: { fullName: '\u2067Ada' } }, 'input.contact.fullName', 'noBidiControl'],
    ['a date in year 0001', { occurredAt: '0001-01-01T00:00:00.000Z' }, 'input.occurredAt', 'plausibleDate'],
    ['a date in year 9999', { occurredAt: '9999-12-31T23:59:59.000Z' }, 'input.occurredAt', 'plausibleDate'],
    ['a date as text in year 0001', { travelDate: '0001-01-01' }, 'input.travelDate', 'plausibleDate'],
    ['an amount beyond the business limit', { amount: '5000000.00' }, 'input.amount', 'businessLimit'],
    ['a count of travellers beyond it', { travellers: 2_000_000_000 }, 'input.travellers', 'businessLimit'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field, rule) => {
    const before = reached.length;
    const result = await claim(input);
    expect(result.formatted).toHaveLength(1);
    expect(result.formatted[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, problems: [expect.objectContaining({ field, rule })] });
    expect(reached.length).toBe(before);
  });

  it('refuses a NUL byte in a plain argument, naming the argument', async () => {
    const result = await run('query ($t: String!) { search(text: $t) }', { t: 'x\u0000' });
    expect(result.formatted[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('accepts plausible input, reordering characters in free text, and huge numbers where no limit applies', async () => {
    const result = await claim({
      contact: { fullName: 'Zoë Ångström 李 عائشة', note: 'quoted \u202Etext\u202C in a note' },
      amount: '250.00',
      travellers: 3,
      rating: 1e300,
      occurredAt: '2026-11-30T10:00:00.000Z',
      travelDate: '2027-01-15',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ fileClaim: 'filed' });
  });
});
