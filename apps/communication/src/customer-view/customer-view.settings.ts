import { developmentLinkSecret, MIN_LINK_SECRET_LENGTH } from '@carebridge/auth';
import { ConfigurationError, type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';

/** The customer's own view of their cases. */
export interface CustomerViewSettings {
  /** The HMAC secret of status links (COMMUNICATION_STATUS_LINK_SECRET). */
  statusLinkSecret: string;
  /** How long a status link works after it was made. */
  statusLinkTtlDays: number;
  /** The company's policy: whether customers see which staff member took a step (their user id). */
  showsStaff: boolean;
}

export function customerViewSettings(env: Environment = process.env): CustomerViewSettings {
  const s = loadConfig(
    {
      COMMUNICATION_STATUS_LINK_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
      COMMUNICATION_STATUS_LINK_TTL_DAYS: setting.positiveInt(30),
      COMMUNICATION_CUSTOMER_VIEW_SHOWS_STAFF: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
    },
    env,
  );
  if (!s.COMMUNICATION_STATUS_LINK_SECRET && env.NODE_ENV === 'production') {
    throw new ConfigurationError(['COMMUNICATION_STATUS_LINK_SECRET: must be set in production (the secret that signs status links)']);
  }
  return {
    // Development and tests: derived from a fixed seed, like the subgraph secrets.
    statusLinkSecret: s.COMMUNICATION_STATUS_LINK_SECRET ?? developmentLinkSecret('case-status'),
    statusLinkTtlDays: s.COMMUNICATION_STATUS_LINK_TTL_DAYS,
    showsStaff: s.COMMUNICATION_CUSTOMER_VIEW_SHOWS_STAFF === 'true',
  };
}
