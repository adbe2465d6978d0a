import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@carebridge/config';
import type { SubgraphDefinition } from '@carebridge/service-kit';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/**
 * Where a subgraph of the graph (SUBGRAPHS in libs/config/src/topology.ts) is defined. By the
 * layout every service follows, that is `apps/<project>/src/<name>.subgraph.ts`, so a new
 * subgraph needs no line here.
 */
export function definitionModule(name: string): string {
  const placement = SUBGRAPHS.find((s) => s.name === name);
  if (!placement) throw new Error(`No subgraph "${name}" in SUBGRAPHS (libs/config/src/topology.ts)`);
  return `apps/${placement.project}/src/${name}.subgraph.ts`;
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
