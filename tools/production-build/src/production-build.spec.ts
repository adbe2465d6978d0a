import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SUBGRAPHS } from '@carebridge/config';
import { loadSubgraphDefinition, subgraphSdl } from '@carebridge/local-platform';
import { buildForProduction, REPOSITORY_ROOT } from './production-build';

// The check CI makes instead of building images: the production build compiles, runs on plain Node
// (no runtime transpiler), and serves the very schemas the TypeScript sources do — which also shows
// the decorator metadata type-graphql and TypeORM read survived compilation.
describe('the production build', () => {
  // Under the repository, so that the compiled modules find node_modules as they do in the image.
  const output = join(REPOSITORY_ROOT, 'dist', `build-check-${process.pid}`);
  afterAll(() => rmSync(output, { recursive: true, force: true }));

  it('compiles apps and libraries, leaving tests and test harnesses out', () => {
    const build = buildForProduction(output);
    expect(build.compiled).toBeGreaterThan(100);
    const compiled = (path: string) => require('node:fs').existsSync(join(output, path)) as boolean;
    expect(compiled('apps/gateway/src/main.js')).toBe(true);
    expect(compiled('apps/crm/src/crm.subgraph.js.map')).toBe(true);
    expect(compiled('libs/testing/src/index.js')).toBe(false);
    expect(compiled('apps/crm/src/crm.fixture.js')).toBe(false);
  });

  it("gives every image what its Dockerfile runs: each stage's CMD and the telemetry preload of NODE_OPTIONS", () => {
    const dockerfile = readFileSync(join(REPOSITORY_ROOT, 'infra', 'docker', 'Dockerfile'), 'utf8');
    // The image holds dist/libs as /app/libs and dist/apps/<service>/src as /app/apps/<service>/src.
    const inImage = (path: string) => existsSync(join(output, path.replace(/^\.\//, '')));
    const preload = /^ENV NODE_OPTIONS="[^"]*--require (\S+)"/m.exec(dockerfile)?.[1];
    expect(preload).toBe('./libs/service-kit/src/telemetry-preload.js');
    expect(inImage(preload ?? '')).toBe(true);
    const entries = [...dockerfile.matchAll(/^FROM base AS service-([a-z-]+)\n(?:.*\n)*?CMD \["node", "([^"]+)"\]/gm)].map(([, service, entry]) => ({ service, entry }));
    expect(entries.map((e) => e.service).sort()).toEqual(['gateway', ...SUBGRAPHS.map((s) => s.name)].sort());
    for (const { service, entry } of entries) expect({ service, entry, compiled: inImage(entry) }).toEqual({ service, entry: `apps/${service}/src/main.js`, compiled: true });
  });

  it('serves the same schema from compiled JavaScript as from the sources, for every subgraph', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'print-compiled-schemas.js'), output], {
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const compiled = JSON.parse(stdout) as Record<string, string>;
    const sources: Record<string, string> = {};
    for (const { name } of SUBGRAPHS) sources[name] = await subgraphSdl(await loadSubgraphDefinition(name));
    expect(Object.keys(compiled)).toEqual(SUBGRAPHS.map((s) => s.name));
    for (const name of Object.keys(sources)) expect({ name, sdl: compiled[name] }).toEqual({ name, sdl: sources[name] });
  }, 120_000);
});
