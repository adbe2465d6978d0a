import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createDataSource } from '@carebridge/service-kit';
import { createTestDatabase, type TestDatabase } from '@carebridge/testing';
// s3rver ships no types; it is a real S3-compatible HTTP server (signatures, buckets, objects on disk).
const S3rver = require('s3rver');
import type { DataSource } from 'typeorm';
import { DatabaseFileStorage, FILE_STORAGE_MIGRATIONS } from './database-file-storage';
import { DEFAULT_ACCEPTED_TYPES, FileIntake } from './file-intake';
import type { FileStorage } from './file-storage';
import { fileSettings } from './file-storage.settings';
import { S3FileStorage } from './s3-file-storage';
import { ClamdVirusScan, NoVirusScan } from './virus-scan';

/** The first bytes of a PNG and of a PDF: what the intake recognises a file by. */
export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe.each(['database', 's3'] as const)('%s file storage (real Postgres, real S3-compatible server)', (kind) => {
  let storage: FileStorage;
  let close: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'database') {
      const database: TestDatabase = await createTestDatabase('file_storage');
      const dataSource: DataSource = createDataSource({ serverUrl: database.serverUrl, database: database.database, entities: [], migrations: FILE_STORAGE_MIGRATIONS });
      await dataSource.initialize();
      await dataSource.runMigrations();
      storage = new DatabaseFileStorage(dataSource);
      close = async () => {
        await dataSource.destroy();
        await database.drop();
      };
    } else {
      const directory = mkdtempSync(join(tmpdir(), 'carebridge-s3-'));
      const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
      const { port } = await server.run();
      const client = new S3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      await client.send(new CreateBucketCommand({ Bucket: 'carebridge-files' }));
      storage = new S3FileStorage(client, 'carebridge-files', 'complaint/');
      close = async () => {
        client.destroy();
        await server.close();
        rmSync(directory, { recursive: true, force: true });
      };
    }
  }, 60_000);
  afterAll(() => close());

  it('stores a file under its key and gives back the same bytes and type; an unknown or deleted key is null', async () => {
    const key = `a-${kind}-${Date.now()}`;
    await storage.put(key, PNG, 'image/png');
    const read = await storage.get(key);
    expect(read).toEqual({ content: PNG, contentType: 'image/png', size: PNG.length });
    expect(await storage.get('no-such-key')).toBeNull();
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });
});

describe('FileIntake', () => {
  const intake = new FileIntake({ maxBytes: 1024, acceptedTypes: DEFAULT_ACCEPTED_TYPES, virusScan: new NoVirusScan() });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error) => ({ code: error.extensions.code, field: error.extensions.field, rule: error.extensions.problems?.[0]?.rule }),
    );

  it('accepts a file by its content, whatever the sender claimed, and refuses empty, too large, unknown and disguised files', async () => {
    expect(await intake.accept(PNG)).toMatchObject({ contentType: 'image/png', size: PNG.length });
    expect(await intake.accept(PDF)).toMatchObject({ contentType: 'application/pdf' });
    expect(await refusal(intake.accept(Buffer.alloc(0), 'input.file'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.file', rule: 'size' });
    expect(await refusal(intake.accept(Buffer.concat([PNG, Buffer.alloc(2000)])))).toMatchObject({ rule: 'size' });
    // A Windows executable named photo.jpg.
    expect(await refusal(intake.accept(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])))).toMatchObject({ rule: 'content-type' });
    expect(await refusal(intake.accept(Buffer.from('just some text, not an image')))).toMatchObject({ rule: 'content-type' });
  });

  describe('with clamd', () => {
    // A stand-in speaking clamd's INSTREAM protocol (real clamd needs signature downloads this machine cannot make).
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((socket) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => {
          chunks.push(chunk);
          const all = Buffer.concat(chunks);
          if (all.subarray(all.length - 4).equals(Buffer.alloc(4))) socket.end(all.includes('EICAR') ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('passes a clean file and refuses one the scanner flags; an unreachable scanner fails the upload', async () => {
      const scanned = new FileIntake({ maxBytes: 4096, acceptedTypes: DEFAULT_ACCEPTED_TYPES, virusScan: new ClamdVirusScan('127.0.0.1', port) });
      expect(await scanned.accept(PDF)).toMatchObject({ contentType: 'application/pdf' });
      const infected = Buffer.concat([PDF, Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')]);
      expect(await refusal(scanned.accept(infected))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'virus' });
      await expect(new ClamdVirusScan('127.0.0.1', 1).scan(PDF)).rejects.toThrow();
    });
  });

  it('reads its settings per service and refuses s3 without a bucket', () => {
    expect(fileSettings('complaint', {})).toMatchObject({ storage: 'database', s3: null, maxBytes: 10 * 1024 * 1024, clamd: null });
    expect(fileSettings('complaint', { COMPLAINT_FILE_STORAGE: 's3', COMPLAINT_S3_BUCKET: 'files', COMPLAINT_CLAMD: 'clamd:3310' })).toMatchObject({
      storage: 's3',
      s3: { bucket: 'files', prefix: 'complaint/' },
      clamd: { host: 'clamd', port: 3310 },
    });
    expect(() => fileSettings('complaint', { COMPLAINT_FILE_STORAGE: 's3' })).toThrow(/COMPLAINT_S3_BUCKET/);
    expect(() => fileSettings('complaint', { COMPLAINT_FILE_MAX_BYTES: '10' })).toThrow(/COMPLAINT_FILE_MAX_BYTES/);
  });
});
