import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from './compose';
import { DECLARED_CHANGES_FILE, RELEASED_SUPERGRAPH_FILE, reviewRepositorySchema, undescribedBySubgraph } from './schema-changes';

const USAGE = 'usage: npm run schema:check [-- --descriptions [--list]] | npm run schema:release -- --version <x.y.z>\n';

/**
 * `npm run schema:check`: holds infra/supergraph.graphql against the last released supergraph and
 * fails on a breaking change for clients that infra/schema/declared-changes.yaml does not declare.
 * `npm run schema:release -- --version 0.2.0`: makes the current supergraph the released one and
 * starts an empty list of declarations for the next release.
 * `npm run schema:check -- --descriptions`: how many fields and arguments still have no description,
 * by subgraph (`--list` names them).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { release: { type: 'boolean', default: false }, version: { type: 'string' }, descriptions: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return process.stdout.write(USAGE), 0;
  if (values.release) {
    if (!values.version || !/^\d+\.\d+\.\d+$/.test(values.version)) return process.stderr.write(`--version x.y.z is required\n${USAGE}`), 2;
    copyFileSync(join(REPOSITORY_ROOT, SUPERGRAPH_FILE), join(REPOSITORY_ROOT, RELEASED_SUPERGRAPH_FILE));
    writeFileSync(
      join(REPOSITORY_ROOT, DECLARED_CHANGES_FILE),
      `# Breaking changes to the client schema since release ${values.version}, each declared on purpose.\n` +
        '# `npm run schema:check` (part of `npm test`) fails on a breaking change missing here.\n' +
        `release: ${values.version}\nchanges: []\n`,
    );
    process.stdout.write(`released the supergraph as ${values.version}: ${RELEASED_SUPERGRAPH_FILE}\n`);
    return 0;
  }
  if (values.descriptions) {
    const { total, members, bySubgraph } = undescribedBySubgraph(readFileSync(join(REPOSITORY_ROOT, SUPERGRAPH_FILE), 'utf8'));
    for (const [subgraph, paths] of Object.entries(bySubgraph).sort(([, a], [, b]) => b.length - a.length)) {
      process.stdout.write(`${subgraph}: ${paths.length}\n`);
      if (values.list) for (const path of paths) process.stdout.write(`  ${path}\n`);
    }
    process.stdout.write(`${total} of ${members} fields and arguments have no description\n`);
    return 0;
  }
  const review = await reviewRepositorySchema();
  for (const change of review.dangerous) process.stdout.write(`dangerous: ${change.message}\n`);
  for (const change of review.breaking) {
    const declared = !review.undeclared.includes(change);
    process.stdout.write(`${declared ? 'breaking (declared)' : 'BREAKING, undeclared'}: ${change.type} ${change.path ?? ''} — ${change.message}\n`);
  }
  for (const stale of review.unused) process.stdout.write(`declared but not found: ${stale.type} ${stale.path}\n`);
  for (const path of review.undescribed) process.stdout.write(`new without a description: ${path}\n`);
  process.stdout.write(
    `${review.safe.length} safe, ${review.dangerous.length} dangerous, ${review.breaking.length} breaking (${review.undeclared.length} undeclared)\n`,
  );
  if (review.undeclared.length || review.unused.length) {
    process.stderr.write(`declare each breaking change in ${DECLARED_CHANGES_FILE} with its reason (type and path as printed), or undo it\n`);
  }
  if (review.undescribed.length) process.stderr.write('describe every new field and argument (type-graphql: @Field({ description }), @Arg(name, { description }))\n');
  if (review.undeclared.length || review.unused.length || review.undescribed.length) return 1;
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
