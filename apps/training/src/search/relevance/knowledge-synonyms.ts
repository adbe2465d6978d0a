import type { ArticleLocale } from '../../knowledge/knowledge.enums';

/**
 * The synonym list a trainer keeps for the relevance corpus: the words customers use for what the
 * articles call otherwise. The relevance test measures the search with it.
 */
export const KNOWLEDGE_SYNONYMS: readonly { locale: ArticleLocale; terms: string[] }[] = [
  { locale: 'EN', terms: ['luggage', 'baggage'] },
  { locale: 'EN', terms: ['hand luggage', 'cabin bag', 'carry-on'] },
  { locale: 'EN', terms: ['bike', 'bicycle'] },
  { locale: 'ZH_CN', terms: ['旅游', '旅行'] },
  { locale: 'ZH_CN', terms: ['行李', '托运行李'] },
  { locale: 'ZH_CN', terms: ['索赔', '理赔'] },
  { locale: 'ZH_CN', terms: ['手提行李', '随身行李'] },
];
