import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse, parseAllDocuments } from 'yaml';
import { COMPOSE, DOCKERFILE, E2E_PROJECT, EVENT_CONTRACTS, K8S_BASE, K8S_PRODUCTION, TOPOLOGY, topologyPlacements } from './registration';
import { subgraphGenerator } from './subgraph';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The files the generator registers a subgraph in, as they are in this repository, on a virtual tree. */
function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  const files = [
    TOPOLOGY,
    DOCKERFILE,
    COMPOSE,
    K8S_PRODUCTION,
    E2E_PROJECT,
    ...readdirSync(join(ROOT, K8S_BASE)).map((file) => `${K8S_BASE}/${file}`),
    ...readdirSync(join(ROOT, EVENT_CONTRACTS))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `${EVENT_CONTRACTS}/${file}`),
  ];
  for (const file of files) tree.write(file, readFileSync(join(ROOT, file)));
  return tree;
}

const text = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';
/** Lines `path` has on the tree that it does not have in the repository. */
function addedLines(tree: Tree, path: string): string[] {
  const before = new Set(readFileSync(join(ROOT, path), 'utf8').split('\n'));
  return text(tree, path)
    .split('\n')
    .filter((line) => !before.has(line));
}

describe('nx g @carebridge/tools:subgraph', () => {
  let tree: Tree;
  const nextPort = Math.max(...topologyPlacements(workspaceTree()).subgraphs.map((s) => s.port)) + 1;

  beforeEach(() => {
    tree = workspaceTree();
  });

  describe('after-sales', () => {
    beforeEach(async () => {
      await subgraphGenerator(tree, { name: 'after-sales', description: 'Follow-ups after a trip.' });
    });

    it('writes the service in the one shape, with the fixed names', () => {
      const src = 'apps/after-sales/src';
      for (const file of [
        'main.ts',
        'after-sales.subgraph.ts',
        'after-sales.domain.ts',
        'after-sales.resolvers.ts',
        'after-sales.references.ts',
        'after-sales.event-handlers.ts',
        'after-sales.jobs.ts',
        'after-sales.settings.ts',
        'after-sales.fixture.ts',
        'after-sales-note/after-sales-note.entity.ts',
        'after-sales-note/after-sales-note.inputs.ts',
        'after-sales-note/after-sales-note.resolver.ts',
        'after-sales-note/after-sales-note-queries.ts',
        'after-sales-note/after-sales-note-creation.ts',
        'after-sales-note/after-sales-note.spec.ts',
      ]) {
        expect({ file, exists: tree.exists(`${src}/${file}`) }).toEqual({ file, exists: true });
      }
      const subgraph = text(tree, `${src}/after-sales.subgraph.ts`);
      expect(subgraph).toContain(`export const afterSalesSubgraph = defineSubgraph({\n  name: 'after-sales',`);
      for (const part of ['afterSalesDomain(runtime, settings)', 'afterSalesResolvers(domain)', 'afterSalesReferences(domain)', 'afterSalesEventHandlers(domain)', 'afterSalesJobs(domain, settings)']) {
        expect(subgraph).toContain(part);
      }
      expect(text(tree, `${src}/after-sales.domain.ts`)).toContain('export type AfterSalesDomain = ReturnType<typeof afterSalesDomain>;');
      expect(text(tree, `${src}/after-sales.settings.ts`)).toMatch(/export interface AfterSalesSettings[\s\S]*AFTER_SALES_JOB_INTERVAL_MS/);
      expect(text(tree, `${src}/after-sales.fixture.ts`)).toContain('export async function openAfterSales(');
      expect(text(tree, `${src}/after-sales-note/after-sales-note.entity.ts`)).toMatch(/@Directive\('@key\(fields: "id"\)'\)\n@ObjectType\('AfterSalesNote'[\s\S]*@Entity\('after_sales_note'\)/);
      expect(text(tree, `${src}/after-sales-note/after-sales-note-creation.ts`)).toContain('this.outbox.publish(manager, afterSalesNoteCreated,');
      expect(text(tree, `${src}/after-sales-note/after-sales-note-queries.ts`)).toContain("from '@carebridge/domain'");
    });

    it('leaves no template syntax behind', () => {
      const written = tree.listChanges().filter((change) => change.type === 'CREATE');
      for (const change of written) expect({ path: change.path, template: /<%|%>|__\w+__/.test(change.content?.toString() ?? '') || /__\w+__/.test(change.path) }).toEqual({ path: change.path, template: false });
    });

    it('gives it a migration, a jest config on real Postgres and a project tagged type:app, scope:after-sales', () => {
      const migrations = tree.children('apps/after-sales/src/migrations');
      expect(migrations).toEqual([expect.stringMatching(/^\d{13}-CreateAfterSalesNote\.ts$/)]);
      expect(text(tree, `apps/after-sales/src/migrations/${migrations[0]}`)).toContain('CREATE TABLE after_sales_note (');
      expect(text(tree, 'apps/after-sales/jest.config.js')).toContain("...preset.postgres, displayName: 'after-sales'");
      const project = JSON.parse(text(tree, 'apps/after-sales/project.json'));
      expect(project).toMatchObject({ name: 'after-sales', sourceRoot: 'apps/after-sales/src', tags: ['type:app', 'scope:after-sales'] });
    });

    it('adds it to the topology on the next free port (npm start, the gateway and the composer read it)', () => {
      expect(addedLines(tree, TOPOLOGY)).toEqual([`  { name: 'after-sales', project: 'after-sales', defaultPort: ${nextPort} },`]);
      expect(topologyPlacements(tree).subgraphs.at(-1)).toEqual({ name: 'after-sales', port: nextPort });
    });

    it('declares its sample event and puts it in the catalogue', () => {
      const contracts = text(tree, `${EVENT_CONTRACTS}/after-sales.events.ts`);
      expect(contracts).toContain(`type: 'after_sales_note.created'`);
      expect(contracts).toContain(`producer: 'after-sales'`);
      expect(contracts).toContain('topic: TOPICS.afterSalesNote');
      expect(addedLines(tree, `${EVENT_CONTRACTS}/topics.ts`)).toEqual([`  afterSalesNote: 'carebridge.after-sales.after-sales-note',`]);
      expect(addedLines(tree, `${EVENT_CONTRACTS}/index.ts`)).toEqual([`export * from './after-sales.events';`]);
      const catalogue = addedLines(tree, `${EVENT_CONTRACTS}/catalogue.ts`);
      expect(catalogue).toContain(`import * as afterSales from './after-sales.events';`);
      expect(catalogue.join('\n')).toContain('...contracts(afterSales)');
    });

    it('gives it an image stage, a compose service and Kubernetes manifests', () => {
      expect(addedLines(tree, DOCKERFILE)).toEqual([
        'FROM base AS service-after-sales',
        'COPY apps/after-sales/src ./apps/after-sales/src',
        `ENV PORT=${nextPort}`,
        `EXPOSE ${nextPort}`,
        'CMD ["node", "--require", "./tools/register.js", "apps/after-sales/src/main.ts"]',
      ]);
      const compose = addedLines(tree, COMPOSE);
      expect(compose).toEqual(
        expect.arrayContaining([
          '  after-sales: &after-sales-secret ${AFTER_SALES_SUBGRAPH_SECRET:-development-after-sales-subgraph-secret}',
          '  after-sales:',
          '    build: { <<: *build, args: { SERVICE: after-sales } }',
          '      SUBGRAPH_SECRET: *after-sales-secret',
          '      after-sales: { condition: service_healthy }',
          `      SUBGRAPH_AFTER_SALES_URL: http://after-sales:${nextPort}/graphql`,
          '      SUBGRAPH_AFTER_SALES_SECRET: *after-sales-secret',
        ]),
      );
      const deployment = text(tree, `${K8S_BASE}/after-sales.yaml`);
      expect(deployment).toContain('  name: after-sales\n');
      expect(deployment).toContain(`containerPort: ${nextPort}`);
      expect(deployment).toContain('key: AFTER_SALES_SUBGRAPH_SECRET');
      expect(addedLines(tree, `${K8S_BASE}/kustomization.yaml`)).toEqual(['  - after-sales.yaml']);
      expect(addedLines(tree, `${K8S_BASE}/config.env`)).toEqual([`SUBGRAPH_AFTER_SALES_URL=http://after-sales:${nextPort}/graphql`]);
      expect(addedLines(tree, `${K8S_BASE}/gateway.yaml`)).toEqual([
        '            - { name: SUBGRAPH_AFTER_SALES_SECRET, valueFrom: { secretKeyRef: { name: carebridge-secrets, key: AFTER_SALES_SUBGRAPH_SECRET } } }',
      ]);
      expect(addedLines(tree, `${K8S_BASE}/secrets.example.yaml`)).toEqual(['  AFTER_SALES_SUBGRAPH_SECRET: <random>']);
      expect(addedLines(tree, K8S_PRODUCTION)).toEqual([
        '  - { name: carebridge/after-sales, newName: registry.example.com/carebridge/after-sales, newTag: "0.1.0" }',
        '  - { name: after-sales, count: 2 }',
      ]);
    });

    it('keeps compose and the Kubernetes manifests valid YAML that name it', () => {
      const compose = parse(text(tree, COMPOSE), { merge: true }) as { services: Record<string, any> };
      expect(compose.services['after-sales']).toMatchObject({
        build: { context: '../..', dockerfile: 'infra/docker/Dockerfile', args: { SERVICE: 'after-sales' } },
        environment: { KAFKA_BROKERS: 'kafka:9092', SUBGRAPH_SECRET: '${AFTER_SALES_SUBGRAPH_SECRET:-development-after-sales-subgraph-secret}' },
      });
      expect(compose.services.gateway.depends_on['after-sales']).toEqual({ condition: 'service_healthy' });
      expect(compose.services.gateway.environment.SUBGRAPH_AFTER_SALES_SECRET).toBe(compose.services['after-sales'].environment.SUBGRAPH_SECRET);
      for (const file of ['after-sales.yaml', 'gateway.yaml', 'kustomization.yaml', 'secrets.example.yaml']) {
        const documents = parseAllDocuments(text(tree, `${K8S_BASE}/${file}`));
        expect({ file, errors: documents.flatMap((d) => d.errors.map((e) => e.message)) }).toEqual({ file, errors: [] });
      }
      const kinds = parseAllDocuments(text(tree, `${K8S_BASE}/after-sales.yaml`)).map((d) => (d.toJS() as { kind: string; metadata: { name: string } }));
      expect(kinds.map((k) => `${k.kind}/${k.metadata.name}`)).toEqual(['Deployment/after-sales', 'Service/after-sales', 'PodDisruptionBudget/after-sales']);
      expect((parse(text(tree, K8S_PRODUCTION)) as { replicas: { name: string }[] }).replicas.map((r) => r.name)).toContain('after-sales');
    });

    it('makes the end-to-end project depend on it, and writes its docs page', () => {
      expect(JSON.parse(text(tree, E2E_PROJECT)).implicitDependencies).toContain('after-sales');
      const page = text(tree, 'docs/services/after-sales.md');
      expect(page).toContain('Follow-ups after a trip.');
      expect(page).toContain(`port ${nextPort}, database \`carebridge_after_sales\``);
      expect(page).toContain('`AFTER_SALES_JOB_INTERVAL_MS`');
    });

    it('refuses the same name again, saying where it exists, and writes nothing more', async () => {
      const before = tree.listChanges().length;
      await expect(subgraphGenerator(tree, { name: 'after-sales' })).rejects.toThrow(/A subgraph "after-sales" already exists \(the topology .*apps\/after-sales.*\): choose another name/);
      expect(tree.listChanges()).toHaveLength(before);
    });

    it('puts a second subgraph on the port after it', async () => {
      await subgraphGenerator(tree, { name: 'training', entity: 'course' });
      expect(topologyPlacements(tree).subgraphs.at(-1)).toEqual({ name: 'training', port: nextPort + 1 });
      expect(tree.exists('apps/training/src/course/course.entity.ts')).toBe(true);
      expect(text(tree, `${EVENT_CONTRACTS}/training.events.ts`)).toContain(`type: 'course.created'`);
    });
  });

  it.each([
    ['AfterSales', /must be lower-case words of letters joined by hyphens/],
    ['after_sales', /must be lower-case words of letters joined by hyphens/],
    ['after-sales-2', /must be lower-case words of letters joined by hyphens/],
    ['-sales', /must be lower-case words of letters joined by hyphens/],
    ['', /must be lower-case words of letters joined by hyphens/],
    ['a'.repeat(41), /at most 40 characters/],
    ['gateway', /taken by the platform itself/],
    ['events', /taken by the platform itself/],
    ['crm', /A subgraph "crm" already exists/],
  ])('refuses the name %j', async (name, message) => {
    const before = tree.listChanges().length;
    await expect(subgraphGenerator(tree, { name })).rejects.toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a port that is taken and an entity whose event exists', async () => {
    const before = tree.listChanges().length;
    await expect(subgraphGenerator(tree, { name: 'analytics', port: 4000 })).rejects.toThrow(/--port 4000 is the gateway's/);
    await expect(subgraphGenerator(tree, { name: 'analytics', entity: 'complaint' })).rejects.toThrow(/TOPICS already has complaint/);
    await expect(subgraphGenerator(tree, { name: 'analytics', entity: 'Report' })).rejects.toThrow(/--entity "Report" must be lower-case/);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('adds the contracts to a catalogue written one module a line', async () => {
    const catalogue = `${EVENT_CONTRACTS}/catalogue.ts`;
    tree.write(catalogue, text(tree, catalogue).replace(/(EVENT_CATALOGUE[^=]*=\s*)\[([^\]]*)\]/, (_all, start, list: string) => `${start}[\n${list.split(', ').map((item) => `  ${item},\n`).join('')}]`));
    await subgraphGenerator(tree, { name: 'analytics' });
    expect(text(tree, catalogue)).toMatch(/= \[\n( {2}\.\.\.contracts\(\w+\),\n)+ {2}\.\.\.contracts\(analytics\),\n\];/);
  });

  it('says which marker is missing when a registration file lost it', async () => {
    tree.write(DOCKERFILE, text(tree, DOCKERFILE).replace(/.*@carebridge\/tools:subgraph adds service stages above this line.*\n/, ''));
    await expect(subgraphGenerator(tree, { name: 'analytics' })).rejects.toThrow(/infra\/docker\/Dockerfile has no line "… @carebridge\/tools:subgraph adds service stages above this line"/);
  });
});

/** What the generator writes is what this repository holds for the subgraphs it has: none is missing anywhere. */
describe('the subgraphs of the topology, in this repository', () => {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const subgraphs = topologyPlacements(workspaceTree()).subgraphs;

  it.each(subgraphs.map((s) => [s.name, s.port] as const))('%s (port %d) is in every place a new subgraph is registered', (name, port) => {
    const variable = name.toUpperCase().replace(/-/g, '_');
    const places: [string, boolean][] = [
      [DOCKERFILE, read(DOCKERFILE).includes(`FROM base AS service-${name}\nCOPY apps/${name}/src ./apps/${name}/src\nENV PORT=${port}\n`)],
      [COMPOSE, read(COMPOSE).includes(`\n  ${name}:\n`) && read(COMPOSE).includes(`SUBGRAPH_${variable}_URL: http://${name}:${port}/graphql`)],
      [`${K8S_BASE}/${name}.yaml`, read(`${K8S_BASE}/${name}.yaml`).includes(`containerPort: ${port}`)],
      [`${K8S_BASE}/kustomization.yaml`, read(`${K8S_BASE}/kustomization.yaml`).includes(`  - ${name}.yaml\n`)],
      [`${K8S_BASE}/config.env`, read(`${K8S_BASE}/config.env`).includes(`SUBGRAPH_${variable}_URL=http://${name}:${port}/graphql`)],
      [`${K8S_BASE}/gateway.yaml`, read(`${K8S_BASE}/gateway.yaml`).includes(`key: ${variable}_SUBGRAPH_SECRET`)],
      [`${K8S_BASE}/secrets.example.yaml`, read(`${K8S_BASE}/secrets.example.yaml`).includes(`${variable}_SUBGRAPH_SECRET:`)],
      [K8S_PRODUCTION, read(K8S_PRODUCTION).includes(`name: carebridge/${name},`)],
      [E2E_PROJECT, (JSON.parse(read(E2E_PROJECT)) as { implicitDependencies: string[] }).implicitDependencies.includes(name)],
    ];
    expect(places.filter(([, present]) => !present).map(([place]) => place)).toEqual([]);
  });
});
