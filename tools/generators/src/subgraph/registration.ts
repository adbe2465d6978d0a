import { type Tree, updateJson } from '@nx/devkit';
import type { SubgraphNames } from './subgraph-names';

export const TOPOLOGY = 'libs/config/src/topology.ts';
export const EVENT_CONTRACTS = 'libs/event-contracts/src';
export const DOCKERFILE = 'infra/docker/Dockerfile';
export const COMPOSE = 'infra/compose/compose.yaml';
export const K8S_BASE = 'infra/k8s/base';
export const K8S_PRODUCTION = 'infra/k8s/overlays/production/kustomization.yaml';
export const E2E_PROJECT = 'apps/platform-e2e/project.json';

export interface Placement {
  name: string;
  port: number;
}

function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing: the subgraph generator registers new subgraphs there`);
  return text;
}

/**
 * Inserts `lines` above the marker comment `@carebridge/tools:subgraph adds <what> above this line`
 * of `path`. Markers keep the insertion points stable whatever else changes in those files.
 */
export function insertAboveMarker(tree: Tree, path: string, what: string, lines: string[]): void {
  const text = read(tree, path);
  const marker = `@carebridge/tools:subgraph adds ${what} above this line`;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${path} has no line "… ${marker}": put it back where new ${what} belong`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  tree.write(path, `${text.slice(0, lineStart)}${lines.map((line) => `${line}\n`).join('')}${text.slice(lineStart)}`);
}

/** The subgraphs of the topology as written (the Tree may hold changes not yet on disk). */
export function topologyPlacements(tree: Tree): { subgraphs: Placement[]; gatewayPort: number } {
  const text = read(tree, TOPOLOGY);
  const subgraphs = [...text.matchAll(/\{\s*name:\s*'([a-z-]+)',\s*project:\s*'[a-z-]+',\s*defaultPort:\s*(\d+)\s*\}/g)].map(([, name, port]) => ({ name, port: Number(port) }));
  const gatewayPort = Number(/GATEWAY_DEFAULT_PORT\s*=\s*(\d+)/.exec(text)?.[1] ?? 4000);
  return { subgraphs, gatewayPort };
}

export function nextFreePort(tree: Tree): number {
  const { subgraphs, gatewayPort } = topologyPlacements(tree);
  return Math.max(gatewayPort, ...subgraphs.map((s) => s.port)) + 1;
}

export function registerInTopology(tree: Tree, n: SubgraphNames): void {
  insertAboveMarker(tree, TOPOLOGY, 'subgraphs', [`  { name: '${n.name}', project: '${n.name}', defaultPort: ${n.port} },`]);
}

/** The topic in TOPICS, the contracts module in the index and in EVENT_CATALOGUE (its file comes from the templates). */
export function registerInEventCatalogue(tree: Tree, n: SubgraphNames): void {
  const topics = `${EVENT_CONTRACTS}/topics.ts`;
  replaceOnce(tree, topics, /(export const TOPICS = \{[\s\S]*?\n)(\} as const;)/, (_all, body, end) => `${body}  ${n.entity.propertyName}: '${n.event.topic}',\n${end}`);

  const index = `${EVENT_CONTRACTS}/index.ts`;
  const exportLine = `export * from './${n.name}.events';`;
  const indexText = read(tree, index);
  const lastEvents = [...indexText.matchAll(/^export \* from '\.\/[a-z-]+\.events';$/gm)].pop();
  const at = lastEvents ? (lastEvents.index ?? 0) + lastEvents[0].length + 1 : indexText.length;
  tree.write(index, `${indexText.slice(0, at)}${exportLine}\n${indexText.slice(at)}`);

  const catalogue = `${EVENT_CONTRACTS}/catalogue.ts`;
  const catalogueText = read(tree, catalogue);
  const lastImport = [...catalogueText.matchAll(/^import \* as \w+ from '\.\/[a-z-]+\.events';$/gm)].pop();
  if (!lastImport) throw new Error(`${catalogue} imports no *.events module as a namespace (import * as crm from './crm.events'): add ${n.name}'s contracts by hand`);
  const importAt = (lastImport.index ?? 0) + lastImport[0].length + 1;
  tree.write(catalogue, `${catalogueText.slice(0, importAt)}import * as ${n.propertyName} from './${n.name}.events';\n${catalogueText.slice(importAt)}`);
  replaceOnce(tree, catalogue, /(EVENT_CATALOGUE[^=]*=\s*\[)([^\]]*?)(\s*)\]/, (_all, start, list, space) => {
    const items = list.replace(/,\s*$/, '');
    const separator = list.includes('\n') ? `,\n  ` : ', ';
    return `${start}${items}${separator}...contracts(${n.propertyName})${list.includes('\n') ? ',' : ''}${space}]`;
  });
}

