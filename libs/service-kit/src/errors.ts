import { BadUserInputError, DomainError, ErrorCode, type FieldProblem } from '@carebridge/domain';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
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

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

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
    const validationErrors = original.extensions.validationErrors as ValidationError[];
    const typed = new BadUserInputError(validationErrors.flatMap((e) => fieldProblems([e], isArgsObject(e.target) ? '' : 'input')));
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
