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

  describe('lost-property', () => {
    beforeEach(async () => {
      await subgraphGenerator(tree, { name: 'lost-property', description: 'What passengers left behind, and finding it again.' });
    });

    it('writes the service in the one shape, with the fixed names', () => {
      const src = 'apps/lost-property/src';
      for (const file of [
        'main.ts',
        'lost-property.subgraph.ts',
        'lost-property.domain.ts',
        'lost-property.resolvers.ts',
        'lost-property.references.ts',
        'lost-property.event-handlers.ts',
        'lost-property.jobs.ts',
        'lost-property.settings.ts',
        'lost-property.fixture.ts',
        'lost-property-note/lost-property-note.entity.ts',
        'lost-property-note/lost-property-note.inputs.ts',
        'lost-property-note/lost-property-note.resolver.ts',
        'lost-property-note/lost-property-note-queries.ts',
        'lost-property-note/lost-property-note-creation.ts',
        'lost-property-note/lost-property-note.spec.ts',
      ]) {
        expect({ file, exists: tree.exists(`${src}/${file}`) }).toEqual({ file, exists: true });
      }
      const subgraph = text(tree, `${src}/lost-property.subgraph.ts`);
      expect(subgraph).toContain(`export const lostPropertySubgraph = defineSubgraph({\n  name: 'lost-property',`);
      for (const part of ['lostPropertyDomain(runtime, settings)', 'lostPropertyResolvers(domain)', 'lostPropertyReferences(domain)', 'lostPropertyEventHandlers(domain)', 'lostPropertyJobs(domain, settings)']) {
        expect(subgraph).toContain(part);
      }
      expect(text(tree, `${src}/lost-property.domain.ts`)).toContain('export type LostPropertyDomain = ReturnType<typeof lostPropertyDomain>;');
      expect(text(tree, `${src}/lost-property.settings.ts`)).toMatch(/export interface LostPropertySettings[\s\S]*LOST_PROPERTY_JOB_INTERVAL_MS/);
      const fixture = text(tree, `${src}/lost-property.fixture.ts`);
      expect(fixture).toContain('export async function openLostProperty(');
      expect(fixture).toContain('export function useLostProperty(');
      expect(fixture).toMatch(/openServiceUnderTest\(\{\n {4}definition: lostPropertySubgraph,/);
      expect(text(tree, `${src}/lost-property-note/lost-property-note.entity.ts`)).toMatch(/@Directive\('@key\(fields: "id"\)'\)\n@ObjectType\('LostPropertyNote'[\s\S]*@Entity\('lost_property_note'\)/);
      expect(text(tree, `${src}/lost-property-note/lost-property-note-creation.ts`)).toContain('this.outbox.publish(manager, lostPropertyNoteCreated,');
      expect(text(tree, `${src}/lost-property-note/lost-property-note-queries.ts`)).toContain("from '@carebridge/domain'");
    });

    it('leaves no template syntax behind', () => {
      const written = tree.listChanges().filter((change) => change.type === 'CREATE');
      for (const change of written) expect({ path: change.path, template: /<%|%>|__\w+__/.test(change.content?.toString() ?? '') || /__\w+__/.test(change.path) }).toEqual({ path: change.path, template: false });
    });

    it('gives it a migration, a jest config on real Postgres and a project tagged type:app, scope:lost-property', () => {
      const migrations = tree.children('apps/lost-property/src/migrations');
      expect(migrations).toEqual([expect.stringMatching(/^\d{13}-CreateLostPropertyNote\.ts$/)]);
      expect(text(tree, `apps/lost-property/src/migrations/${migrations[0]}`)).toContain('CREATE TABLE lost_property_note (');
      expect(text(tree, 'apps/lost-property/jest.config.js')).toContain("...preset.postgres, displayName: 'lost-property'");
      const project = JSON.parse(text(tree, 'apps/lost-property/project.json'));
      expect(project).toMatchObject({ name: 'lost-property', sourceRoot: 'apps/lost-property/src', tags: ['type:app', 'scope:lost-property'] });
    });

    it('adds it to the topology on the next free port (npm start, the gateway and the composer read it)', () => {
      expect(addedLines(tree, TOPOLOGY)).toEqual([`  { name: 'lost-property', project: 'lost-property', defaultPort: ${nextPort} },`]);
      expect(topologyPlacements(tree).subgraphs.at(-1)).toEqual({ name: 'lost-property', port: nextPort });
    });

    it('declares its sample event and puts it in the catalogue', () => {
      const contracts = text(tree, `${EVENT_CONTRACTS}/lost-property.events.ts`);
      expect(contracts).toContain(`type: 'lost_property_note.created'`);
      expect(contracts).toContain(`producer: 'lost-property'`);
      expect(contracts).toContain('topic: TOPICS.lostPropertyNote');
      expect(addedLines(tree, `${EVENT_CONTRACTS}/topics.ts`)).toEqual([`  lostPropertyNote: 'carebridge.lost-property.lost-property-note',`]);
      expect(addedLines(tree, `${EVENT_CONTRACTS}/index.ts`)).toEqual([`export * from './lost-property.events';`]);
      const catalogue = addedLines(tree, `${EVENT_CONTRACTS}/catalogue.ts`);
      expect(catalogue).toContain(`import * as lostProperty from './lost-property.events';`);
      expect(catalogue.join('\n')).toContain('...contracts(lostProperty)');
    });

    it('gives it an image stage, a compose service and Kubernetes manifests', () => {
      expect(addedLines(tree, DOCKERFILE)).toEqual([
        'FROM base AS service-lost-property',
        'COPY --from=build /app/dist/apps/lost-property/src ./apps/lost-property/src',
        `ENV PORT=${nextPort}`,
        `EXPOSE ${nextPort}`,
        'CMD ["node", "apps/lost-property/src/main.js"]',
      ]);
      const compose = addedLines(tree, COMPOSE);
      expect(compose).toEqual(
        expect.arrayContaining([
          '  lost-property: &lost-property-secret ${LOST_PROPERTY_SUBGRAPH_SECRET:-compose-only-lost-property-subgraph-secret-not-for-production}',
          '  lost-property:',
          '    build: { <<: *build, args: { SERVICE: lost-property } }',
          '      OTEL_SERVICE_NAME: lost-property',
          '      SUBGRAPH_SECRET: *lost-property-secret',
          '      lost-property: { condition: service_healthy }',
          `      SUBGRAPH_LOST_PROPERTY_URL: http://lost-property:${nextPort}/graphql`,
          '      SUBGRAPH_LOST_PROPERTY_SECRET: *lost-property-secret',
        ]),
      );
      const deployment = text(tree, `${K8S_BASE}/lost-property.yaml`);
      expect(deployment).toContain('  name: lost-property\n');
      expect(deployment).toContain(`containerPort: ${nextPort}`);
      expect(deployment).toContain('key: LOST_PROPERTY_SUBGRAPH_SECRET');
      expect(addedLines(tree, `${K8S_BASE}/kustomization.yaml`)).toEqual(['  - lost-property.yaml']);
      expect(addedLines(tree, `${K8S_BASE}/config.env`)).toEqual([`SUBGRAPH_LOST_PROPERTY_URL=http://lost-property:${nextPort}/graphql`]);
      expect(addedLines(tree, `${K8S_BASE}/gateway.yaml`)).toEqual([
        '            - { name: SUBGRAPH_LOST_PROPERTY_SECRET, valueFrom: { secretKeyRef: { name: carebridge-secrets, key: LOST_PROPERTY_SUBGRAPH_SECRET } } }',
      ]);
      expect(addedLines(tree, `${K8S_BASE}/secrets.example.yaml`)).toEqual([
        '  LOST_PROPERTY_DATABASE_URL: postgres://carebridge_lost_property:<password>@postgres.example.internal:5432/?sslmode=verify-full',
        '  LOST_PROPERTY_SUBGRAPH_SECRET: <random>',
      ]);
      expect(deployment).toContain('key: LOST_PROPERTY_DATABASE_URL');
      expect(deployment).toContain('{ name: OTEL_SERVICE_NAME, value: lost-property }');
      expect(addedLines(tree, K8S_PRODUCTION)).toEqual([
        '  - { name: carebridge/lost-property, newName: registry.example.com/carebridge/lost-property, newTag: "0.1.0" }',
        '  - { name: lost-property, count: 2 }',
      ]);
    });

    it('keeps compose and the Kubernetes manifests valid YAML that name it', () => {
      const compose = parse(text(tree, COMPOSE), { merge: true }) as { services: Record<string, any> };
      expect(compose.services['lost-property']).toMatchObject({
        build: { context: '../..', dockerfile: 'infra/docker/Dockerfile', args: { SERVICE: 'lost-property' } },
        environment: { KAFKA_BROKERS: 'kafka:9092', OTEL_SERVICE_NAME: 'lost-property', OTEL_TRACES_SAMPLER: expect.any(String), SUBGRAPH_SECRET: '${LOST_PROPERTY_SUBGRAPH_SECRET:-compose-only-lost-property-subgraph-secret-not-for-production}' },
      });
      expect(compose.services.gateway.depends_on['lost-property']).toEqual({ condition: 'service_healthy' });
      expect(compose.services.gateway.environment.SUBGRAPH_LOST_PROPERTY_SECRET).toBe(compose.services['lost-property'].environment.SUBGRAPH_SECRET);
      for (const file of ['lost-property.yaml', 'gateway.yaml', 'kustomization.yaml', 'secrets.example.yaml']) {
        const documents = parseAllDocuments(text(tree, `${K8S_BASE}/${file}`));
        expect({ file, errors: documents.flatMap((d) => d.errors.map((e) => e.message)) }).toEqual({ file, errors: [] });
      }
      const kinds = parseAllDocuments(text(tree, `${K8S_BASE}/lost-property.yaml`)).map((d) => (d.toJS() as { kind: string; metadata: { name: string } }));
      expect(kinds.map((k) => `${k.kind}/${k.metadata.name}`)).toEqual(['Deployment/lost-property', 'Service/lost-property', 'PodDisruptionBudget/lost-property']);
      expect((parse(text(tree, K8S_PRODUCTION)) as { replicas: { name: string }[] }).replicas.map((r) => r.name)).toContain('lost-property');
    });

    it('makes the end-to-end project depend on it, and writes its docs page', () => {
      expect(JSON.parse(text(tree, E2E_PROJECT)).implicitDependencies).toContain('lost-property');
      const page = text(tree, 'docs/services/lost-property.md');
      expect(page).toContain('What passengers left behind, and finding it again.');
      expect(page).toContain(`port ${nextPort}, database \`carebridge_lost_property\``);
      expect(page).toContain('`LOST_PROPERTY_JOB_INTERVAL_MS`');
    });

    it('refuses the same name again, saying where it exists, and writes nothing more', async () => {
      const before = tree.listChanges().length;
      await expect(subgraphGenerator(tree, { name: 'lost-property' })).rejects.toThrow(/A subgraph "lost-property" already exists \(the topology .*apps\/lost-property.*\): choose another name/);
      expect(tree.listChanges()).toHaveLength(before);
    });

    it('puts a second subgraph on the port after it', async () => {
      await subgraphGenerator(tree, { name: 'lounge', entity: 'visit' });
      expect(topologyPlacements(tree).subgraphs.at(-1)).toEqual({ name: 'lounge', port: nextPort + 1 });
      expect(tree.exists('apps/lounge/src/visit/visit.entity.ts')).toBe(true);
      expect(text(tree, `${EVENT_CONTRACTS}/lounge.events.ts`)).toContain(`type: 'visit.created'`);
    });
  });

  it.each([
    ['LostProperty', /must be lower-case words of letters joined by hyphens/],
    ['lost_property', /must be lower-case words of letters joined by hyphens/],
    ['lost-property-2', /must be lower-case words of letters joined by hyphens/],
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
    await expect(subgraphGenerator(tree, { name: 'seat-map', port: 4000 })).rejects.toThrow(/--port 4000 is the gateway's/);
    await expect(subgraphGenerator(tree, { name: 'seat-map', entity: 'complaint' })).rejects.toThrow(/TOPICS already has complaint/);
    await expect(subgraphGenerator(tree, { name: 'seat-map', entity: 'Report' })).rejects.toThrow(/--entity "Report" must be lower-case/);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('adds the contracts to a catalogue written one module a line', async () => {
    const catalogue = `${EVENT_CONTRACTS}/catalogue.ts`;
    tree.write(catalogue, text(tree, catalogue).replace(/(EVENT_CATALOGUE[^=]*=\s*)\[([^\]]*)\]/, (_all, start, list: string) => `${start}[\n${list.split(', ').map((item) => `  ${item},\n`).join('')}]`));
    await subgraphGenerator(tree, { name: 'seat-map' });
    expect(text(tree, catalogue)).toMatch(/= \[\n( {2}\.\.\.contracts\(\w+\),\n)+ {2}\.\.\.contracts\(seatMap\),\n\];/);
  });

  it('says which marker is missing when a registration file lost it', async () => {
    tree.write(DOCKERFILE, text(tree, DOCKERFILE).replace(/.*@carebridge\/tools:subgraph adds service stages above this line.*\n/, ''));
    await expect(subgraphGenerator(tree, { name: 'seat-map' })).rejects.toThrow(/infra\/docker\/Dockerfile has no line "… @carebridge\/tools:subgraph adds service stages above this line"/);
  });
});

/** What the generator writes is what this repository holds for the subgraphs it has: none is missing anywhere. */
describe('the subgraphs of the topology, in this repository', () => {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const subgraphs = topologyPlacements(workspaceTree()).subgraphs;

  it.each(subgraphs.map((s) => [s.name, s.port] as const))('%s (port %d) is in every place a new subgraph is registered', (name, port) => {
    const variable = name.toUpperCase().replace(/-/g, '_');
    const places: [string, boolean][] = [
      [DOCKERFILE, read(DOCKERFILE).includes(`FROM base AS service-${name}\nCOPY --from=build /app/dist/apps/${name}/src ./apps/${name}/src\nENV PORT=${port}\n`)],
      [COMPOSE, read(COMPOSE).includes(`\n  ${name}:\n`) && read(COMPOSE).includes(`SUBGRAPH_${variable}_URL: http://${name}:${port}/graphql`)],
      [`${K8S_BASE}/${name}.yaml`, read(`${K8S_BASE}/${name}.yaml`).includes(`containerPort: ${port}`)],
      [`${K8S_BASE}/kustomization.yaml`, read(`${K8S_BASE}/kustomization.yaml`).includes(`  - ${name}.yaml\n`)],
      [`${K8S_BASE}/config.env`, read(`${K8S_BASE}/config.env`).includes(`SUBGRAPH_${variable}_URL=http://${name}:${port}/graphql`)],
      [`${K8S_BASE}/gateway.yaml`, read(`${K8S_BASE}/gateway.yaml`).includes(`key: ${variable}_SUBGRAPH_SECRET`)],
      [`${K8S_BASE}/secrets.example.yaml`, read(`${K8S_BASE}/secrets.example.yaml`).includes(`${variable}_SUBGRAPH_SECRET:`) && read(`${K8S_BASE}/secrets.example.yaml`).includes(`  ${variable}_DATABASE_URL: `)],
      [`${K8S_BASE}/${name}.yaml (traces)`, read(`${K8S_BASE}/${name}.yaml`).includes(`{ name: OTEL_SERVICE_NAME, value: ${name} }`)],
      [K8S_PRODUCTION, read(K8S_PRODUCTION).includes(`name: carebridge/${name},`)],
      [E2E_PROJECT, (JSON.parse(read(E2E_PROJECT)) as { implicitDependencies: string[] }).implicitDependencies.includes(name)],
    ];
    expect(places.filter(([, present]) => !present).map(([place]) => place)).toEqual([]);
  });
});
