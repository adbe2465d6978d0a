import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
} from 'graphql';

/** How the fuzzer reaches a schema: POST one operation, get the HTTP status and the JSON body. */
export type SendOperation = (query: string, variables: Record<string, unknown>) => Promise<{ status: number; body: any }>;

/** One mutation whose answer to bad input was not a typed refusal. */
export interface FuzzFinding {
  mutation: string;
  variables: unknown;
  status: number;
  errors: unknown;
}

/** The schema a server serves, read by introspection. */
export async function introspectSchema(send: SendOperation): Promise<GraphQLSchema> {
  const { body } = await send(getIntrospectionQuery(), {});
  if (!body?.data) throw new Error(`introspection failed: ${JSON.stringify(body?.errors)}`);
  return buildClientSchema(body.data as IntrospectionQuery);
}

const INJECTIONS = [
  "' OR '1'='1' --",
  "Robert'); DROP TABLE customer;--",
  '"; SELECT pg_sleep(1); --',
  '<script>alert(1)</script>',
  '{{7*7}} ${7*7} #{7*7}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\\',
  '$where: 1',
  'null',
];
const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', '\r\n'];
const EXTREME_NUMBERS = [0, -1, 2147483647, -2147483648, 2147483648, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324, 0.5, -0.0];
const EXTREME_DATES = ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '2026-02-30T10:00:00Z', '1970-01-01T00:00:00Z', 'yesterday', '', '2026-13-01'];

/** Text that something, somewhere, may choke on. */
const nastyText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.array(fc.constantFrom(...CONTROL_CHARACTERS, 'a', ' ', 'é', '李', '🙂'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.constantFrom('x'.repeat(20_000), 'é'.repeat(5_000), ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...EXTREME_DATES),
);

/** A value of the wrong kind for whatever it is given as. */
const wrongKind = fc.oneof(
  fc.constantFrom<unknown>(true, [], {}, [1, 'two'], { nested: { deeper: ['x'] } }),
  fc.constantFrom(...EXTREME_NUMBERS),
  nastyText,
);

/** A plausible value of a scalar, so that other fields get past the first check. */
function plausibleScalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.integer({ min: 0, max: 100 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.uuid();
    case 'DateTime':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'JSONObject':
      return fc.constant({ note: 'plausible' });
    default:
      return fc.oneof(fc.constantFrom('Ada Lovelace', 'ada@example.com', '+44 20 7946 0958', '2026-12-01', '250.00', 'EUR', 'LH400'), fc.uuid());
  }
}

/** A leaf value: mostly plausible, often extreme for its kind, sometimes of the wrong kind altogether. */
function leafValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.value as string);
    return fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 3 }, { arbitrary: fc.constantFrom('NOT_A_VALUE', values[0]?.toLowerCase() ?? 'x', ''), weight: 1 }, { arbitrary: wrongKind, weight: 1 });
  }
  const extreme = ['Int', 'Float'].includes(named.name) ? fc.constantFrom<unknown>(...EXTREME_NUMBERS) : named.name === 'DateTime' ? fc.constantFrom<unknown>(...EXTREME_DATES) : nastyText;
  return fc.oneof({ arbitrary: plausibleScalar(named.name), weight: 2 }, { arbitrary: extreme, weight: 2 }, { arbitrary: wrongKind, weight: 1 });
}

/**
 * A value for an input type: objects with their required fields (and some optional ones), lists of a
 * few items. `plausible` gives every leaf a plausible value and leaves out nulls, so that an input
 * with one bad leaf put in (`withOneBadLeaf`) gets past coercion to the resolver and the database.
 */
