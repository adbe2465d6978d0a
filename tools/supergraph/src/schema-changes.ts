import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { type ConstDirectiveNode, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType, Kind, parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from './compose';

/** The supergraph of the last release: what client apps in the field were built against. */
export const RELEASED_SUPERGRAPH_FILE = 'infra/schema/released-supergraph.graphql';
/** Breaking changes since that release, each declared on purpose with its reason. */
export const DECLARED_CHANGES_FILE = 'infra/schema/declared-changes.yaml';

/**
 * The schema client apps see: the supergraph without its join directives and without what is
 * marked @inaccessible. Diffing supergraph SDL directly would report every move of a field between
 * subgraphs, which clients never notice.
 */
export function clientSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

const declaredChangesFile = z.object({
  release: z.string().min(1),
  changes: z
    .array(
      z.object({
        type: z.string().min(1),
        path: z.string().min(1),
        reason: z.string().min(10, 'say why the change is worth breaking clients for'),
      }),
    )
    .nullish()
    .transform((changes) => changes ?? []),
});
export type DeclaredChanges = z.infer<typeof declaredChangesFile>;

export function parseDeclaredChanges(text: string): DeclaredChanges {
  return declaredChangesFile.parse(parseYaml(text));
}

export interface SchemaReview {
  /** Fields and arguments added since the release without a description (`Type.field`, `Type.field(argument)`). */
  undescribed: string[];
  breaking: Change[];
  /** Breaking changes without a declaration: these fail the check. */
  undeclared: Change[];
  /** Declarations that match no change any more (stale; the check reports them so the file stays true). */
  unused: DeclaredChanges['changes'];
  dangerous: Change[];
  safe: Change[];
}

const key = (type: string, path: string | undefined) => `${type} ${path ?? ''}`;

/** Compares the client schema of two supergraphs with graphql-inspector and holds the breaking changes against the declarations. */
export async function reviewSchemaChanges(released: string, current: string, declared: DeclaredChanges): Promise<SchemaReview> {
  const before = clientSchema(released);
  const after = clientSchema(current);
  const changes = await diff(before, after);
  const existing = new Set(schemaMembers(before).map((m) => m.path));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const declaredKeys = new Set(declared.changes.map((d) => key(d.type, d.path)));
  const breakingKeys = new Set(breaking.map((c) => key(c.type, c.path)));
  return {
    undescribed: schemaMembers(after)
      .filter((m) => !m.described && !existing.has(m.path))
      .map((m) => m.path),
    breaking,
    undeclared: breaking.filter((c) => !declaredKeys.has(key(c.type, c.path))),
    unused: declared.changes.filter((d) => !breakingKeys.has(key(d.type, d.path))),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
  };
}

/**
 * Every field and argument of the client schema's object, interface and input types, with whether
 * it has a description. A new one must have one: clients read the schema as its documentation.
 */
export function schemaMembers(schema: GraphQLSchema): { path: string; described: boolean }[] {
  const members: { path: string; described: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      members.push({ path: `${type.name}.${field.name}`, described: Boolean(field.description?.trim()) });
      for (const argument of 'args' in field ? field.args : []) {
        members.push({ path: `${type.name}.${field.name}(${argument.name})`, described: Boolean(argument.description?.trim()) });
      }
    }
  }
  return members;
}

/**
 * Fields and arguments of the client schema without a description, by the subgraph that resolves
 * them (`@join__field(graph:)`, else the type's `@join__type`; a shared field counts for each):
 * what is left of "every field and argument has a description" (`npm run schema:check -- --descriptions`).
 */
export function undescribedBySubgraph(supergraphSdl: string): { total: number; members: number; bySubgraph: Record<string, string[]> } {
  const members = schemaMembers(clientSchema(supergraphSdl));
  const graphNames = new Map<string, string>();
  const owners = new Map<string, Set<string>>();
  const graphsOf = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
    (directives ?? [])
      .filter((d) => d.name.value === name)
      .map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value)
      .flatMap((value) => (value?.kind === Kind.ENUM ? [value.value] : []));
  const document = parse(supergraphSdl, { noLocation: true });
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
        graphNames.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase());
      }
    }
    if (!('fields' in definition) || !definition.fields || !('name' in definition) || !definition.name) continue;
    const typeGraphs = graphsOf(definition.directives, 'join__type');
    for (const field of definition.fields) {
      const fieldGraphs = graphsOf(field.directives, 'join__field');
      const key = `${definition.name.value}.${field.name.value}`;
      owners.set(key, new Set([...(owners.get(key) ?? []), ...(fieldGraphs.length ? fieldGraphs : typeGraphs)]));
    }
  }
  const bySubgraph: Record<string, string[]> = {};
  const undescribed = members.filter((m) => !m.described);
  for (const { path } of undescribed) {
    const field = path.replace(/\(.*\)$/, '');
    for (const graph of owners.get(field) ?? ['unknown']) (bySubgraph[graphNames.get(graph) ?? graph] ??= []).push(path);
  }
  return { total: undescribed.length, members: members.length, bySubgraph };
}

/** The repository's own review: the committed supergraph against the released one. */
export async function reviewRepositorySchema(root = REPOSITORY_ROOT): Promise<SchemaReview> {
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  return reviewSchemaChanges(read(RELEASED_SUPERGRAPH_FILE), read(SUPERGRAPH_FILE), parseDeclaredChanges(read(DECLARED_CHANGES_FILE)));
}
