import { BusinessCalendar, calendarSettings } from '@carebridge/business-calendar';
import { developmentLinkSecret } from '@carebridge/auth';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { type FileSettings, fileSettings } from '@carebridge/file-storage';
import { customerReferenceSettings } from '@carebridge/known-customers';
import { z } from 'zod';
import { CompensationValuation, isCurrency, parseExchangeRates } from './resolution/compensation-valuation';

/** The purposes of attachment links: each its own secret, so an upload link never downloads. */
export const ATTACHMENT_UPLOAD_LINKS = 'complaint-attachment-upload';
export const ATTACHMENT_DOWNLOAD_LINKS = 'complaint-attachment';

const DECIMAL = /^\d{1,10}(\.\d{1,2})?$/;

/** The complaint service's own settings (validated at start; a bad value stops it naming the variable). */
export interface ComplaintSettings {
  /** Feedback target when the urgency's policy row sets none (A-3.2.4: 24 hours). */
  feedbackTargetHours: number;
  calendar: BusinessCalendar;
  /** Track the US DOT deadlines of 14 CFR 259.7 on every complaint. */
  dotRule: boolean;
  valuation: CompensationValuation;
  /** A deadline is at risk in the last this-many percent of its time. */
  atRiskPercent: number;
  slaMonitorIntervalMs: number;
  /** Attachments: storage, size limit, accepted types, virus scan (COMPLAINT_FILE_*, COMPLAINT_S3_*, COMPLAINT_CLAMD). */
  files: FileSettings;
  /** An agent taking the customer's callback may reopen a complaint within this many days of its resolution or closing. */
  agentReopenDays: number;
  attachmentLinks: { uploadSecret: string; downloadSecret: string; minutes: number; baseUrl: string };
  /** How long a complaint waits for crm to announce its customer before a supervisor is asked (CUSTOMER_REFERENCE_WAIT_MINUTES). */
  customerReferences: { waitMinutes: number; checkEveryMs: number };
}

export function complaintSettings(env: Environment = process.env): ComplaintSettings {
  const s = loadConfig(
    {
      COMPLAINT_FEEDBACK_TARGET_HOURS: z.coerce
        .number({ message: 'must be a number of hours' })
        .positive('must be greater than 0')
        .max(24 * 90, 'must be at most 2160 hours')
        .default(24),
      ...calendarSettings('COMPLAINT'),
      // Renamed to COMPLAINT_TIME_ZONE, as every service names it: refused rather than silently left for UTC.
      COMPLAINT_TIMEZONE: z.undefined({ message: 'was renamed to COMPLAINT_TIME_ZONE' }),
      COMPLAINT_DOT_RULE: setting.boolean(false),
      COMPLAINT_APPROVAL_THRESHOLD: z.string().default('200.00').refine((v) => DECIMAL.test(v), 'must be an amount like 200.00'),
      COMPLAINT_APPROVAL_CURRENCY: z.string().default('EUR').refine(isCurrency, 'must be an ISO 4217 currency code such as EUR'),
      COMPLAINT_EXCHANGE_RATES: z
        .string()
        .default('')
        .refine((v) => parseExchangeRates(v) !== null, 'must be rates into the approval currency like USD=0.92,GBP=1.17'),
      COMPLAINT_POINT_VALUE: z.coerce.number({ message: 'must be a number' }).min(0, 'must not be negative').default(0.01),
      COMPLAINT_MILE_VALUE: z.coerce.number({ message: 'must be a number' }).min(0, 'must not be negative').default(0.01),
      COMPLAINT_AT_RISK_PERCENT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 99').max(99, 'must be 1 to 99').default(25),
      COMPLAINT_SLA_MONITOR_INTERVAL_MS: z.coerce
        .number({ message: 'must be a number of milliseconds' })
        .int('must be a whole number')
        .min(1000, 'must be at least 1000')
        .default(30_000),
      COMPLAINT_AGENT_REOPEN_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number').min(0, 'must be 0 to 365').max(365, 'must be 0 to 365').default(30),
      COMPLAINT_ATTACHMENT_UPLOAD_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
      COMPLAINT_ATTACHMENT_DOWNLOAD_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
      COMPLAINT_ATTACHMENT_LINK_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int('must be a whole number').min(1, 'must be 1 to 60').max(60, 'must be 1 to 60').default(10),
      COMPLAINT_ATTACHMENT_LINK_BASE_URL: z.string().url('must be a URL').optional(),
    },
    env,
  );
  if ((env.NODE_ENV ?? 'development') === 'production' && (!s.COMPLAINT_ATTACHMENT_UPLOAD_LINK_SECRET || !s.COMPLAINT_ATTACHMENT_DOWNLOAD_LINK_SECRET)) {
    throw new ConfigurationError(['COMPLAINT_ATTACHMENT_UPLOAD_LINK_SECRET, COMPLAINT_ATTACHMENT_DOWNLOAD_LINK_SECRET: must be set in production (they sign attachment links; at least 32 characters)']);
  }
  return {
    feedbackTargetHours: s.COMPLAINT_FEEDBACK_TARGET_HOURS,
    calendar: BusinessCalendar.fromSettings(s, 'COMPLAINT'),
    dotRule: s.COMPLAINT_DOT_RULE,
    valuation: new CompensationValuation({
      threshold: s.COMPLAINT_APPROVAL_THRESHOLD,
      currency: s.COMPLAINT_APPROVAL_CURRENCY.toUpperCase(),
      exchangeRates: parseExchangeRates(s.COMPLAINT_EXCHANGE_RATES) ?? {},
      pointValue: s.COMPLAINT_POINT_VALUE,
      mileValue: s.COMPLAINT_MILE_VALUE,
    }),
    atRiskPercent: s.COMPLAINT_AT_RISK_PERCENT,
    slaMonitorIntervalMs: s.COMPLAINT_SLA_MONITOR_INTERVAL_MS,
    files: fileSettings('complaint', env),
    agentReopenDays: s.COMPLAINT_AGENT_REOPEN_DAYS,
    attachmentLinks: {
      uploadSecret: s.COMPLAINT_ATTACHMENT_UPLOAD_LINK_SECRET ?? developmentLinkSecret(ATTACHMENT_UPLOAD_LINKS),
      downloadSecret: s.COMPLAINT_ATTACHMENT_DOWNLOAD_LINK_SECRET ?? developmentLinkSecret(ATTACHMENT_DOWNLOAD_LINKS),
      minutes: s.COMPLAINT_ATTACHMENT_LINK_MINUTES,
      // Relative by default: the gateway's own /complaint-attachments, wherever it is reached.
      baseUrl: (s.COMPLAINT_ATTACHMENT_LINK_BASE_URL ?? '/complaint-attachments').replace(/\/+$/, ''),
    },
    customerReferences: customerReferenceSettings(env),
  };
}
