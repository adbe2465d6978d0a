import { type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import { type FollowUpSettings, followUpSettings } from './follow-up/follow-up.settings';
import { type DocumentSettings, documentSettings } from './document/document.settings';
import { type IncidentSettings, incidentSettings } from './incident/incident.settings';

/** The after-sales service's own settings (validated at start; a bad value stops it naming the variable). */
export interface AfterSalesSettings {
  /** How often the scheduled jobs run. */
  jobIntervalMs: number;
  /** How long after its end a confirmed trip is completed by schedule; 0: only when the reservation system says so. */
  tripCompletionDelayHours: number;
  /** The most bookings one importBookings takes (all or none). */
  importMaxBookings: number;
  /** Post-trip follow-up and service recovery (AFTER_SALES_FOLLOW_UP_*, AFTER_SALES_SURVEY_LINK_*, …). */
  followUp: FollowUpSettings;
  /** Customer documents (AFTER_SALES_DOCUMENT_*, AFTER_SALES_INVOICE_RETENTION_DAYS, AFTER_SALES_CERTIFICATE_VERIFICATION_URL). */
  documents: DocumentSettings;
  /** In-trip incidents (AFTER_SALES_DUTY_CONTACT, AFTER_SALES_EMERGENCY_ARTICLE_*, AFTER_SALES_PARTNER_TASK_*). */
  incidents: IncidentSettings;
}

export function afterSalesSettings(env: Environment = process.env): AfterSalesSettings {
  const s = loadConfig(
    {
      AFTER_SALES_JOB_INTERVAL_MS: setting.positiveInt(60_000),
      AFTER_SALES_TRIP_COMPLETION_DELAY_HOURS: z.coerce.number({ message: 'must be a number of hours' }).int('must be a whole number').min(0, 'must not be negative').default(24),
      AFTER_SALES_IMPORT_MAX_BOOKINGS: setting.positiveInt(500),
    },
    env,
  );
  return {
    jobIntervalMs: s.AFTER_SALES_JOB_INTERVAL_MS,
    tripCompletionDelayHours: s.AFTER_SALES_TRIP_COMPLETION_DELAY_HOURS,
    importMaxBookings: s.AFTER_SALES_IMPORT_MAX_BOOKINGS,
    followUp: followUpSettings(env),
    documents: documentSettings(env),
    incidents: incidentSettings(env),
  };
}
