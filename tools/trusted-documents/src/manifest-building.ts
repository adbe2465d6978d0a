import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { documentId, TRUSTED_DOCUMENT_MANIFEST_FORMAT, type TrustedDocumentManifest } from '@carebridge/auth';
import { type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';

/** The `.graphql` files under each path (a file or a folder, searched recursively), sorted. */
export function graphqlFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') walk(join(path, entry));
    } else if (path.endsWith('.graphql') || path.endsWith('.gql')) {
      found.push(path);
    }
  };
  for (const path of paths) walk(path);
  return [...new Set(found)].sort();
}

/**
 * A client's manifest from its `.graphql` files: every operation, named and unique, with the
 * fragments it spreads (from any of the files), printed in graphql-js's canonical form — the exact
 * text the client sends — and identified by the SHA-256 of that text.
 */
export function buildManifest(client: string, files: readonly { path: string; text: string }[]): TrustedDocumentManifest {
  const operations: { name: string; operation: OperationDefinitionNode }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    let document: DocumentNode;
    try {
      document = parse(file.text);
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`${file.path}: every operation needs a name (the client sends it by name)`);
        operations.push({ name: definition.name.value, operation: definition });
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) throw new Error(`${file.path}: fragment ${definition.name.value} is defined twice`);
        fragments.set(definition.name.value, definition);
      } else {
        throw new Error(`${file.path}: holds a ${definition.kind}; client documents hold operations and fragments only`);
      }
    }
  }
  const manifest: TrustedDocumentManifest = { format: TRUSTED_DOCUMENT_MANIFEST_FORMAT, client, documents: {}, operations: {} };
  for (const { name, operation } of operations) {
    if (manifest.operations[name]) throw new Error(`operation ${name} is defined twice`);
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(operation, fragments)] });
    const id = documentId(text);
    manifest.documents[id] = text;
    manifest.operations[name] = id;
  }
  return manifest;
}

/** The fragments an operation spreads, directly or through other fragments, in name order. */
function fragmentsOf(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): DefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`operation ${operation.name?.value} spreads the unknown fragment ${name}`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

export function readGraphqlFiles(paths: readonly string[], root = process.cwd()): { path: string; text: string }[] {
  return graphqlFiles(paths).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}
