import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/**
 * The error codes every Carebridge API speaks. Clients switch on `extensions.code`; the message is
 * for people and names the field and the rule that was broken.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => `${p.field}: ${p.message}`).join('; '), {
      extensions: { code: ErrorCode.BadUserInput, field: list[0]?.field, problems: list },
    });
  }

  static field(field: string, rule: string, message: string): BadUserInputError {
    return new BadUserInputError({ field, rule, message });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(entity: string, id: string) {
    super(`${entity} "${id}" was not found`, { extensions: { code: ErrorCode.NotFound, entity, id } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your role does not allow this action') {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication is required: send a bearer token') {
    super(message, { extensions: { code: ErrorCode.Unauthenticated } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.Conflict, ...details } });
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
 * Apollo's `formatError`: typed errors pass through; validation errors get the Carebridge shape;
 * anything unexpected becomes a bare INTERNAL_SERVER_ERROR outside development, so no stack trace,
 * SQL or internal address reaches a client.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { development: boolean; onUnexpected?: (error: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ArgumentValidationError) {
    const validationErrors = original.extensions.validationErrors as ValidationError[];
    const typed = new BadUserInputError(validationErrors.flatMap((e) => fieldProblems([e], isArgsObject(e.target) ? '' : 'input')));
    return { message: typed.message, path: formatted.path, locations: formatted.locations, extensions: typed.extensions };
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

/** Whether class-validator validated an `@Args()` object, whose fields are arguments of their own (`first`, `search`). */
function isArgsObject(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  return getMetadataStorage().argumentTypes.some((argsType) => target instanceof argsType.target);
}
