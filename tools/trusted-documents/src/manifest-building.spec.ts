import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentId, readTrustedDocumentManifest } from '@carebridge/auth';
import { buildManifest } from './manifest-building';

describe('building a trusted-documents manifest', () => {
  it('holds each named operation with the fragments it spreads, under the SHA-256 of its text', () => {
    const manifest = buildManifest('desk', [
      { path: 'customer.graphql', text: 'query Customer($id: ID!) { customer(id: $id) { ...Name complaints { totalCount } } }' },
      { path: 'fragments.graphql', text: 'fragment Name on Customer { fullName } fragment Unused on Customer { id }' },
      { path: 'register.graphql', text: 'mutation Register($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }' },
    ]);
    expect(Object.keys(manifest.operations)).toEqual(['Customer', 'Register']);
    const text = manifest.documents[manifest.operations.Customer];
    expect(documentId(text)).toBe(manifest.operations.Customer);
    expect(text).toContain('fragment Name on Customer');
    expect(text).not.toContain('Unused');
    expect(readTrustedDocumentManifest(JSON.stringify(manifest), 'm.json')).toEqual(manifest);
  });

  it.each([
    ['an anonymous operation', '{ customers { totalCount } }', /needs a name/],
    ['an unknown fragment', 'query Q { customers { ...Missing } }', /unknown fragment Missing/],
    ['a schema definition', 'type Query { x: Int }', /operations and fragments only/],
    ['a syntax error', 'query Q {', /q.graphql: Syntax Error/],
  ])('refuses %s', (_label, text, message) => {
    expect(() => buildManifest('desk', [{ path: 'q.graphql', text }])).toThrow(message);
  });

  it('is written by the command from a folder of .graphql files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
    try {
      mkdirSync(join(folder, 'src', 'nested'), { recursive: true });
      writeFileSync(join(folder, 'src', 'a.graphql'), 'query A { customers { totalCount } }');
      writeFileSync(join(folder, 'src', 'nested', 'b.graphql'), 'query B { complaints { totalCount } }');
      const out = join(folder, 'manifest.json');
      execFileSync(process.execPath, ['tools/run.js', 'tools/trusted-documents/src/main.ts', '--client', 'desk', '--out', out, join(folder, 'src')], { cwd: join(__dirname, '../../..') });
      const manifest = readTrustedDocumentManifest(readFileSync(out, 'utf8'), out);
      expect(manifest.client).toBe('desk');
      expect(Object.keys(manifest.operations)).toEqual(['A', 'B']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
