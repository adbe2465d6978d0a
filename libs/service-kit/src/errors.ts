import { BadUserInputError, DomainError, ErrorCode, type FieldProblem } from '@carebridge/domain';
import type { ValidationError } from 'class-validator';
import { type ASTNode, GraphQLError, type GraphQLFormattedError, parse, visit } from 'graphql';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';

/** A request without a caller: only the GraphQL edge knows about callers, so this error is the kit's own. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication is required: send a bearer token') {
    super(message, { extensions: { code: ErrorCode.Unauthenticated } });
  }
}

/** class-validator's nested errors, flattened to `input.contact.email` style paths (no prefix: `search`). */
export function fieldProblems(errors: ValidationError[], prefix = 'input'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      problems.push({ field: path, rule, message: message.replace(new RegExp(`^${error.property}\\s`), 'must ').replace(/^must must/, 'must') });
    }
    if (error.children?.length) problems.push(...fieldProblems(error.children, path));
  }
  return problems;
}

/**
 * Every `extensions.code` a client can receive, from a subgraph or the gateway: any other code an
 * error carries is reported as INTERNAL_SERVER_ERROR (formatGraphQLError). The README lists them,
 * and a test holds the list to this one.
 */
export const CLIENT_ERROR_CODES: readonly string[] = [
  ...Object.values(ErrorCode),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
];
const KNOWN_CODES = new Set<string>(CLIENT_ERROR_CODES);

/**
 * Apollo's `formatError`: domain errors become GraphQL errors with their code and details; typed GraphQL errors pass through; validation errors get the Carebridge shape;
 * anything unexpected becomes a bare INTERNAL_SERVER_ERROR outside development, so no stack trace,
 * SQL or internal address reaches a client.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { development: boolean; onUnexpected?: (error: unknown) => void },
): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof ArgumentValidationError) {
    const validationErrors = original.extensions.validationErrors;
    if (!Array.isArray(validationErrors)) {
      // A validator that threw on the value instead of judging it: the input is refused, the validator is the bug.
      options.onUnexpected?.(validationErrors);
      const typed = BadUserInputError.field('input', 'validatable', 'holds a value that could not be validated');
      return { message: typed.message, path: formatted.path, locations: formatted.locations, extensions: { ...typed.extensions } };
    }
    const typed = new BadUserInputError((validationErrors as ValidationError[]).flatMap((e) => fieldProblems([e], isArgsObject(e.target) ? '' : 'input')));
    return { message: typed.message, path: formatted.path, locations: formatted.locations, extensions: { ...typed.extensions } };
  }
  if (isDataException(original)) {
    // A value the database refused (class 22: out of range, too long, malformed): input a rule
    // should have caught. The client gets a typed refusal; the log a warning without the value.
    options.onUnexpected?.(original);
    const typed = BadUserInputError.field(String(original.driverError?.column ?? 'input'), 'storable', 'holds a value this service cannot store (too long, out of range or malformed)');
    return { message: typed.message, path: formatted.path, locations: formatted.locations, extensions: { ...typed.extensions } };
  }
  if (original instanceof DomainError) {
    // The domain's refusal as the client sees it: its message, code and details; in development also what Apollo added (the stack trace).
    const extensions = { ...original.extensions };
    if (options.development) return { ...formatted, message: original.message, extensions: { ...formatted.extensions, ...extensions } };
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  // The code the error itself carries: Apollo labels every error without one INTERNAL_SERVER_ERROR
  // in `formatted`, which must not let a plain Error's message (SQL, addresses) through.
  // An error labelled INTERNAL_SERVER_ERROR elsewhere (a subgraph's, at the gateway) is unexpected too.
  const code = error instanceof GraphQLError ? String(error.extensions?.code ?? '') : '';
  if (KNOWN_CODES.has(code) && code !== ErrorCode.Internal) {
    if (options.development) return formatted;
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  options.onUnexpected?.(original);
  if (options.development) return formatted;
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.Internal } };
}

/**
 * The error a resolver threw. graphql-js wraps it in a located GraphQLError; reference resolvers and
 * middleware may wrap once more, so the chain is followed down to the first error that is not a wrapper.
 */
function originalOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof GraphQLError && current.originalError; depth++) current = current.originalError;
  return current;
}

/** Whether class-validator validated an `@Args()` object, whose fields are arguments of their own (`first`, `search`). */
function isArgsObject(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  return getMetadataStorage().argumentTypes.some((argsType) => target instanceof argsType.target);
}

