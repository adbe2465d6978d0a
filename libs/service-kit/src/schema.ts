import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, getNamedType, type GraphQLNamedType, GraphQLObjectType, type GraphQLSchema, isObjectType, parse } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { type NonEmptyArray, buildSchema, createResolversMap } from 'type-graphql';
import DataLoader from 'dataloader';
import { authChecker, type RequestContext } from './context';
import { refuseImplausibleInput } from './input-plausibility';
import { nextTurn } from './loading';
import { resolvingConnection } from './pagination';

const BATCHED = Symbol('carebridge.entityReference');

/** How the gateway reaches one entity type of the subgraph by key; made by `entityReference` only. */
export interface EntityReference<R extends { id: string } = any> {
  readonly __resolveReference: (reference: R, context: object) => Promise<unknown>;
  readonly [BATCHED]: true;
}

/** The entity types of a subgraph that other subgraphs and the gateway resolve by key, by type name. */
export type ReferenceResolvers = Record<string, EntityReference>;

/**
 * The one way a subgraph declares how its entities are resolved by key: `load` gets every
 * reference of a type that one request asks for (the gateway sends a page's worth in one
 * `_entities` call) and answers with one query, `WHERE id = ANY($1)`. The kit hands each
 * reference its entity by id, in the order asked, `null` for an id not found. The loaded entities
 * stay within the request, so field resolvers mask them for the caller as they would any other.
 */
export function entityReference<T extends { id: string }, R extends { id: string } = { id: string }>(
  load: (references: readonly R[], context: RequestContext) => Promise<readonly T[]>,
): EntityReference<R> {
  const loaders = new WeakMap<object, DataLoader<R, T | null, string>>();
  const loaderOf = (context: object) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader<R, T | null, string>(
        async (references) => {
          const found = new Map((await load(references, context as RequestContext)).map((entity) => [entity.id, entity]));
          return references.map((reference) => found.get(reference.id) ?? null);
        },
        { cacheKeyFn: (reference) => reference.id, batchScheduleFn: nextTurn },
      );
      loaders.set(context, loader);
    }
    return loader;
  };
  return { __resolveReference: (reference, context) => loaderOf(context).load(reference), [BATCHED]: true };
}

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
    // A reference resolved one by one would cost a query per item of every list that shows it.
    if (!reference[BATCHED]) throw new Error(`The reference of ${typeName} must be declared with entityReference (resolved per batch)`);
    resolverMap[typeName] = { ...(resolverMap[typeName] ?? {}), ...reference };
  }
  const federated = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolverMap as GraphQLResolverMap<unknown>,
  });
  countOnlyWhenSelected(federated);
  refuseImplausibleInput(federated);
  return federated;
}

/** A Relay connection type: edges, pageInfo and totalCount. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields && 'totalCount' in fields;
}

/** Every field returning a connection tells `paginate` whether its query selects `totalCount`. */
function countOnlyWhenSelected(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isConnection(getNamedType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => resolvingConnection(info, () => resolve(source, args, context, info));
    }
  }
}
