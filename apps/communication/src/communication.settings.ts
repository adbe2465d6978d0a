import { developmentLinkSecret, MIN_LINK_SECRET_LENGTH } from '@carebridge/auth';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
// Customer view
import { type CustomerViewSettings, customerViewSettings } from './customer-view/customer-view.settings';

/** How e-mail leaves Carebridge: an SMTP server, signed with DKIM when a key is given. */
export interface EmailSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`; null: the local SMTP catcher (development and tests only). */
  smtpUrl: string | null;
  /** The sender of every mail, `Carebridge Service <service@example.com>`. */
  from: string;
  /** The support address customers write to; replies carry `<local>+<token>@<domain>` of it. */
  supportAddress: string;
  /** Bounces come back to `<local>+<delivery>@<domain>` of it (the envelope sender). */
  bounceAddress: string;
  /** DKIM signing (RFC 6376), when all three are set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

/** The local SMTP catcher of development and tests: takes every mail, keeps it for `developmentMailbox`, and is the inbound listener. */
export interface LocalMailSettings {
  enabled: boolean;
  host: string;
  /** 0: a free port, chosen when the catcher listens (the e-mail channel then sends there). */
  port: number;
}

/** SMS and chat apps through a provider's HTTP API. */
export interface SmsSettings {
  provider: 'none' | 'twilio';
  twilio: { apiUrl: string; accountSid: string; authToken: string; from: string; statusCallbackUrl: string | null } | null;
}

/** The support mailbox polled over IMAP: the production inbound path where the provider has no webhook. */
export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the start (imaps, 993); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  pollIntervalMs: number;
}

/** after-sales' post-trip survey links, which communication signs for the mail that carries them. */
export interface SurveyLinkSettings {
  /** The secret of the `followup-survey` links: the same value as after-sales' AFTER_SALES_SURVEY_LINK_SECRET. */
  secret: string;
  /** The customer app's survey page; the link is `<page>?token=<token>`. */
  pageUrl: string;
}

/** The communication service's own settings (validated at start; a bad value stops it naming the variable). */
export interface CommunicationSettings {
  /** How often the scheduled jobs run. */
  jobIntervalMs: number;
  /** How often queued deliveries are sent (the dispatch job). */
  dispatchIntervalMs: number;
  /** Attempts before a delivery is FAILED; the wait doubles from retryBaseMs after each failure. */
  maxAttempts: number;
  retryBaseMs: number;
  /** The time zone times are written in to customers and staff. */
  timeZone: string;
  /** Signs the reply tokens in Reply-To addresses, so that nobody threads mail onto a case by guessing. */
  replyTokenSecret: string;
  /** How long a reply address threads onto its case; later answers thread by their In-Reply-To/References. */
  replyTokenTtlDays: number;
  survey: SurveyLinkSettings;
  /** Null: no IMAP polling (the default; the SMTP listener or the webhook takes inbound mail). */
  imap: ImapSettings | null;
  email: EmailSettings;
  localMail: LocalMailSettings;
  sms: SmsSettings;
  /** Customer view: status links and whether customers see staff (COMMUNICATION_STATUS_LINK_*, COMMUNICATION_CUSTOMER_VIEW_*). */
  customerView: CustomerViewSettings;
}

/** Where survey links point outside production: there is no customer app in development, only the link's token matters. */
const DEVELOPMENT_SURVEY_PAGE = 'http://localhost:4000/survey';

const address = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address like support@example.com');

export function communicationSettings(env: Environment = process.env): CommunicationSettings {
  const s = loadConfig(
    {
      NODE_ENV: setting.nodeEnv(),
      COMMUNICATION_JOB_INTERVAL_MS: setting.positiveInt(60_000),
      COMMUNICATION_TIME_ZONE: setting.timeZone('UTC'),
      COMMUNICATION_DISPATCH_INTERVAL_MS: setting.positiveInt(2_000),
      COMMUNICATION_MAX_ATTEMPTS: setting.positiveInt(6),
      COMMUNICATION_RETRY_BASE_MS: setting.positiveInt(30_000),
      COMMUNICATION_REPLY_TOKEN_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
      COMMUNICATION_REPLY_TOKEN_TTL_DAYS: setting.positiveInt(365),
      COMMUNICATION_SURVEY_LINK_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
      COMMUNICATION_SURVEY_PAGE_URL: setting.url(['https', 'http']).optional(),
      COMMUNICATION_IMAP_URL: setting.url(['imaps', 'imap']).optional(),
      COMMUNICATION_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
      COMMUNICATION_IMAP_POLL_INTERVAL_MS: setting.positiveInt(60_000),
      COMMUNICATION_SMTP_URL: setting.url(['smtp', 'smtps']).optional(),
      COMMUNICATION_MAIL_FROM: z.string().min(3).default('Carebridge Service <service@carebridge.localhost>'),
      COMMUNICATION_SUPPORT_ADDRESS: address.default('support@carebridge.localhost'),
      COMMUNICATION_BOUNCE_ADDRESS: address.default('bounces@carebridge.localhost'),
      COMMUNICATION_DKIM_DOMAIN: z.string().optional(),
      COMMUNICATION_DKIM_SELECTOR: z.string().optional(),
      COMMUNICATION_DKIM_PRIVATE_KEY: z.string().optional(),
      COMMUNICATION_LOCAL_SMTP_HOST: z.string().default('127.0.0.1'),
      COMMUNICATION_LOCAL_SMTP_PORT: z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(0, 'must be a port number from 0 to 65535').max(65535, 'must be a port number from 0 to 65535').optional(),
      COMMUNICATION_SMS_PROVIDER: z.enum(['none', 'twilio'], { message: 'must be none or twilio' }).default('none'),
      COMMUNICATION_TWILIO_API_URL: setting.url(['https', 'http']).default('https://api.twilio.com'),
      COMMUNICATION_TWILIO_ACCOUNT_SID: z.string().optional(),
      COMMUNICATION_TWILIO_AUTH_TOKEN: z.string().optional(),
      COMMUNICATION_TWILIO_FROM: z.string().optional(),
      COMMUNICATION_TWILIO_STATUS_CALLBACK_URL: setting.url(['https', 'http']).optional(),
    },
    env,
  );
  const production = s.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !s.COMMUNICATION_SMTP_URL) problems.push('COMMUNICATION_SMTP_URL: must be set in production (the SMTP server mail leaves through)');
  if (production && !s.COMMUNICATION_REPLY_TOKEN_SECRET) problems.push('COMMUNICATION_REPLY_TOKEN_SECRET: must be set in production (signs the reply addresses)');
  if (production && !s.COMMUNICATION_SURVEY_PAGE_URL) problems.push("COMMUNICATION_SURVEY_PAGE_URL: must be set in production (the customer app's survey page the links open)");
  if (production && !s.COMMUNICATION_SURVEY_LINK_SECRET) problems.push("COMMUNICATION_SURVEY_LINK_SECRET: must be set in production (after-sales' AFTER_SALES_SURVEY_LINK_SECRET, signs the survey links)");
  const dkimParts = [s.COMMUNICATION_DKIM_DOMAIN, s.COMMUNICATION_DKIM_SELECTOR, s.COMMUNICATION_DKIM_PRIVATE_KEY];
  if (dkimParts.some(Boolean) && !dkimParts.every(Boolean)) problems.push('COMMUNICATION_DKIM_DOMAIN, COMMUNICATION_DKIM_SELECTOR, COMMUNICATION_DKIM_PRIVATE_KEY: set all three or none');
  const twilio = [s.COMMUNICATION_TWILIO_ACCOUNT_SID, s.COMMUNICATION_TWILIO_AUTH_TOKEN, s.COMMUNICATION_TWILIO_FROM];
  if (s.COMMUNICATION_SMS_PROVIDER === 'twilio' && !twilio.every(Boolean)) problems.push('COMMUNICATION_TWILIO_ACCOUNT_SID, COMMUNICATION_TWILIO_AUTH_TOKEN, COMMUNICATION_TWILIO_FROM: must be set for COMMUNICATION_SMS_PROVIDER=twilio');
  const imapUrl = s.COMMUNICATION_IMAP_URL ? new URL(s.COMMUNICATION_IMAP_URL) : null;
  if (imapUrl && (!imapUrl.username || !imapUrl.password)) problems.push('COMMUNICATION_IMAP_URL: must name the mailbox user and password, imaps://user:password@imap.example.com:993');
  if (problems.length) throw new ConfigurationError(problems);
  // Customer view
  const customerView = customerViewSettings(env);
  return {
    customerView,
    jobIntervalMs: s.COMMUNICATION_JOB_INTERVAL_MS,
    dispatchIntervalMs: s.COMMUNICATION_DISPATCH_INTERVAL_MS,
    maxAttempts: s.COMMUNICATION_MAX_ATTEMPTS,
    retryBaseMs: s.COMMUNICATION_RETRY_BASE_MS,
    timeZone: s.COMMUNICATION_TIME_ZONE,
    // Development and tests: derived from a fixed seed like every link secret, so that tokens survive a restart of `npm start`.
    replyTokenSecret: s.COMMUNICATION_REPLY_TOKEN_SECRET ?? developmentLinkSecret('reply-address'),
    replyTokenTtlDays: s.COMMUNICATION_REPLY_TOKEN_TTL_DAYS,
    // The same development secret as after-sales derives, so that its verifier takes the links.
    survey: { secret: s.COMMUNICATION_SURVEY_LINK_SECRET ?? developmentLinkSecret('followup-survey'), pageUrl: s.COMMUNICATION_SURVEY_PAGE_URL ?? DEVELOPMENT_SURVEY_PAGE },
    imap: imapUrl
      ? {
          host: imapUrl.hostname,
          port: Number(imapUrl.port) || (imapUrl.protocol === 'imaps:' ? 993 : 143),
          secure: imapUrl.protocol === 'imaps:',
          user: decodeURIComponent(imapUrl.username),
          password: decodeURIComponent(imapUrl.password),
          mailbox: s.COMMUNICATION_IMAP_MAILBOX,
          pollIntervalMs: s.COMMUNICATION_IMAP_POLL_INTERVAL_MS,
        }
      : null,
    email: {
      smtpUrl: s.COMMUNICATION_SMTP_URL ?? null,
      from: s.COMMUNICATION_MAIL_FROM,
      supportAddress: s.COMMUNICATION_SUPPORT_ADDRESS.toLowerCase(),
      bounceAddress: s.COMMUNICATION_BOUNCE_ADDRESS.toLowerCase(),
      dkim: s.COMMUNICATION_DKIM_DOMAIN
        ? { domainName: s.COMMUNICATION_DKIM_DOMAIN, keySelector: s.COMMUNICATION_DKIM_SELECTOR as string, privateKey: (s.COMMUNICATION_DKIM_PRIVATE_KEY as string).replace(/\\n/g, '\n') }
        : null,
    },
    // Tests take a free port (0) unless told one, so that platforms side by side never meet.
    localMail: { enabled: !production && !s.COMMUNICATION_SMTP_URL, host: s.COMMUNICATION_LOCAL_SMTP_HOST, port: s.COMMUNICATION_LOCAL_SMTP_PORT ?? (s.NODE_ENV === 'test' ? 0 : 2525) },
    sms: {
      provider: s.COMMUNICATION_SMS_PROVIDER,
      twilio:
        s.COMMUNICATION_SMS_PROVIDER === 'twilio'
          ? {
              apiUrl: s.COMMUNICATION_TWILIO_API_URL.replace(/\/$/, ''),
              accountSid: s.COMMUNICATION_TWILIO_ACCOUNT_SID as string,
              authToken: s.COMMUNICATION_TWILIO_AUTH_TOKEN as string,
              from: s.COMMUNICATION_TWILIO_FROM as string,
              statusCallbackUrl: s.COMMUNICATION_TWILIO_STATUS_CALLBACK_URL ?? null,
            }
          : null,
    },
  };
}
