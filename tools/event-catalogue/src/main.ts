import { parseArgs } from 'node:util';
import { EVENT_CATALOGUE } from '@carebridge/event-contracts';
import { ASYNCAPI_DOCUMENT, catalogueFiles, compatibilityProblems, readRepositoryFile, staleFiles, writeFiles } from './catalogue-files';
import { eventConsumption } from './event-consumers';

const USAGE = 'usage: npm run events:catalogue [-- --check]';

/**
 * `npm run events:catalogue`: regenerates docs/events.md and docs/asyncapi.yaml from the event
 * contracts, refusing when a published version changed incompatibly (publish a new version instead).
 *   --check   write nothing; exit 1 when the files are stale or a published version changed incompatibly
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const existing = readRepositoryFile(ASYNCAPI_DOCUMENT);
  const problems = compatibilityProblems(EVENT_CATALOGUE, existing === undefined ? undefined : { source: ASYNCAPI_DOCUMENT, text: existing });
  if (problems.length) {
    process.stderr.write(`Incompatible changes to published event versions (compared with ${ASYNCAPI_DOCUMENT}):\n`);
    for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
    if (!values.check) process.stderr.write(`Nothing was written.\n`);
    return 1;
  }
  const generated = catalogueFiles(EVENT_CATALOGUE, await eventConsumption());
  if (values.check) {
    const stale = staleFiles(generated);
    if (stale.length) {
      process.stderr.write(`${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} stale: run npm run events:catalogue\n`);
      return 1;
    }
    process.stdout.write(`the event catalogue (${Object.keys(generated).length} files) is up to date\n`);
    return 0;
  }
  const written = writeFiles(generated);
  process.stdout.write(written.length ? `wrote ${written.length} files: ${written.slice(0, 3).join(', ')}${written.length > 3 ? ', …' : ''} (${EVENT_CATALOGUE.length} event types)\n` : `the event catalogue (${Object.keys(generated).length} files) is up to date\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error & { code?: string }) => {
    if (error.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exitCode = 1;
    }
  },
);
