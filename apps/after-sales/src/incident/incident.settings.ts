import { type Environment, loadConfig, setting } from '@carebridge/config';
import { z } from 'zod';
import type { IncidentType } from './incident.enums';

/** The settings of in-trip incidents (read with the rest of after-sales' settings). */
export interface IncidentSettings {
  /** The 24/7 duty contact every emergency shows, e.g. "+49 69 1234 5678 (after-sales duty desk)". */
  dutyContact: string;
  /** The knowledge article of each emergency's procedure, unless the incident names another. */
  emergencyArticles: Record<'MEDICAL_EMERGENCY' | 'NATURAL_DISASTER' | 'SECURITY_EMERGENCY', string>;
  /** When a partner task is due, unless it says: this many hours after it is assigned. */
  partnerTaskDueHours: number;
  /** How often overdue partner tasks are looked for. */
  partnerTaskMonitorIntervalMs: number;
}

const ARTICLE = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'must be a knowledge article id such as KB-EMERGENCY-MEDICAL');

export function incidentSettings(env: Environment = process.env): IncidentSettings {
  const s = loadConfig(
    {
      AFTER_SALES_DUTY_CONTACT: z.string().trim().min(1, 'must name the 24/7 duty contact').default('After-sales duty desk, 24/7 (set AFTER_SALES_DUTY_CONTACT)'),
      AFTER_SALES_EMERGENCY_ARTICLE_MEDICAL: ARTICLE.default('KB-EMERGENCY-MEDICAL'),
      AFTER_SALES_EMERGENCY_ARTICLE_NATURAL_DISASTER: ARTICLE.default('KB-EMERGENCY-NATURAL-DISASTER'),
      AFTER_SALES_EMERGENCY_ARTICLE_SECURITY: ARTICLE.default('KB-EMERGENCY-SECURITY'),
      AFTER_SALES_PARTNER_TASK_DUE_HOURS: setting.positiveInt(24),
      AFTER_SALES_PARTNER_TASK_MONITOR_INTERVAL_MS: setting.positiveInt(60_000),
    },
    env,
  );
  return {
    dutyContact: s.AFTER_SALES_DUTY_CONTACT,
    emergencyArticles: {
      MEDICAL_EMERGENCY: s.AFTER_SALES_EMERGENCY_ARTICLE_MEDICAL,
      NATURAL_DISASTER: s.AFTER_SALES_EMERGENCY_ARTICLE_NATURAL_DISASTER,
      SECURITY_EMERGENCY: s.AFTER_SALES_EMERGENCY_ARTICLE_SECURITY,
    },
    partnerTaskDueHours: s.AFTER_SALES_PARTNER_TASK_DUE_HOURS,
    partnerTaskMonitorIntervalMs: s.AFTER_SALES_PARTNER_TASK_MONITOR_INTERVAL_MS,
  };
}

export function isEmergency(type: IncidentType): type is keyof IncidentSettings['emergencyArticles'] {
  return type === 'MEDICAL_EMERGENCY' || type === 'NATURAL_DISASTER' || type === 'SECURITY_EMERGENCY';
}
