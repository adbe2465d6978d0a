/**
 * The subgraphs that make up the Carebridge graph, with the port each listens on by default.
 * The gateway, the local launcher and the supergraph composer read this list; adding a service to
 * the graph is one line here (and its own app).
 */
export interface SubgraphPlacement {
  name: string;
  /** Nx project and folder under apps/. */
  project: string;
  defaultPort: number;
}

export const SUBGRAPHS: readonly SubgraphPlacement[] = [
  { name: 'crm', project: 'crm', defaultPort: 4001 },
  { name: 'complaint', project: 'complaint', defaultPort: 4002 },
  { name: 'inquiry', project: 'inquiry', defaultPort: 4003 },
  { name: 'after-sales', project: 'after-sales', defaultPort: 4004 },
  { name: 'communication', project: 'communication', defaultPort: 4005 },
  { name: 'training', project: 'training', defaultPort: 4006 },
  { name: 'analytics', project: 'analytics', defaultPort: 4007 },
  // @carebridge/tools:subgraph adds subgraphs above this line (npx nx g @carebridge/tools:subgraph <name>).
];

export const GATEWAY_DEFAULT_PORT = 4000;

/** `after-sales` → `AFTER_SALES`, for per-subgraph environment variables. */
export function envName(subgraph: string): string {
  return subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
