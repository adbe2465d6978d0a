import { enumOf, type EnumValue, KNOWLEDGE_ARTICLE_KINDS, KNOWLEDGE_LOCALES, KNOWLEDGE_VISIBILITIES } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** What an article is (T-5.2); a PROCEDURE (T-5.3) also has an owner. */
export const ArticleKind = enumOf(KNOWLEDGE_ARTICLE_KINDS);
export type ArticleKind = EnumValue<typeof ArticleKind>;
registerEnumType(ArticleKind, {
  name: 'ArticleKind',
  description: 'POLICY, FAQ, EMERGENCY_PROCEDURE, VISA_GUIDE, INSURANCE_INFORMATION, TRAVEL_NOTES, PROCEDURE (has an owner).',
});

/** The language an article is written in. */
export const ArticleLocale = enumOf(KNOWLEDGE_LOCALES);
export type ArticleLocale = EnumValue<typeof ArticleLocale>;
registerEnumType(ArticleLocale, { name: 'ArticleLocale', description: 'ZH_CN (zh-CN, Simplified Chinese) or EN (en, English).' });

/** The BCP 47 tag of each locale. */
export const LANGUAGE_TAG: Record<ArticleLocale, string> = { ZH_CN: 'zh-CN', EN: 'en' };

/** Who may read an article. */
export const ArticleVisibility = enumOf(KNOWLEDGE_VISIBILITIES);
export type ArticleVisibility = EnumValue<typeof ArticleVisibility>;
registerEnumType(ArticleVisibility, { name: 'ArticleVisibility', description: 'INTERNAL (staff only) or PUBLIC (also the customer apps).' });

/** Where the working copy of an article stands in its workflow. */
export const ArticleStatus = enumOf(['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED']);
export type ArticleStatus = EnumValue<typeof ArticleStatus>;
registerEnumType(ArticleStatus, {
  name: 'ArticleStatus',
  description:
    'DRAFT (being written; an edit of a published article, whose live version stays live), IN_REVIEW (waiting for a supervisor), APPROVED (waiting for its scheduled publication), PUBLISHED (the working copy is the live version), ARCHIVED (never found, never cited).',
});

/** Where a drafted article's text came from. */
export const SolvedCaseSource = enumOf(['INQUIRY', 'COMPLAINT']);
export type SolvedCaseSource = EnumValue<typeof SolvedCaseSource>;
registerEnumType(SolvedCaseSource, { name: 'SolvedCaseSource', description: 'A solved INQUIRY or COMPLAINT.' });
