import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildManifest, readGraphqlFiles } from './manifest-building';

/**
 * Writes a client app's trusted-documents manifest from its `.graphql` files, at the app's build:
 *   npm run trusted-documents -- --client desk-app --out dist/trusted-documents.json src/graphql [more files or folders…]
 * The gateway reads it from TRUSTED_DOCUMENTS_MANIFESTS; the app sends each operation's text, or
 * only its id (`operations[name]` in the manifest) as `extensions.persistedQuery.sha256Hash`.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { client: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', default: false } },
});

if (values.help || !values.client || !values.out || positionals.length === 0) {
  process.stdout.write('usage: npm run trusted-documents -- --client <app name> --out <manifest.json> <.graphql file or folder>…\n');
  process.exit(values.help ? 0 : 2);
}
try {
  const manifest = buildManifest(values.client, readGraphqlFiles(positionals));
  writeFileSync(values.out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${Object.keys(manifest.operations).length} operations of ${values.client} written to ${values.out}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
