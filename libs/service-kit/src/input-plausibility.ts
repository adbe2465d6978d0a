import {
  AMOUNT_FIELD,
  BadUserInputError,
  BIDI_CONTROL,
  type FieldProblem,
  NAME_FIELD,
  PLAUSIBLE_INPUT,
  POINTS_FIELD,
  QUANTITY_FIELD,
} from '@carebridge/domain';
import {
  defaultFieldResolver,
  type GraphQLArgument,
  type GraphQLInputType,
  GraphQLObjectType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

/** An ISO date or date-time as text (`2026-12-25`, `+010000-01-01T…`): its year is read to hold it to the window. */
const ISO_DATE = /^([+-]?\d{4,6})-\d{2}-\d{2}(?:$|T)/;
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The one check every argument of every field goes through before its resolver runs, whatever the
 * service: no NUL character anywhere (PostgreSQL cannot store one in text), no reordering
 * characters in names, dates within a plausible window, amounts and counts within business
 * limits (`PLAUSIBLE_INPUT`). Each problem names the field's path (`input.contact.fullName`, or
 * the argument's name for a plain argument), as class-validator's problems do.
 */
export function implausibleArguments(args: Record<string, unknown>, definitions: readonly GraphQLArgument[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const definition of definitions) inspect(args[definition.name], definition.type, definition.name, definition.name, problems);
  return problems;
}

/** Puts `implausibleArguments` in front of every resolver of the schema that takes arguments. */
export function refuseImplausibleInput(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Representations come from the gateway, built from what subgraphs stored, not from a client.
      if (!field.args.length || field.name === '_entities') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const definitions = field.args;
      field.resolve = (source, args, context, info) => {
        const problems = implausibleArguments(args, definitions);
        if (problems.length) throw new BadUserInputError(problems);
        return resolve(source, args, context, info);
      };
    }
  }
}

function inspect(value: unknown, type: GraphQLInputType | undefined, path: string, name: string, problems: FieldProblem[]): void {
  if (value === null || value === undefined) return;
  const declared = type && isNonNullType(type) ? type.ofType : type;
  if (declared && isListType(declared)) {
    if (Array.isArray(value)) value.forEach((item, index) => inspect(item, declared.ofType, `${path}.${index}`, name, problems));
    return;
  }
  if (declared && isInputObjectType(declared)) {
    const fields = declared.getFields();
    for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) inspect(fieldValue, fields[key]?.type, `${path}.${key}`, key, problems);
    return;
  }
  // A leaf: a scalar or enum value, or what a JSON-like scalar holds (walked without a declared type).
  if (typeof value === 'string') return inspectText(value, path, name, problems);
  if (typeof value === 'number') return inspectNumber(value, path, name, problems);
  if (value instanceof Date) return inspectDate(value, path, problems);
  if (Array.isArray(value)) return value.forEach((item, index) => inspect(item, undefined, `${path}.${index}`, name, problems));
  if (typeof value === 'object') for (const [key, nested] of Object.entries(value as Record<string, unknown>)) inspect(nested, undefined, `${path}.${key}`, key, problems);
}

function inspectText(value: string, path: string, name: string, problems: FieldProblem[]): void {
  if (value.includes('\u0000')) problems.push({ field: path, rule: 'noNulCharacter', message: 'must not contain NUL characters' });
  if (NAME_FIELD.test(name) && BIDI_CONTROL.test(value)) {
    problems.push({ field: path, rule: 'noBidiControl', message: 'must not contain characters that reorder text (bidirectional overrides or isolates)' });
  }
  const date = ISO_DATE.exec(value);
  if (date) inspectYear(Number(date[1]), path, problems);
  if (DECIMAL.test(value.trim())) inspectNumber(Number(value), path, name, problems);
}

function inspectNumber(value: number, path: string, name: string, problems: FieldProblem[]): void {
  const limit = AMOUNT_FIELD.test(name)
    ? PLAUSIBLE_INPUT.maxAmount
    : QUANTITY_FIELD.test(name)
      ? PLAUSIBLE_INPUT.maxQuantity
      : POINTS_FIELD.test(name)
        ? PLAUSIBLE_INPUT.maxPoints
        : undefined;
  if (limit !== undefined && !(Math.abs(value) <= limit)) problems.push({ field: path, rule: 'businessLimit', message: `must be at most ${limit}` });
}

function inspectDate(value: Date, path: string, problems: FieldProblem[]): void {
  if (!Number.isNaN(value.getTime())) inspectYear(value.getUTCFullYear(), path, problems);
}

function inspectYear(year: number, path: string, problems: FieldProblem[]): void {
  if (year < PLAUSIBLE_INPUT.earliestYear || year > PLAUSIBLE_INPUT.latestYear) {
    problems.push({ field: path, rule: 'plausibleDate', message: `must be a date from ${PLAUSIBLE_INPUT.earliestYear} to ${PLAUSIBLE_INPUT.latestYear}` });
  }
}
