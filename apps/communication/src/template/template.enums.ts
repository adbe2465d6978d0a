import { registerEnumType } from 'type-graphql';

/** The languages templates are written in; a customer's preferred language picks one (zh, zh-CN, zh-Hans → zh-CN; anything else → en). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export function localeFor(preferredLanguage: string | null | undefined): Locale {
  return /^zh\b/i.test(preferredLanguage ?? '') ? 'zh-CN' : 'en';
}

/** Who a template writes to. */
export enum TemplateAudience {
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
}

registerEnumType(TemplateAudience, { name: 'TemplateAudience', description: 'Whether a template writes to customers or to staff.' });
