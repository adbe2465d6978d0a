import { currentVersion, type MessageTemplate, type TemplateText } from './message-templates';
import type { Locale } from './template.enums';

export interface RenderedMessage extends TemplateText {
  templateKey: string;
  templateVersion: number;
  locale: Locale;
}

/**
 * Fills a template's text in one pass: a value that itself looks like `{{x}}` stays as written,
 * and a placeholder without a value is a mistake of the reaction, not a blank in the customer's mail.
 */
export function renderTemplate(template: MessageTemplate, locale: Locale, values: Record<string, string>, version = currentVersion(template).version): RenderedMessage {
  const chosen = template.versions.find((v) => v.version === version);
  if (!chosen) throw new Error(`Template ${template.key} has no version ${version}`);
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Template ${template.key}: no value for {{${name}}}`);
      return value;
    });
  const text = chosen.text[locale];
  return { templateKey: template.key, templateVersion: chosen.version, locale, subject: fill(text.subject).replace(/[\r\n]+/g, ' '), body: fill(text.body) };
}

/** A time as the recipient reads it, in their language and the company's time zone. */
export function formatTime(time: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(time));
}
