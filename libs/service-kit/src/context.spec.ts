import type { Identity, Role } from '@carebridge/auth';
import type { AuthCheckerFn } from 'type-graphql';
import { authChecker, caller, type RequestContext, requestContext } from './context';
import { ForbiddenError } from '@carebridge/domain';
import { UnauthenticatedError } from './errors';
import { createLogger } from './logger';

const logger = createLogger({ service: 'context-spec', level: 'silent' });
const agent: Identity = { userId: 'agent-1', roles: ['agent'] };
const admin: Identity = { userId: 'admin-1', roles: ['admin'] };

const check = (identity: Identity | undefined, roles: Role[]) =>
  (authChecker as AuthCheckerFn<RequestContext, Role>)({ context: requestContext(identity, logger), root: {}, args: {}, info: {} as never }, roles);

describe('requestContext', () => {
  it('keeps the identity and the request id it is given', () => {
    const context = requestContext(agent, logger, 'req-1');
    expect(context.identity).toBe(agent);
    expect(context.requestId).toBe('req-1');
    expect(context.logger.bindings()).toMatchObject({ requestId: 'req-1', userId: 'agent-1' });
  });

  it('makes up a request id when none or an empty one is given', () => {
    const a = requestContext(undefined, logger).requestId;
    const b = requestContext(undefined, logger, '').requestId;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('authChecker', () => {
  it('needs a caller, with or without roles', () => {
    expect(() => check(undefined, [])).toThrow(UnauthenticatedError);
    expect(() => check(undefined, ['agent'])).toThrow(UnauthenticatedError);
    expect(check(agent, [])).toBe(true);
    expect(check({ userId: 'nobody', roles: [] }, [])).toBe(true);
  });

  it('needs one of the roles, naming them when the caller has none', () => {
    expect(check(agent, ['agent', 'crm_manager'])).toBe(true);
    expect(() => check(agent, ['crm_manager', 'analyst'])).toThrow(new ForbiddenError('This needs one of the roles: crm_manager, analyst'));
  });

  it('keeps customer callers to the fields that name them', () => {
    const customer = { userId: '0b7c5a52-8d2e-4f51-9a43-3f8e2d7c1a90', roles: ['customer'] as Role[] };
    expect(() => check(customer, [])).toThrow(new ForbiddenError('This is for staff only'));
    expect(() => check(customer, ['agent'])).toThrow(ForbiddenError);
    expect(check(customer, ['customer'])).toBe(true);
  });

  it('lets admin through everywhere', () => {
    expect(check(admin, ['crm_manager'])).toBe(true);
    expect(check(admin, ['trainer', 'analyst'])).toBe(true);
  });
});

describe('caller', () => {
  it('gives the identity, or refuses without one', () => {
    expect(caller(requestContext(agent, logger))).toBe(agent);
    expect(() => caller(requestContext(undefined, logger))).toThrow(UnauthenticatedError);
  });
});
