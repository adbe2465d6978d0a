import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import { Arg, Authorized, Int, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../delivery/delivery.enums';
import { currentVersion, MESSAGE_TEMPLATES, templateNamed } from './message-templates';
import { renderTemplate } from './template-rendering';
import { type Locale, LOCALES } from './template.enums';
import { MessagePreview, MessageTemplateInfo } from './template.types';

@Resolver()
export class TemplateResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [MessageTemplateInfo], { description: 'The message templates, with their versions and placeholders.' })
  messageTemplates(): MessageTemplateInfo[] {
    return MESSAGE_TEMPLATES.map((t) => ({
      key: t.key,
      description: t.description,
      audience: t.audience,
      purpose: t.purpose,
      currentVersion: currentVersion(t).version,
      versions: t.versions.map((v) => v.version),
      locales: [...LOCALES],
      placeholders: Object.entries(t.placeholders).map(([name, meaning]) => ({ name, meaning })),
    }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => MessagePreview, { description: 'A template rendered with its example values in a locale (the current version unless one is named).' })
  messageTemplatePreview(
    @Arg('key') key: string,
    @Arg('locale', { defaultValue: 'en' }) locale: string,
    @Arg('version', () => Int, { nullable: true }) version?: number | null,
  ): MessagePreview {
    const template = templateNamed(key);
    if (!template) throw new NotFoundError('MessageTemplate', key);
    if (!(LOCALES as readonly string[]).includes(locale)) throw BadUserInputError.field('locale', 'locale', `must be one of ${LOCALES.join(', ')}`);
    if (version != null && !template.versions.some((v) => v.version === version)) throw BadUserInputError.field('version', 'version', `must be one of ${template.versions.map((v) => v.version).join(', ')}`);
    const rendered = renderTemplate(template, locale as Locale, template.example, version ?? undefined);
    return { templateKey: key, version: rendered.templateVersion, locale, subject: rendered.subject, body: rendered.body };
  }
}
