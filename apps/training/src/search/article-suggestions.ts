import type { DataSource } from 'typeorm';
import type { InquiryContexts } from './inquiry-context';
import type { KnowledgeSearch } from './knowledge-search';
import type { KnowledgeSearchHit } from './search.types';

/**
 * Articles for the inquiry an agent is answering: a search with the customer's words,
 * the articles of the knowledge categories that answer the inquiry's category ranked higher.
 */
export class ArticleSuggestions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: InquiryContexts,
    private readonly search: KnowledgeSearch,
  ) {}

  async forInquiry(inquiryId: string, first = 5): Promise<KnowledgeSearchHit[]> {
    const context = await this.contexts.find(this.dataSource.manager, inquiryId);
    if (!context?.text.trim()) return [];
    // The customer's whole words, not a typed search: no prefix, and no content gap when nothing is found.
    const { hits } = await this.search.search({ text: `${context.text} `, first, offset: 0, complete: false, inquiryCategory: context.category });
    return hits;
  }
}
