import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkStorageKey, type DocumentStorage } from './document-storage';

/**
 * Documents as files under one directory (`AFTER_SALES_DOCUMENT_STORAGE_DIR`, `.data/documents` in
 * development). A file is written beside its place, flushed and renamed into it, so a reader sees the
 * old bytes or the new ones, never half a file. Several instances of the service share the directory
 * when it is a shared volume; otherwise use an object store.
 */
export class FileSystemDocumentStorage implements DocumentStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(key: string, bytes: Uint8Array, _meta?: { contentType: string }): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, ...checkStorageKey(key).split('/'));
  }
}
