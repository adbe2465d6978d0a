import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parseDeclaredChanges, reviewRepositorySchema, reviewSchemaChanges, undescribedBySubgraph } from './schema-changes';

function supergraph(typeDefs: string): string {
  const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])\n';
  const result = composeServices([{ name: 'desk', url: 'http://desk/graphql', typeDefs: parse(header + typeDefs) }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.supergraphSdl;
}

const released = supergraph(`
  type Query { complaint(id: ID!): Complaint }
  type Complaint @key(fields: "id") { id: ID! summary: String! customerName: String }
`);
const none = parseDeclaredChanges('release: 0.1.0\nchanges: []\n');

describe('schema changes against the released supergraph', () => {
  it('finds nothing when the client schema is unchanged, even if only federation metadata moved', async () => {
    const review = await reviewSchemaChanges(released, released, none);
    expect(review.breaking).toEqual([]);
    expect(review.undeclared).toEqual([]);
  });

  it('lets an added optional field through as safe', async () => {
    const current = supergraph(`
      type Query { complaint(id: ID!): Complaint }
      type Complaint @key(fields: "id") { id: ID! summary: String! customerName: String place: String }
    `);
    const review = await reviewSchemaChanges(released, current, none);
    expect(review.breaking).toEqual([]);
    expect(review.safe.map((c) => c.path)).toContain('Complaint.place');
  });

  it('holds a removed field and a loosened output type as undeclared breaking changes', async () => {
    const current = supergraph(`
      type Query { complaint(id: ID!): Complaint }
      type Complaint @key(fields: "id") { id: ID! summary: String }
    `);
    const review = await reviewSchemaChanges(released, current, none);
    expect(review.undeclared.map((c) => `${c.type} ${c.path}`).sort()).toEqual([
      'FIELD_REMOVED Complaint.customerName',
      'FIELD_TYPE_CHANGED Complaint.summary',
    ]);
  });

  it('accepts a breaking change that is declared with its reason, and reports declarations that match nothing', async () => {
    const current = supergraph(`
      type Query { complaint(id: ID!): Complaint }
      type Complaint @key(fields: "id") { id: ID! summary: String! }
    `);
    const declared = parseDeclaredChanges(`
release: 0.1.0
changes:
  - type: FIELD_REMOVED
    path: Complaint.customerName
    reason: names are read from Customer through federation
  - type: FIELD_REMOVED
    path: Complaint.nothing
    reason: a declaration that no longer matches a change
`);
    const review = await reviewSchemaChanges(released, current, declared);
    expect(review.undeclared).toEqual([]);
    expect(review.unused.map((d) => d.path)).toEqual(['Complaint.nothing']);
  });

  it('refuses a declaration without a reason', () => {
    expect(() => parseDeclaredChanges('release: 0.1.0\nchanges:\n  - { type: FIELD_REMOVED, path: A.b, reason: "" }\n')).toThrow(/say why/);
  });

  it('asks a description of every field and argument added since the release', async () => {
    const current = supergraph(`
      type Query { complaint(id: ID!): Complaint }
      type Complaint @key(fields: "id") {
        id: ID! summary: String! customerName: String
        "Where it happened, as the customer said it."
        place: String
        history(first: Int): [String!]
      }
    `);
    const review = await reviewSchemaChanges(released, current, none);
    expect(review.undescribed).toEqual(['Complaint.history', 'Complaint.history(first)']);
  });

  it('counts the fields and arguments without a description by the subgraph that resolves them', () => {
    const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n';
    const composed = composeServices([
      { name: 'desk', url: 'http://desk/graphql', typeDefs: parse(`${header}type Query { complaint(id: ID!): Complaint } type Complaint @key(fields: "id") { id: ID! "What happened." summary: String! }`) },
      { name: 'crm', url: 'http://crm/graphql', typeDefs: parse(`${header}type Complaint @key(fields: "id") { id: ID! customerName: String }`) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('; '));
    const count = undescribedBySubgraph(composed.supergraphSdl);
    expect(count).toMatchObject({ total: 4, members: 5 });
    expect(count.bySubgraph).toEqual({ desk: ['Complaint.id', 'Query.complaint', 'Query.complaint(id)'], crm: ['Complaint.id', 'Complaint.customerName'] });
  });

  it('the committed supergraph breaks no client of the last release without a declaration, and describes what it adds', async () => {
    const review = await reviewRepositorySchema();
    expect(review.undeclared.map((c) => `${c.type} ${c.path}: ${c.message}`)).toEqual([]);
    expect(review.unused).toEqual([]);
    expect(review.undescribed).toEqual([]);
  });
});