function inputValue(type: GraphQLInputType, plausible: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausible ? inputValue(type.ofType, true, depth) : fc.oneof({ arbitrary: inputValue(type.ofType, false, depth), weight: 12 }, { arbitrary: fc.constant(null), weight: 1 });
  if (isListType(type)) {
    const list = fc.array(inputValue(type.ofType, plausible, depth + 1), { minLength: plausible ? 1 : 0, maxLength: plausible ? 2 : 3 });
    return plausible ? list : fc.oneof({ arbitrary: list, weight: 6 }, { arbitrary: wrongKind, weight: 1 });
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const record = Object.fromEntries(fields.map((field) => [field.name, inputValue(field.type, plausible, depth + 1)]));
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    const object = fc.record(record, { requiredKeys: required });
    return plausible ? object : fc.oneof({ arbitrary: object, weight: 8 }, { arbitrary: wrongKind, weight: 1 });
  }
  if (isScalarType(type) || isEnumType(type)) return plausible ? plausibleLeaf(type) : leafValue(type);
  return fc.constant(null);
}

function plausibleLeaf(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  return isEnumType(named) ? fc.constantFrom(...named.getValues().map((v) => v.value as string)) : plausibleScalar(named.name);
}

/** Plausible variables with the `n`-th leaf (counting every scalar, enum and null in them) replaced by a bad value. */
function withOneBadLeaf(variables: Record<string, unknown>, n: number, bad: unknown): Record<string, unknown> {
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (parent: Record<string, unknown> | unknown[], key: string | number) => {
    const value = (parent as Record<string | number, unknown>)[key];
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) value.forEach((_, index) => walk(value, index));
      else for (const child of Object.keys(value)) walk(value as Record<string, unknown>, child);
    } else leaves.push({ parent, key });
  };
  const copy = structuredClone(variables);
  for (const key of Object.keys(copy)) walk(copy, key);
  if (leaves.length) {
    const leaf = leaves[n % leaves.length];
    (leaf.parent as Record<string | number, unknown>)[leaf.key] = bad;
  }
  return copy;
}

/** The operation that calls `field` with every argument as a variable, selecting only `__typename` of an object. */
function operationFor(field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** Whether an answer is acceptable for bad input: data, or errors that each carry a code other than INTERNAL_SERVER_ERROR, and no 5xx. */
export function isTypedAnswer(status: number, body: any): boolean {
  if (status >= 500 || typeof body !== 'object' || body === null) return false;
  return (body.errors ?? []).every((error: any) => typeof error?.extensions?.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR');
}

/**
 * Sends every mutation of `schema` wrong types, huge strings, control characters, injection
 * strings and extreme numbers and dates (fast-check, seeded so a run can be repeated), and returns each mutation whose answer was a 500 or an error without a code.
 */
export async function fuzzMutations(options: { schema: GraphQLSchema; send: SendOperation; runsPerMutation: number; seed?: number; only?: (name: string) => boolean }): Promise<FuzzFinding[]> {
  const mutation = options.schema.getMutationType();
  const findings: FuzzFinding[] = [];
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (options.only && !options.only(field.name)) continue;
    const query = operationFor(field);
    const plausible = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, inputValue(arg.type, true)])));
    const anything = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, inputValue(arg.type, false)])));
    const badLeaf = fc.oneof(
      { arbitrary: fc.constantFrom('Ada\u0000Lovelace', '\u0000', 'a\u0000'.repeat(50)), weight: 2 },
      { arbitrary: nastyText, weight: 3 },
      { arbitrary: fc.constantFrom<unknown>(...EXTREME_NUMBERS, ...EXTREME_DATES), weight: 2 },
      { arbitrary: wrongKind, weight: 1 },
    );
    const variables = fc.oneof(
      { arbitrary: fc.tuple(plausible, fc.nat(), badLeaf).map(([values, n, bad]) => withOneBadLeaf(values, n, bad)), weight: 3 },
      { arbitrary: anything, weight: 1 },
    );
    let last: FuzzFinding | undefined;
    const result = await fc.check(
      fc.asyncProperty(variables, async (values) => {
        const { status, body } = await options.send(query, values);
        const typed = isTypedAnswer(status, body);
        if (!typed) last = { mutation: field.name, variables: values, status, errors: body?.errors ?? body };
        return typed;
      }),
      { numRuns: options.runsPerMutation, seed: options.seed ?? 14, endOnFailure: true },
    );
    if (result.failed && last) findings.push(last);
  }
  return findings;
}
