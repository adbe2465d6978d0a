import { randomUUID } from 'node:crypto';
import { type Identity, type Role, hasAnyRole, isCustomerCaller } from '@carebridge/auth';
import { ForbiddenError } from '@carebridge/domain';
import type { AuthChecker } from 'type-graphql';
import { UnauthenticatedError } from './errors';
import type { Logger } from './logger';

/** What every resolver receives: who is calling (as verified by the gateway), and a request log. */
export interface RequestContext {
  identity?: Identity;
  requestId: string;
  logger: Logger;
}

export function requestContext(identity: Identity | undefined, logger: Logger, requestId?: string): RequestContext {
  const id = requestId || randomUUID();
  return { identity, requestId: id, logger: logger.child({ requestId: id, userId: identity?.userId }) };
}

// A property rather than a WeakMap entry: Apollo Server hands resolvers a shallow copy of the context.
const ANSWER_WORK = Symbol('carebridge.answerWork');
type WithAnswerWork = { [ANSWER_WORK]?: (() => Promise<void>)[] };

/** Marks a context as one the kit's server answers: work registered with `beforeAnswer` runs before its answer leaves. */
export function answeredByKit<T extends object>(context: T): T {
  (context as WithAnswerWork)[ANSWER_WORK] = [];
  return context;
}

/**
 * Work to finish before the request's answer is sent, once everything has resolved: an audit
 * write for the whole request in one statement rather than one per field. If it fails, the
 * client gets an error instead of the data. False when the context is not answered by the kit's
 * server (a schema run directly, as tests do): the caller then does the work itself.
 */
export function beforeAnswer(context: object, work: () => Promise<void>): boolean {
  const pending = (context as WithAnswerWork)[ANSWER_WORK];
  if (!pending) return false;
  pending.push(work);
  return true;
}

/** Runs the work registered for the request (in order); rejects with the first failure. */
export async function finishAnswer(context: object): Promise<void> {
  const pending = (context as WithAnswerWork)[ANSWER_WORK] ?? [];
  for (const work of pending.splice(0)) await work();
}

/**
 * `@Authorized()` needs a staff caller; `@Authorized('agent', …)` needs one of the roles (admin always
 * passes). A customer caller passes only where `customer` is named: the gateway admits customers to
 * their own operations only, and this keeps every other field closed to them should it ever not.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.identity) throw new UnauthenticatedError();
  if (roles.length === 0) {
    if (!isCustomerCaller(context.identity)) return true;
    throw new ForbiddenError('This is for staff only');
  }
  if (hasAnyRole(context.identity, roles)) return true;
  throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
};

/** The caller, for resolvers behind `@Authorized` (where a caller is guaranteed). */
export function caller(context: RequestContext): Identity {
  if (!context.identity) throw new UnauthenticatedError();
  return context.identity;
}
