import type { SubgraphDefinition } from '@carebridge/service-kit';

/**
 * Where each subgraph of the graph (SUBGRAPHS in libs/config/src/topology.ts) is defined: the one
 * place the composer learns a service's schema from. A new subgraph needs its line here.
 *
 * The imports are literal so that the type checker sees the exports and Nx sees that the
 * composed supergraph depends on the apps' definitions (a changed resolver re-runs the check).
 */
export const SUBGRAPH_DEFINITIONS: Readonly<Record<string, { module: string; load(): Promise<SubgraphDefinition> }>> = {
  crm: {
    module: 'apps/crm/src/crm.subgraph.ts',
    load: async () => (await import('../../../apps/crm/src/crm.subgraph')).crmSubgraph,
  },
  complaint: {
    module: 'apps/complaint/src/complaint.subgraph.ts',
    load: async () => (await import('../../../apps/complaint/src/complaint.subgraph')).complaintSubgraph,
  },
};

/** The definition of subgraph `name`; a clear error when the map above has no line for it. */
export async function loadSubgraphDefinition(name: string): Promise<SubgraphDefinition> {
  const entry = SUBGRAPH_DEFINITIONS[name];
  if (!entry) {
    throw new Error(
      `No definition for subgraph "${name}" (listed in SUBGRAPHS, libs/config/src/topology.ts): ` +
        `add its definition module to SUBGRAPH_DEFINITIONS in tools/supergraph/src/subgraph-definitions.ts`,
    );
  }
  const definition = await entry.load();
  if (!definition || definition.name !== name) {
    throw new Error(`${entry.module} defines subgraph "${definition?.name}", not "${name}": fix SUBGRAPH_DEFINITIONS in tools/supergraph/src/subgraph-definitions.ts`);
  }
  return definition;
}
