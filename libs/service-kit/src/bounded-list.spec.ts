import { MAX_PAGE_SIZE } from './pagination';
import { listSize } from './bounded-list';

describe('listSize', () => {
  it('is the bound when a client sends no `first`, and what it asks for within the bound', () => {
    expect(listSize({})).toBe(MAX_PAGE_SIZE);
    expect(listSize({ first: 3 })).toBe(3);
  });

  it.each([0, -1, 2.5, MAX_PAGE_SIZE + 1])('refuses first: %p as BAD_USER_INPUT on `first`', (first) => {
    expect(() => listSize({ first })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) }));
  });
});
