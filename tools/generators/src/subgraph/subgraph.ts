import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type GeneratorCallback, generateFiles, logger, type Tree } from '@nx/devkit';
import {
  COMPOSE,
  E2E_PROJECT,
  EVENT_CONTRACTS,
  K8S_BASE,
  nextFreePort,
  registerInCompose,
  registerInDockerfile,
  registerInEndToEnd,
  registerInEventCatalogue,
  registerInKubernetes,
  registerInTopology,
  topologyPlacements,
} from './registration';
import { checkName, type SubgraphNames, subgraphNames, type SubgraphOptions } from './subgraph-names';

/** What `npm run events:catalogue` and `npm run compose` run; the generator runs them once the files are written. */
const REGENERATE: [string, string][] = [
  ['tools/event-catalogue/src/main.ts', 'docs/events.md and docs/asyncapi.yaml'],
  ['tools/supergraph/src/main.ts', 'infra/supergraph.graphql'],
];

/**
 * `npx nx g @carebridge/tools:subgraph <name>`: a new subgraph in the one service shape, with a sample
 * entity, query, mutation, event and integration test, registered wherever the platform lists its
 * subgraphs. Everything is written through the Tree, so `--dry-run` shows it all and a refusal
 * leaves the workspace untouched.
 */
export async function subgraphGenerator(tree: Tree, options: SubgraphOptions): Promise<GeneratorCallback> {
  const name = checkName(options.name, 'name');
  refuseExisting(tree, name);
  const port = options.port ?? nextFreePort(tree);
  refuseTakenPort(tree, port);
  const n = subgraphNames(options, port, Date.now());
  refuseTakenEvent(tree, n);

  generateFiles(tree, join(__dirname, 'files'), '.', { n, name: n.name, entity: n.entity.fileName, migration: n.migration.fileName });
  registerInTopology(tree, n);
  registerInEventCatalogue(tree, n);
  registerInDockerfile(tree, n);
  registerInCompose(tree, n);
  registerInKubernetes(tree, n);
  registerInEndToEnd(tree, n);

  return () => {
    if (options.skipRegenerate) {
      logger.info(`Next: npm run events:catalogue && npm run compose (the catalogue docs and the supergraph now miss ${n.name}).`);
    } else {
      for (const [entry, what] of REGENERATE) regenerate(tree.root, entry, what);
    }
    const next: [string, string][] = [
      [`npx nx test ${n.name}`, 'its integration test'],
      ['npm start', `the platform with ${n.name}`],
      [`docs/services/${n.name}.md`, 'its page: say what it is for'],
    ];
    const width = Math.max(...next.map(([command]) => command.length)) + 2;
    logger.info(
      [
        `${n.name} is registered in the topology (port ${n.port}), the event catalogue, the images, compose, Kubernetes and the e2e project.`,
        ...next.map(([command, what]) => `  ${command.padEnd(width)}${what}`),
      ].join('\n'),
    );
  };
}

export default subgraphGenerator;

function refuseExisting(tree: Tree, name: string): void {
  const taken = [
    `apps/${name}`,
    `${EVENT_CONTRACTS}/${name}.events.ts`,
    `${K8S_BASE}/${name}.yaml`,
    `docs/services/${name}.md`,
  ].filter((path) => tree.exists(path));
  if (topologyPlacements(tree).subgraphs.some((s) => s.name === name)) taken.unshift(`the topology (libs/config/src/topology.ts)`);
  if (new RegExp(`^  ${name}:$`, 'm').test(tree.read(COMPOSE, 'utf-8') ?? '')) taken.push(COMPOSE);
  const e2e = JSON.parse(tree.read(E2E_PROJECT, 'utf-8') ?? '{}') as { implicitDependencies?: string[] };
  if (e2e.implicitDependencies?.includes(name)) taken.push(E2E_PROJECT);
  if (taken.length) throw new Error(`A subgraph "${name}" already exists (${taken.join(', ')}): choose another name, nothing was written`);
}

function refuseTakenPort(tree: Tree, port: number): void {
  const { subgraphs, gatewayPort } = topologyPlacements(tree);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port ${port} must be a whole number from 1024 to 65535`);
  const holder = port === gatewayPort ? 'the gateway' : subgraphs.find((s) => s.port === port)?.name;
  if (holder) throw new Error(`--port ${port} is ${holder}'s: leave --port out for the next free one`);
}

/** The sample's topic key and event type must be new to the catalogue (a different --entity avoids a clash). */
function refuseTakenEvent(tree: Tree, n: SubgraphNames): void {
  const topics = tree.read(`${EVENT_CONTRACTS}/topics.ts`, 'utf-8') ?? '';
  if (new RegExp(`^\\s+${n.entity.propertyName}:`, 'm').test(topics)) {
    throw new Error(`TOPICS already has ${n.entity.propertyName} (libs/event-contracts/src/topics.ts): choose another --entity`);
  }
  const contracts = tree.children(EVENT_CONTRACTS).filter((file) => file.endsWith('.ts'));
  const declared = contracts.find((file) => tree.read(`${EVENT_CONTRACTS}/${file}`, 'utf-8')?.includes(`type: '${n.event.type}'`));
  if (declared) throw new Error(`The event type ${n.event.type} is already declared in ${EVENT_CONTRACTS}/${declared}: choose another --entity`);
}

function regenerate(root: string, entry: string, what: string): void {
  try {
    execFileSync(process.execPath, [join(root, 'tools/run.js'), join(root, entry)], { cwd: root, stdio: 'inherit' });
  } catch {
    logger.warn(`Could not regenerate ${what}: run node tools/run.js ${entry} (npm run compose / npm run events:catalogue) and look at its errors.`);
  }
}
