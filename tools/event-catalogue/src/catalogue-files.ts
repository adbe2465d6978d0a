import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  asyncApiDocument,
  dataSchemaDocument,
  dataSchemaPath,
  type EventConsumption,
  type EventContract,
  eventCatalogueMarkdown,
  incompatibleChanges,
} from '@carebridge/event-contracts';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
export const EVENTS_MARKDOWN = 'docs/events.md';
export const ASYNCAPI_DOCUMENT = 'docs/asyncapi.yaml';

/** The generated files, by path relative to the repository root: the catalogue, the AsyncAPI document and one JSON Schema per event version. */
export function catalogueFiles(contracts: readonly EventContract[], consumers: readonly EventConsumption[]): Record<string, string> {
  const files: Record<string, string> = {
    [EVENTS_MARKDOWN]: eventCatalogueMarkdown(contracts, consumers),
    [ASYNCAPI_DOCUMENT]: asyncApiDocument(contracts, consumers),
  };
  for (const contract of contracts) files[`docs/${dataSchemaPath(contract)}`] = dataSchemaDocument(contract);
  return files;
}

export function readRepositoryFile(path: string, root = REPOSITORY_ROOT): string | undefined {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The generated files whose committed copy is missing or differs. */
export function staleFiles(generated: Record<string, string>, root = REPOSITORY_ROOT): string[] {
  return Object.entries(generated)
    .filter(([path, content]) => readRepositoryFile(path, root) !== content)
    .map(([path]) => path);
}

export function writeFiles(generated: Record<string, string>, root = REPOSITORY_ROOT): string[] {
  const written: string[] = [];
  for (const [path, content] of Object.entries(generated)) {
    if (readRepositoryFile(path, root) === content) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    written.push(path);
  }
  return written;
}

export interface PublishedDocument {
  /** Where it was read from, for messages. */
  source: string;
  text: string;
}

/**
 * The AsyncAPI document as last published: the committed one (git HEAD) when there is one,
 * otherwise the working-tree file (not in git, or not committed yet); undefined before the first.
 */
export function publishedAsyncApi(root = REPOSITORY_ROOT): PublishedDocument | undefined {
  try {
    const text = execFileSync('git', ['show', `HEAD:${ASYNCAPI_DOCUMENT}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { source: `git HEAD:${ASYNCAPI_DOCUMENT}`, text };
  } catch {
    const text = readRepositoryFile(ASYNCAPI_DOCUMENT, root);
    return text === undefined ? undefined : { source: ASYNCAPI_DOCUMENT, text };
  }
}

/** Incompatible changes of published versions against `published` (none when nothing was published yet). */
export function compatibilityProblems(contracts: readonly EventContract[], published: PublishedDocument | undefined): string[] {
  return published ? incompatibleChanges(contracts, published.text) : [];
}
