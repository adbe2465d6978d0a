import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { type NonEmptyArray, buildSchema, createResolversMap } from 'type-graphql';
import { authChecker } from './context';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])
`;

/**
 * Builds an Apollo Federation 2 subgraph schema from type-graphql resolver instances: type-graphql
 * makes the schema (with `@key` directives from `@Directive`), @apollo/subgraph adds `_service`,
 * `_entities` and the reference resolvers.
 */
export async function buildFederatedSchema(resolvers: object[], references: ReferenceResolvers = {}, orphanedTypes: Function[] = []): Promise<GraphQLSchema> {
  const classes = resolvers.map((r) => r.constructor as Function) as NonEmptyArray<Function>;
  const schema = await buildSchema({
    resolvers: classes,
    orphanedTypes,
    container: { get: (cls) => resolvers.find((r) => r.constructor === cls) ?? new (cls as new () => unknown)() },
    authChecker,
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    skipCheck: true,
  });
  const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(references)) {
    resolverMap[typeName] = { ...(resolverMap[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolverMap as GraphQLResolverMap<unknown>,
  });
}
