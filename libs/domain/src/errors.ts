/**
 * The error codes every Carebridge API speaks. Clients switch on `extensions.code`; the message is
 * for people and names the field and the rule that was broken. Domain code raises the first four
 * through the classes below; the others belong to the GraphQL edge (service kit, gateway).
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

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One broken rule of one input field: `input.email`, `email`, `must be an e-mail address`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** What a client sees next to the message: the code and the details of the error. */
export type ErrorExtensions = Readonly<{ code: ErrorCode } & Record<string, unknown>>;

/**
 * A refusal by the domain, in the domain's words. It knows nothing of GraphQL: the service kit turns
 * it into a GraphQL error (message and `extensions`) at the edge. `extensions` has the shape that
 * error will carry, so tests and callers can read the code and details the same way on both sides.
 */
export abstract class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  get extensions(): ErrorExtensions {
    return { code: this.code, ...this.details };
  }
}

/** Input that breaks a rule; names every problem, the first field on its own for clients that show one. */
export class BadUserInputError extends DomainError {
  readonly problems: readonly FieldProblem[];

  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(ErrorCode.BadUserInput, list.map((p) => `${p.field}: ${p.message}`).join('; '), { field: list[0]?.field, problems: list });
    this.problems = list;
  }

  static field(field: string, rule: string, message: string): BadUserInputError {
    return new BadUserInputError({ field, rule, message });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NotFound, `${entity} "${id}" was not found`, { entity, id });
  }
}

/** A step the current state does not allow; `details` tells the client the state (`currentStatus`, `allowedNext`, …). */
export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.Conflict, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this action') {
    super(ErrorCode.Forbidden, message);
  }
}
