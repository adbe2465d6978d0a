import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemDocumentStorage } from './file-system-document-storage';

describe('documents on the filesystem', () => {
  let directory: string;
  let storage: FileSystemDocumentStorage;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'carebridge-documents-'));
    storage = new FileSystemDocumentStorage(directory);
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('puts, gets, replaces and deletes a file under its key, leaving no partial files behind', async () => {
    await storage.put('2f1c/invoice.pdf', Buffer.from('%PDF-1.7 first'), { contentType: 'application/pdf' });
    expect((await storage.get('2f1c/invoice.pdf'))?.toString()).toBe('%PDF-1.7 first');
    await storage.put('2f1c/invoice.pdf', Buffer.from('%PDF-1.7 second'), { contentType: 'application/pdf' });
    expect((await storage.get('2f1c/invoice.pdf'))?.toString()).toBe('%PDF-1.7 second');
    expect(await readdir(join(directory, '2f1c'))).toEqual(['invoice.pdf']);
    await storage.delete('2f1c/invoice.pdf');
    expect(await storage.get('2f1c/invoice.pdf')).toBeNull();
  });

  it('treats a missing file as nothing stored and deleting it again as no error', async () => {
    expect(await storage.get('nothing/here.pdf')).toBeNull();
    await expect(storage.delete('nothing/here.pdf')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave its directory', async () => {
    for (const key of ['../outside.pdf', 'a/../../b', '/etc/passwd', 'a//b', '', 'a/./b', 'name with space.pdf']) {
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow('Not a document storage key');
    }
  });
});
