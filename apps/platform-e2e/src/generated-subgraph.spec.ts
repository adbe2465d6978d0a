import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { databaseUrl } from '@carebridge/config';
import { REPOSITORY_ROOT } from '@carebridge/local-platform';
import { eventually, GraphQLClient, testPostgresUrl } from '@carebridge/testing';
import { DataSource } from 'typeorm';

/**
 * `npx nx g @carebridge/tools:subgraph` end to end, without touching this working tree: the
 * workspace is copied (what git tracks, and new files it does not ignore) into a temporary folder,
 * the generator runs there through the Nx CLI, and the copy's own platform — now with the new
 * subgraph — is started on free ports and called through its gateway.
 */
const NAME = 'sample-desk';

describe(`a subgraph made by the generator (${NAME})`, () => {
  let copy: string;
  let platform: ChildProcess | undefined;
  let output = '';
  let started: { gatewayUrl: string; subgraphs: Record<string, { database: string }> };
  const jwtSecret = randomBytes(32).toString('hex');
  let agent: GraphQLClient;

  /** Runs `args` with node in the copy; on failure the error carries what it printed. */
  function run(args: string[], env: Record<string, string> = {}): string {
    try {
      return execFileSync(process.execPath, args, { cwd: copy, env: { ...outsideNx(), ...env }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}\n${failed.message}`);
    }
  }

  beforeAll(async () => {
    copy = copyOfWorkspace();
    // The generator regenerates the event catalogue and the supergraph itself, as it does for a developer.
    run([bin('nx'), 'g', '@carebridge/tools:subgraph', NAME, '--no-interactive'], { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' });
  }, 120_000);

  afterAll(async () => {
    if (platform?.pid && platform.exitCode === null && platform.signalCode === null) {
      const child = platform;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The whole process group: the services too, should the platform still have been starting.
      const group = -(child.pid as number);
      process.kill(group, 'SIGTERM');
      const killer = setTimeout(() => process.kill(group, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
  }, 60_000);

  it('writes the subgraph in the service shape and registers it', () => {
    for (const file of ['main.ts', 'sample-desk.subgraph.ts', 'sample-desk.domain.ts', 'sample-desk.resolvers.ts', 'sample-desk.references.ts', 'sample-desk.event-handlers.ts', 'sample-desk.jobs.ts', 'sample-desk.settings.ts', 'sample-desk.fixture.ts']) {
      expect({ file, exists: existsSync(join(copy, 'apps/sample-desk/src', file)) }).toEqual({ file, exists: true });
    }
    expect(readFileSync(join(copy, 'libs/config/src/topology.ts'), 'utf8')).toMatch(/\{ name: 'sample-desk', project: 'sample-desk', defaultPort: \d+ \}/);
    expect(readFileSync(join(copy, 'docs/events.md'), 'utf8')).toContain('sample_desk_note.created');
  });

  it('type-checks and passes lint (module boundaries included)', () => {
    writeFileSync(join(copy, 'tsconfig.generated.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['apps/sample-desk/**/*.ts', 'libs/**/*.d.ts'] }));
    run([bin('typescript', 'tsc'), '-p', 'tsconfig.generated.json', '--noEmit']);
    run([bin('eslint'), 'apps/sample-desk', 'libs/event-contracts/src/sample-desk.events.ts'], { NX_DAEMON: 'false' });
  }, 90_000);

  it('passes its own integration test on real Postgres', () => {
    // On the test server of this run; a failing test fails the command.
    run([bin('jest'), '--config', 'apps/sample-desk/jest.config.js', '--ci', '--reporters=default'], { TEST_DATABASE_URL: testPostgresUrl() });
  }, 90_000);

  it('composes into the supergraph', () => {
    expect(run(['tools/run.js', 'tools/supergraph/src/main.ts', '--check'])).toContain('is up to date');
    const supergraph = readFileSync(join(copy, 'infra/supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/SAMPLE_DESK @join__graph\(name: "sample-desk", url: "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/);
    expect(supergraph).toContain('@join__type(graph: SAMPLE_DESK, key: "id")');
  }, 60_000);

  describe('started with the rest of the platform', () => {
    beforeAll(async () => {
      started = await startPlatformOfCopy();
      agent = GraphQLClient.as(started.gatewayUrl, 'agent', 'agent-ana', jwtSecret);
    }, 120_000);

    it('answers the sample mutation and query through the gateway, and the event is in its outbox', async () => {
      const { createSampleDeskNote: created } = await agent.data(`mutation($input: CreateSampleDeskNoteInput!) { createSampleDeskNote(input: $input) { id title createdBy } }`, {
        input: { title: 'Generated and running' },
      });
      expect(created).toMatchObject({ title: 'Generated and running', createdBy: 'agent-ana' });

      const analyst = GraphQLClient.as(started.gatewayUrl, 'analyst', 'analyst-al', jwtSecret);
      expect((await analyst.data(`query($id: ID!) { sampleDeskNote(id: $id) { id title } }`, { id: created.id })).sampleDeskNote).toEqual({ id: created.id, title: 'Generated and running' });
      const missing = await analyst.request(`{ sampleDeskNote(id: "00000000-0000-4000-8000-000000000000") { id } }`);
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      // Published by the relay from the outbox of the subgraph's own database.
      const outbox = new DataSource({ type: 'postgres', url: databaseUrl(testPostgresUrl(), started.subgraphs[NAME].database) });
      await outbox.initialize();
      try {
        const rows = await eventually(async () => {
          const found: { event_type: string; key: string; published_at: Date | null }[] = await outbox.query('SELECT event_type, key, published_at FROM outbox_event');
          expect(found.filter((row) => row.published_at !== null)).toHaveLength(1);
          return found;
        });
        expect(rows).toEqual([expect.objectContaining({ event_type: 'sample_desk_note.created', key: created.id })]);
      } finally {
        await outbox.destroy();
      }
    });

    it('refuses the sample mutation to a role it does not name', async () => {
      const trainer = GraphQLClient.as(started.gatewayUrl, 'trainer', 'trainer-tom', jwtSecret);
      const refused = await trainer.request(`mutation { createSampleDeskNote(input: { title: "Not mine" }) { id } }`);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  /**
   * The copy's own platform under test (libs/testing, as every e2e test starts it) in a process of
   * its own, so that it runs the copy's code: this process's modules are this working tree's.
   */
  async function startPlatformOfCopy(): Promise<typeof started> {
    const entry = join(copy, 'platform-under-test.main.ts');
    writeFileSync(
      entry,
      [
        `import { startPlatformUnderTest } from '@carebridge/testing';`,
        `startPlatformUnderTest({ JWT_SECRET: process.env.GENERATED_JWT_SECRET ?? '' }).then((platform) => {`,
        `  const subgraphs = Object.fromEntries([...platform.subgraphs].map(([name, service]) => [name, { database: service.options.env.DATABASE_NAME }]));`,
        `  process.stdout.write('PLATFORM ' + JSON.stringify({ gatewayUrl: platform.gatewayUrl, subgraphs }) + '\\n');`,
        `  process.once('SIGTERM', () => platform.stop().then(() => process.exit(0)));`,
        `}, (error) => {`,
        `  process.stderr.write(String(error.stack ?? error) + '\\n');`,
        `  process.exit(1);`,
        `});`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['tools/run.js', entry], {
      cwd: copy,
      env: { ...outsideNx(), GENERATED_JWT_SECRET: jwtSecret },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own, so that afterAll stops it with every service it started.
      detached: true,
    });
    platform = child;
    return new Promise((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-8000);
        const line = /^PLATFORM (.*)$/m.exec(output)?.[1];
        if (line) resolve(JSON.parse(line));
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.once('exit', (code) => reject(new Error(`the copy's platform exited (${code}) before it was ready:\n${output}`)));
    });
  }
});

/** The command-line entry `name` of an installed package, as npm would link it. */
function bin(pkg: string, name = pkg): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bins = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> }).bin;
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[name]);
}

/** The workspace as git sees it (tracked and new, not ignored, not deleted) in a temporary folder, node_modules linked. */
function copyOfWorkspace(): string {
  const copy = mkdtempSync(join(tmpdir(), 'carebridge-generated-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(REPOSITORY_ROOT, file);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(from, join(copy, file));
  }
  symlinkSync(join(REPOSITORY_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/**
 * This process's environment without what points at this working tree (the outer Nx run's
 * variables, a TypeScript project for swc), so that the copy runs as a workspace of its own.
 */
function outsideNx(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_') && key !== 'SWC_NODE_PROJECT'));
}
