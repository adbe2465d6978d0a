import { randomUUID } from 'node:crypto';
import { type Identity, type Role, hasAnyRole } from '@carebridge/auth';
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

/** `@Authorized()` needs a caller; `@Authorized('agent', …)` needs one of the roles (admin always passes). */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.identity) throw new UnauthenticatedError();
  if (roles.length === 0 || hasAnyRole(context.identity, roles)) return true;
  throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
};

/** The caller, for resolvers behind `@Authorized` (where a caller is guaranteed). */
export function caller(context: RequestContext): Identity {
  if (!context.identity) throw new UnauthenticatedError();
  return context.identity;
}