function replaceOnce(tree: Tree, path: string, pattern: RegExp, replace: (...groups: string[]) => string): void {
  const text = read(tree, path);
  if (!pattern.test(text)) throw new Error(`${path} does not have the shape the subgraph generator expects (${pattern}): register the subgraph there by hand`);
  tree.write(path, text.replace(pattern, replace as (substring: string, ...args: any[]) => string));
}

export function registerInDockerfile(tree: Tree, n: SubgraphNames): void {
  insertAboveMarker(tree, DOCKERFILE, 'service stages', [
    `FROM base AS service-${n.name}`,
    `COPY --from=build /app/dist/apps/${n.name}/src ./apps/${n.name}/src`,
    `ENV PORT=${n.port}`,
    `EXPOSE ${n.port}`,
    `CMD ["node", "apps/${n.name}/src/main.js"]`,
    '',
  ]);
}

export function registerInCompose(tree: Tree, n: SubgraphNames): void {
  const secret = `${n.name}-secret`;
  insertAboveMarker(tree, COMPOSE, 'subgraph secrets', [`  ${n.name}: &${secret} \${${n.constantName}_SUBGRAPH_SECRET:-compose-only-${n.name}-subgraph-secret-not-for-production}`]);
  insertAboveMarker(tree, COMPOSE, 'subgraph services', [
    `  ${n.name}:`,
    `    <<: *subgraph`,
    `    build: { <<: *build, args: { SERVICE: ${n.name} } }`,
    `    environment:`,
    `      <<: *subgraph-env`,
    `      OTEL_SERVICE_NAME: ${n.name}`,
    `      SUBGRAPH_SECRET: *${secret}`,
    '',
  ]);
  insertAboveMarker(tree, COMPOSE, 'gateway dependencies', [`      ${n.name}: { condition: service_healthy }`]);
  insertAboveMarker(tree, COMPOSE, 'gateway subgraph variables', [
    `      SUBGRAPH_${n.constantName}_URL: http://${n.name}:${n.port}/graphql`,
    `      SUBGRAPH_${n.constantName}_SECRET: *${secret}`,
  ]);
}

/** The Deployment itself comes from the templates (infra/k8s/base/<name>.yaml); these are the lists that name it. */
export function registerInKubernetes(tree: Tree, n: SubgraphNames): void {
  insertAboveMarker(tree, `${K8S_BASE}/kustomization.yaml`, 'subgraph manifests', [`  - ${n.name}.yaml`]);
  insertAboveMarker(tree, `${K8S_BASE}/config.env`, 'subgraph URLs', [`SUBGRAPH_${n.constantName}_URL=http://${n.name}:${n.port}/graphql`]);
  insertAboveMarker(tree, `${K8S_BASE}/gateway.yaml`, 'subgraph secrets', [
    `            - { name: SUBGRAPH_${n.constantName}_SECRET, valueFrom: { secretKeyRef: { name: carebridge-secrets, key: ${n.constantName}_SUBGRAPH_SECRET } } }`,
  ]);
  insertAboveMarker(tree, `${K8S_BASE}/secrets.example.yaml`, 'subgraph database URLs', [
    `  ${n.constantName}_DATABASE_URL: postgres://carebridge_${n.snakeName}:<password>@postgres.example.internal:5432/?sslmode=verify-full`,
  ]);
  insertAboveMarker(tree, `${K8S_BASE}/secrets.example.yaml`, 'subgraph secrets', [`  ${n.constantName}_SUBGRAPH_SECRET: <random>`]);
  insertAboveMarker(tree, K8S_PRODUCTION, 'subgraph images', [
    `  - { name: carebridge/${n.name}, newName: registry.example.com/carebridge/${n.name}, newTag: "0.1.0" }`,
  ]);
  insertAboveMarker(tree, K8S_PRODUCTION, 'subgraph replica counts', [`  - { name: ${n.name}, count: 2 }`]);
}

/** The end-to-end tests run against every app: Nx reruns them when the new one changes. */
export function registerInEndToEnd(tree: Tree, n: SubgraphNames): void {
  updateJson(tree, E2E_PROJECT, (project: { implicitDependencies?: string[] }) => {
    project.implicitDependencies = [...new Set([...(project.implicitDependencies ?? []), n.name])];
    return project;
  });
}