/** PostgreSQL's class 22 (data exception), as TypeORM's QueryFailedError carries it. */
function isDataException(error: unknown): error is { driverError?: { code?: string; column?: string } } {
  const code = (error as { driverError?: { code?: unknown } } | undefined)?.driverError?.code;
  return error instanceof Error && error.name === 'QueryFailedError' && typeof code === 'string' && code.startsWith('22');
}

const VARIABLE_VALUE = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (?:Field "(\w+)" of required type .* was not provided|Field "(\w+)" is not defined by type|.)/s;
const VARIABLE_MISSING = /^Variable "\$(\w+)" of (?:non-null |required )?type "[^"]+" (?:was not provided|must not be null)/;
/** graphql-js's ValuesOfCorrectTypeRule: a literal of the wrong kind (a number for a string, an unknown enum value). */
const LITERAL_VALUE = /cannot represent|does not exist in "|^Expected value of type|^Field "[\w.]+" of required type "[^"]+" was not provided|^Field "\w+" is not defined by type/;

/**
 * Coercion errors of an operation's input — a wrong enum value, a number where a string belongs, a
 * missing required field — as graphql-js words them, made typed: `BAD_USER_INPUT` with
 * `extensions.field` naming the argument's path (`input.status`, `input.items.0.quantity`) as the
 * kit's own validation does. `query` is the operation's text, to find the argument a variable
 * feeds or a literal sits in. Other errors are returned unchanged.
 */
export function withInputFields(errors: readonly GraphQLFormattedError[], query: string | undefined): GraphQLFormattedError[] {
  let document: ReturnType<typeof parse> | undefined;
  const documentOf = () => {
    if (document || !query) return document;
    try {
      document = parse(query, { noLocation: false });
    } catch {
      return undefined;
    }
    return document;
  };
  return errors.map((error) => {
    const field = inputFieldOf(error, query, documentOf);
    if (!field) return error;
    return { ...error, extensions: { ...error.extensions, code: ErrorCode.BadUserInput, field, problems: [{ field, rule: 'type', message: error.message }] } };
  });
}

function inputFieldOf(error: GraphQLFormattedError, query: string | undefined, documentOf: () => ReturnType<typeof parse> | undefined): string | undefined {
  const code = error.extensions?.code;
  const variable = VARIABLE_VALUE.exec(error.message) ?? VARIABLE_MISSING.exec(error.message);
  if (variable && (code === ErrorCode.BadUserInput || code === undefined)) {
    const [, name, at, missing, unknown] = variable;
    const relative = (at ?? name).replace(/\[(\d+)\]/g, '.$1').split('.').slice(1);
    const argument = argumentFedBy(documentOf(), name) ?? name;
    return [argument, ...relative, ...(missing ?? unknown ? [missing ?? unknown] : [])].join('.');
  }
  if (code !== 'GRAPHQL_VALIDATION_FAILED' || !LITERAL_VALUE.test(error.message) || !query) return undefined;
  const location = error.locations?.[0];
  const document = documentOf();
  if (!location || !document) return undefined;
  const path = literalPathAt(document, offsetOf(query, location.line, location.column));
  if (!path) return undefined;
  const named = /^Field "(?:\w+\.)?(\w+)" (?:of required type|is not defined)/.exec(error.message)?.[1];
  return [...path, ...(named ? [named] : [])].join('.');
}

/** The path of the argument (and input fields) a variable is passed to: `$in` in `m(input: $in)` feeds `input`. */
function argumentFedBy(document: ReturnType<typeof parse> | undefined, variable: string): string | undefined {
  if (!document) return undefined;
  let found: string | undefined;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    Variable: (node, _key, parent) => {
      if (!found && node.name.value === variable && !isVariableDefinition(parent)) found = names.join('.');
    },
  });
  return found || undefined;
}

function isVariableDefinition(parent: unknown): boolean {
  return !Array.isArray(parent) && (parent as ASTNode | undefined)?.kind === 'VariableDefinition';
}

/** The argument and input fields whose literal value holds the character at `offset`. */
function literalPathAt(document: ReturnType<typeof parse>, offset: number): string[] | undefined {
  let found: string[] | undefined;
  const names: string[] = [];
  const enter = (node: { name: { value: string }; value: ASTNode }) => {
    names.push(node.name.value);
    const loc = node.value.loc;
    if (loc && loc.start <= offset && offset < Math.max(loc.end, loc.start + 1)) found = [...names];
  };
  visit(document, {
    Argument: { enter, leave: () => void names.pop() },
    ObjectField: { enter, leave: () => void names.pop() },
  });
  return found;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}
