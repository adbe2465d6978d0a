import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeSupergraph, REPOSITORY_ROOT, SUPERGRAPH_FILE, supergraphFile } from './compose';

/**
 * `npm run compose`: composes the supergraph from the subgraph definitions and writes
 * infra/supergraph.graphql, the file the gateway runs from in production (SUPERGRAPH_FILE).
 *   npm run compose [-- --check]   (--check: write nothing, exit 1 when the file is stale)
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('usage: npm run compose [-- --check]\n');
    return 0;
  }
  const composition = await composeSupergraph();
  for (const hint of composition.hints) process.stderr.write(`hint [${hint.definition.code}]: ${hint.message}\n`);
  if (!composition.supergraphSdl || composition.errors.length) {
    process.stderr.write(`Composition of ${composition.subgraphs.map((s) => s.name).join(', ')} failed:\n`);
    for (const error of composition.errors) process.stderr.write(`  - [${String(error.extensions?.code ?? 'ERROR')}] ${error.message}\n`);
    return 1;
  }
  const path = join(REPOSITORY_ROOT, SUPERGRAPH_FILE);
  const wanted = supergraphFile(composition.supergraphSdl);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (values.check) {
    if (current !== wanted) {
      process.stderr.write(`${SUPERGRAPH_FILE} is ${current === undefined ? 'missing' : 'stale'}: run npm run compose\n`);
      return 1;
    }
    process.stdout.write(`${SUPERGRAPH_FILE} is up to date\n`);
    return 0;
  }
  if (current === wanted) {
    process.stdout.write(`${SUPERGRAPH_FILE} is up to date (${composition.subgraphs.length} subgraphs)\n`);
    return 0;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, wanted);
  process.stdout.write(`wrote ${SUPERGRAPH_FILE} from ${composition.subgraphs.map((s) => s.name).join(', ')}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error & { code?: string }) => {
    if (error.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\nusage: npm run compose [-- --check]\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
