import { S3Client } from '@aws-sdk/client-s3';
import { type Environment, loadConfig } from '@carebridge/config';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { DatabaseFileStorage } from './database-file-storage';
import { DEFAULT_ACCEPTED_TYPES, FileIntake } from './file-intake';
import type { FileStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';
import { ClamdVirusScan, NoVirusScan } from './virus-scan';

/**
 * A service's file settings, `<SERVICE>_FILE_STORAGE` (`database` or `s3`), `<SERVICE>_S3_BUCKET`,
 * `<SERVICE>_S3_ENDPOINT` (for S3-compatible stores), `<SERVICE>_S3_REGION`, `<SERVICE>_FILE_MAX_BYTES`,
 * `<SERVICE>_FILE_TYPES`, `<SERVICE>_CLAMD` (`host:port`; none: no scan). S3 credentials come from
 * the SDK's usual chain (AWS_ACCESS_KEY_ID…, instance roles).
 */
export interface FileSettings {
  storage: 'database' | 's3';
  s3: { bucket: string; endpoint?: string; region: string; prefix: string } | null;
  maxBytes: number;
  acceptedTypes: string[];
  clamd: { host: string; port: number } | null;
}

export function fileSettings(service: string, env: Environment = process.env): FileSettings {
  const p = service.toUpperCase().replace(/-/g, '_');
  const s = loadConfig(
    {
      [`${p}_FILE_STORAGE`]: z.enum(['database', 's3'], { message: 'must be database or s3' }).default('database'),
      [`${p}_S3_BUCKET`]: z.string().optional(),
      [`${p}_S3_ENDPOINT`]: z.string().url('must be a URL').optional(),
      [`${p}_S3_REGION`]: z.string().default('us-east-1'),
      [`${p}_FILE_MAX_BYTES`]: z.coerce.number({ message: 'must be a number of bytes' }).int('must be a whole number').min(1024, 'must be at least 1024').max(100 * 1024 * 1024, 'must be at most 104857600').default(10 * 1024 * 1024),
      [`${p}_FILE_TYPES`]: z.string().default(DEFAULT_ACCEPTED_TYPES.join(',')).refine((v) => v.split(',').every((t) => /^[a-z]+\/[a-z0-9.+-]+$/.test(t.trim())), 'must be media types like image/jpeg,application/pdf'),
      [`${p}_CLAMD`]: z.string().regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port').optional(),
    } as Record<string, z.ZodTypeAny>,
    env,
  ) as Record<string, any>;
  const storage = s[`${p}_FILE_STORAGE`] as 'database' | 's3';
  if (storage === 's3' && !s[`${p}_S3_BUCKET`]) throw new Error(`${p}_S3_BUCKET: must be set when ${p}_FILE_STORAGE=s3`);
  const clamd = s[`${p}_CLAMD`] as string | undefined;
  return {
    storage,
    s3: storage === 's3' ? { bucket: s[`${p}_S3_BUCKET`], endpoint: s[`${p}_S3_ENDPOINT`], region: s[`${p}_S3_REGION`], prefix: `${service}/` } : null,
    maxBytes: s[`${p}_FILE_MAX_BYTES`],
    acceptedTypes: (s[`${p}_FILE_TYPES`] as string).split(',').map((t) => t.trim()),
    clamd: clamd ? { host: clamd.split(':')[0], port: Number(clamd.split(':')[1]) } : null,
  };
}

/** The store the settings name. */
export function fileStorageOf(settings: FileSettings, dataSource: DataSource): FileStorage {
  if (!settings.s3) return new DatabaseFileStorage(dataSource);
  const client = new S3Client({ region: settings.s3.region, ...(settings.s3.endpoint ? { endpoint: settings.s3.endpoint, forcePathStyle: true } : {}) });
  return new S3FileStorage(client, settings.s3.bucket, settings.s3.prefix);
}

export function fileIntakeOf(settings: FileSettings): FileIntake {
  return new FileIntake({
    maxBytes: settings.maxBytes,
    acceptedTypes: settings.acceptedTypes,
    virusScan: settings.clamd ? new ClamdVirusScan(settings.clamd.host, settings.clamd.port) : new NoVirusScan(),
  });
}
