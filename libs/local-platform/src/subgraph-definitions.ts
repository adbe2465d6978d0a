import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@carebridge/config';
import { Outbox } from '@carebridge/messaging';
import { buildFederatedSchema, createLogger, type SubgraphDefinition, type SubgraphParts, systemClock } from '@carebridge/service-kit';
import { execute, type GraphQLSchema, parse } from 'graphql';
import { DataSource } from 'typeorm';
import { REPOSITORY_ROOT } from './service-process';

/** `ts` in the repository, `js` in a production build (tools/production-build): the modules beside this one. */
const SOURCE_EXTENSION = __filename.endsWith('.js') ? 'js' : 'ts';

/**
 * Where a subgraph of the graph (SUBGRAPHS in libs/config/src/topology.ts) is defined. By the
 * layout every service follows, that is `apps/<project>/src/<name>.subgraph.ts`, so a new
 * subgraph needs no line here.
 */
export function definitionModule(name: string): string {
  const placement = SUBGRAPHS.find((s) => s.name === name);
  if (!placement) throw new Error(`No subgraph "${name}" in SUBGRAPHS (libs/config/src/topology.ts)`);
  return `apps/${placement.project}/src/${name}.subgraph.${SOURCE_EXTENSION}`;
}

/** The definition of subgraph `name`; a clear error when its module or export is missing. */
export async function loadSubgraphDefinition(name: string): Promise<SubgraphDefinition> {
  const module = definitionModule(name);
  const path = join(REPOSITORY_ROOT, module);
  if (!existsSync(path)) throw new Error(`Subgraph "${name}" has no definition module: expected ${module} (see docs/architecture.md, "Adding a subgraph")`);
  const exports = (await import(path)) as Record<string, unknown>;
  const definition = Object.values(exports).find(
    (value): value is SubgraphDefinition => typeof value === 'object' && value !== null && (value as SubgraphDefinition).name === name && 'build' in value,
  );
  if (!definition) throw new Error(`${module} exports no subgraph definition named "${name}" (defineSubgraph({ name: '${name}', … }))`);
  return definition;
}

/**
 * What a subgraph contributes (resolvers, references, event handlers, jobs), built in-process
 * without a database: the composition root gets a DataSource that is never initialised, which is
 * enough because building the parts does not query.
 */
export async function subgraphParts(definition: SubgraphDefinition): Promise<SubgraphParts> {
  return await definition.build({
    name: definition.name,
    dataSource: new DataSource({ type: 'postgres' }),
    outbox: new Outbox(definition.name, () => systemClock.now()),
    logger: createLogger({ service: definition.name, level: 'silent' }),
    clock: systemClock,
    env: {},
  });
}

/** A subgraph's SDL (with its federation directives), built in-process without a database. */
export async function subgraphSdl(definition: SubgraphDefinition): Promise<string> {
  const parts = await subgraphParts(definition);
  const schema = await buildFederatedSchema(parts.resolvers, parts.references, parts.orphanedTypes);
  return serviceSdl(schema, definition.name);
}

async function serviceSdl(schema: GraphQLSchema, name: string): Promise<string> {
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
  if (result.errors?.length || !sdl) {
    throw new Error(`Subgraph ${name} did not return its SDL: ${result.errors?.map((e) => e.message).join('; ') ?? 'no _service.sdl'}`);
  }
  return sdl;
}
