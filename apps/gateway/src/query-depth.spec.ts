import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { maxDepthRule } from './query-depth';

const schema = buildSchema(`
  type Query { customer(id: ID): Customer, ping: String }
  type Customer { id: ID, name: String, referredBy: Customer, complaints: [Complaint] }
  type Complaint { id: ID, customer: Customer }
`);

const depthErrors = (query: string, maxDepth: number) => validate(schema, parse(query), [maxDepthRule(maxDepth)]);

describe('maxDepthRule', () => {
  it('counts the levels of nested fields', () => {
    expect(depthErrors('{ ping }', 1)).toEqual([]);
    expect(depthErrors('{ customer { id } }', 2)).toEqual([]);
    expect(depthErrors('{ customer { referredBy { referredBy { id } } } }', 4)).toEqual([]);
    const errors = depthErrors('{ customer { referredBy { referredBy { id } } } }', 3);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Operation is nested 4 levels deep; at most 3 are allowed');
    expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('takes the deepest branch', () => {
    const query = '{ ping customer { id complaints { customer { name } } referredBy { id } } }';
    expect(depthErrors(query, 4)).toEqual([]);
    expect(depthErrors(query, 3)[0].message).toContain('nested 4 levels');
  });

  it('counts fields reached through fragments and inline fragments', () => {
    const query = `
      query { customer { ...Referral } }
      fragment Referral on Customer { referredBy { ... on Customer { referredBy { ...Leaf } } } }
      fragment Leaf on Customer { complaints { id } }
    `;
    expect(depthErrors(query, 5)).toEqual([]);
    expect(depthErrors(query, 4)[0].message).toBe('Operation is nested 5 levels deep; at most 4 are allowed');
  });

  it('does not count introspection fields', () => {
    expect(depthErrors('{ customer { __typename referredBy { __typename } } }', 2)).toEqual([]);
  });

  it('judges each operation of a document on its own', () => {
    const errors = depthErrors('query Shallow { ping } query Deep { customer { referredBy { referredBy { id } } } }', 3);
    expect(errors).toHaveLength(1);
    expect(errors[0].nodes?.[0]).toMatchObject({ kind: 'OperationDefinition', name: { value: 'Deep' } });
  });

  it('survives fragment cycles, which GraphQL itself reports', () => {
    const cyclic = `
      query { customer { ...A } }
      fragment A on Customer { referredBy { ...B } }
      fragment B on Customer { referredBy { ...A } }
      fragment Self on Customer { id ...Self }
    `;
    expect(() => depthErrors(cyclic, 10)).not.toThrow();
    const all = validate(schema, parse(cyclic), [...specifiedRules, maxDepthRule(10)]);
    expect(all.some((e) => e.message.includes('Cannot spread fragment "A" within itself'))).toBe(true);
  });

  it('still refuses a deep operation that also has a cycle', () => {
    const query = `
      query { customer { referredBy { referredBy { ...A } } } }
      fragment A on Customer { referredBy { ...A } }
    `;
    expect(depthErrors(query, 3)[0].message).toContain('at most 3');
  });

  it('ignores spreads of unknown fragments', () => {
    expect(() => depthErrors('{ customer { ...Missing } }', 2)).not.toThrow();
  });

  it('takes linear time for fragments spread many times over', () => {
    // Each fragment spreads the next twice: 2^40 paths through a 2 KB query.
    const n = 40;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Customer { ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : 'id'} }`).join('\n');
    const started = Date.now();
    expect(depthErrors(`{ customer { ...F0 } }\n${fragments}`, 12)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('handles wide selections', () => {
    const wide = `{ customer { ${Array.from({ length: 200_000 }, () => 'id').join(' ')} } }`;
    expect(depthErrors(wide, 2)).toEqual([]);
  });
});
