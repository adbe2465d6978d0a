import { createHash } from 'node:crypto';
import { ConfigurationError, type Environment, GATEWAY_DEFAULT_PORT, loadConfig } from '@carebridge/config';
import { z } from 'zod';

/** The settings of customer documents (T-4.2), read with the rest of after-sales' settings. */
export interface DocumentSettings {
  /** A request is due this many hours after it was made. */
  dueHours: number;
  /** Where the filesystem storage keeps the files. */
  storageDirectory: string;
  /** Invoices, credit notes and e-fapiao records are kept this long after issue (tax law). */
  taxRetentionDays: number;
  /** Travel certificates and other papers are kept this long after issue. */
  retentionDays: number;
  linkSecret: string;
  linkTtlMinutes: number;
  /**
   * Where download links point (`<base>/<document id>?token=…`): the gateway's public `/documents`,
   * which forwards them here. In development, the local gateway's (`http://127.0.0.1:4000/documents`);
   * a deployment refuses to start without it; under NODE_ENV=test (the harness, whose gateway port
   * is only known once it runs) null unless set, and links are then used through `documentFile`.
   */
  linkBaseUrl: string | null;
  /** Printed on travel certificates: where their code can be checked. */
  certificateVerificationUrl: string | null;
  /** How many files the retention job deletes per run. */
  retentionBatchSize: number;
}

const days = (fallback: number) =>
  z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number').min(1, 'must be at least 1 day').max(36_500, 'must be at most 36500 days').default(fallback);

const optionalUrl = z
  .string()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL')
  .optional();

const DOCUMENT_SETTINGS = {
  AFTER_SALES_DOCUMENT_DUE_HOURS: z.coerce.number({ message: 'must be a number of hours' }).positive('must be greater than 0').max(24 * 90, 'must be at most 2160 hours').default(72),
  AFTER_SALES_DOCUMENT_STORAGE_DIR: z.string().min(1).default('.data/documents'),
  AFTER_SALES_INVOICE_RETENTION_DAYS: days(3653),
  AFTER_SALES_DOCUMENT_RETENTION_DAYS: days(730),
  AFTER_SALES_DOCUMENT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AFTER_SALES_DOCUMENT_LINK_TTL_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int('must be a whole number').min(1, 'must be 1 to 1440').max(1440, 'must be 1 to 1440').default(15),
  AFTER_SALES_DOCUMENT_LINK_BASE_URL: optionalUrl,
  AFTER_SALES_CERTIFICATE_VERIFICATION_URL: optionalUrl,
  AFTER_SALES_DOCUMENT_RETENTION_BATCH: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 10000').max(10_000, 'must be 1 to 10000').default(200),
};

/** The local gateway's document downloads (`npm start`), which forward to this service. */
const DEVELOPMENT_LINK_BASE_URL = `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/documents`;

/** Read and validated from the environment; in development the link secret is derived, as subgraph secrets are, and production refuses to start without one; a deployment refuses to start without the links' base URL. */
export function documentSettings(env: Environment = process.env): DocumentSettings {
  const values = loadConfig(DOCUMENT_SETTINGS, env);
  const nodeEnv = env.NODE_ENV || 'development';
  const problems: string[] = [];
  if (!values.AFTER_SALES_DOCUMENT_LINK_SECRET && nodeEnv === 'production') {
    problems.push('AFTER_SALES_DOCUMENT_LINK_SECRET: must be set in production (it signs document download links; at least 32 characters)');
  }
  if (!values.AFTER_SALES_DOCUMENT_LINK_BASE_URL && nodeEnv !== 'development' && nodeEnv !== 'test') {
    problems.push(`AFTER_SALES_DOCUMENT_LINK_BASE_URL: must be set outside development (NODE_ENV=${nodeEnv}): the gateway's public /documents URL, e.g. https://api.example.com/documents, where download links point`);
  }
  if (problems.length) throw new ConfigurationError(problems);
  return {
    dueHours: values.AFTER_SALES_DOCUMENT_DUE_HOURS,
    storageDirectory: values.AFTER_SALES_DOCUMENT_STORAGE_DIR,
    taxRetentionDays: values.AFTER_SALES_INVOICE_RETENTION_DAYS,
    retentionDays: values.AFTER_SALES_DOCUMENT_RETENTION_DAYS,
    linkSecret: values.AFTER_SALES_DOCUMENT_LINK_SECRET ?? createHash('sha256').update('carebridge-development-after-sales-document-links').digest('hex'),
    linkTtlMinutes: values.AFTER_SALES_DOCUMENT_LINK_TTL_MINUTES,
    linkBaseUrl: values.AFTER_SALES_DOCUMENT_LINK_BASE_URL?.replace(/\/+$/, '') ?? (nodeEnv === 'development' ? DEVELOPMENT_LINK_BASE_URL : null),
    certificateVerificationUrl: values.AFTER_SALES_CERTIFICATE_VERIFICATION_URL ?? null,
    retentionBatchSize: values.AFTER_SALES_DOCUMENT_RETENTION_BATCH,
  };
}
