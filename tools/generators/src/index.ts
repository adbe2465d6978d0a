export { subgraphGenerator } from './subgraph/subgraph';
export type { SubgraphOptions } from './subgraph/subgraph-names';
