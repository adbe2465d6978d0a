import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from './errors';

describe('domain errors', () => {
  it('carry the platform codes, messages and details, in the shape a GraphQL error will have', () => {
    expect(new NotFoundError('Complaint', 'k-1')).toMatchObject({
      message: 'Complaint "k-1" was not found',
      code: 'NOT_FOUND',
      extensions: { code: 'NOT_FOUND', entity: 'Complaint', id: 'k-1' },
    });
    expect(new ForbiddenError().message).toBe('Your role does not allow this action');
    expect(new ForbiddenError('Only supervisors decide').extensions).toEqual({ code: 'FORBIDDEN' });
    expect(new ConflictError('taken', { field: 'email' }).extensions).toEqual({ code: 'CONFLICT', field: 'email' });
    expect(new ConflictError('changed').extensions).toEqual({ code: ErrorCode.Conflict });
  });

  it('name the first field of a BadUserInputError and keep every problem', () => {
    expect(BadUserInputError.field('first', 'range', 'must be 1 to 100')).toMatchObject({
      message: 'first: must be 1 to 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first', problems: [{ field: 'first', rule: 'range', message: 'must be 1 to 100' }] },
    });
    const both = new BadUserInputError([
      { field: 'input.email', rule: 'email', message: 'must be an e-mail address' },
      { field: 'input.phone', rule: 'phone', message: 'must be a phone number' },
    ]);
    expect(both.message).toBe('input.email: must be an e-mail address; input.phone: must be a phone number');
    expect(both.extensions.field).toBe('input.email');
    expect(both.problems).toHaveLength(2);
  });

  it('are Errors with their own names, not GraphQL errors', async () => {
    const error = new NotFoundError('Customer', 'c-1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('NotFoundError');
    expect(Object.getPrototypeOf(DomainError.prototype)).toBe(Error.prototype);
    await expect(Promise.reject(error)).rejects.toThrow(NotFoundError);
    await expect(Promise.reject(error)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
