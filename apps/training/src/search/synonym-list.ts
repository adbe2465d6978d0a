import type { Identity } from '@carebridge/auth';
import { BadUserInputError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { ArticleLocale } from '../knowledge/knowledge.enums';
import type { SynonymSource } from './knowledge-search';
import { analyse } from './search-text';
import { KnowledgeSynonymChange, KnowledgeSynonymGroup, type SynonymChangeKind } from './synonym.entity';

export interface SaveSynonymsRequest {
  /** The group to change; none: a new group. */
  id?: string | null;
  locale: ArticleLocale;
  terms: string[];
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const LATIN_WORDS = /^[\p{L}\p{N}]+(?:[ '-][\p{L}\p{N}]+)*$/u;
const HAN = /\p{Script=Han}/u;

/** A term as typed, tidied: NFKC, lower case, single spaces. */
function tidy(term: string): string {
  return term.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A term as a search matches it: Latin words joined by one space (carry-on → "carry on"), Chinese as written. */
export function synonymKey(term: string): string {
  return HAN.test(term) ? term : [...analyse(term, { bigrams: false }).latin.matchAll(/[\p{L}\p{N}]+/gu)].map(([word]) => word).join(' ');
}

/**
 * The trainers' synonym list (T-5.2): groups of terms of one language that a search treats as one,
 * applied when searching (a search for one term also looks for the others), so articles need not
 * repeat every word customers use. Every change is on record with who made it.
 */
export class SynonymList implements SynonymSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(locale?: ArticleLocale | null): Promise<KnowledgeSynonymGroup[]> {
    return this.dataSource.getRepository(KnowledgeSynonymGroup).find({ where: locale ? { locale } : {}, order: { locale: 'ASC', updatedAt: 'DESC', id: 'ASC' } });
  }

  changes(groupId?: string | null, limit = 100): Promise<KnowledgeSynonymChange[]> {
    if (groupId && !isUuid(groupId)) return Promise.resolve([]);
    return this.dataSource.getRepository(KnowledgeSynonymChange).find({ where: groupId ? { groupId } : {}, order: { changedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async save(request: SaveSynonymsRequest, by: Identity): Promise<KnowledgeSynonymGroup> {
    const terms = this.validTerms(request);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      let group: KnowledgeSynonymGroup;
      let before: string[] | null = null;
      if (request.id) {
        const existing = isUuid(request.id) ? await manager.findOne(KnowledgeSynonymGroup, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!existing) throw new NotFoundError('KnowledgeSynonymGroup', request.id);
        if (existing.locale !== request.locale) throw BadUserInputError.field('input.locale', 'unchanged', `must stay ${existing.locale}: a group keeps its language`);
        before = existing.terms;
        group = await manager.save(Object.assign(existing, { terms, updatedBy: by.userId, updatedAt: now }));
        await manager.query(`DELETE FROM knowledge_synonym_term WHERE group_id = $1`, [group.id]);
      } else {
        group = await manager.save(manager.create(KnowledgeSynonymGroup, { locale: request.locale, terms, createdBy: by.userId, createdAt: now, updatedBy: by.userId, updatedAt: now }));
      }
      const keys = terms.map(synonymKey);
      const taken: { term: string }[] = await manager.query(
        `INSERT INTO knowledge_synonym_term (locale, term, group_id) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING RETURNING term`,
        [request.locale, keys, group.id],
      );
      if (taken.length < keys.length) {
        const inserted = new Set(taken.map((row) => row.term));
        const clash = terms.filter((_, i) => !inserted.has(keys[i]));
        throw BadUserInputError.field('input.terms', 'unique', `${clash.join(', ')} already belong${clash.length === 1 ? 's' : ''} to another synonym group of ${request.locale}: change that group instead`);
      }
      // Synonyms are words a search may be corrected to, even before an article uses them.
      const words = [...new Set(keys.filter((key) => !HAN.test(key)).flatMap((key) => key.split(' ')).filter((word) => word.length >= 3))].sort();
      if (words.length) await manager.query(`INSERT INTO knowledge_search_word (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [words]);
      await this.record(manager, group, before ? 'CHANGED' : 'CREATED', before, terms, by, now);
      return group;
    });
  }

  async remove(id: string, by: Identity): Promise<KnowledgeSynonymGroup> {
    return this.dataSource.transaction(async (manager) => {
      const group = isUuid(id) ? await manager.findOne(KnowledgeSynonymGroup, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!group) throw new NotFoundError('KnowledgeSynonymGroup', id);
      await manager.delete(KnowledgeSynonymGroup, { id });
      await this.record(manager, group, 'REMOVED', group.terms, null, by, this.clock.now());
      return group;
    });
  }

  /** For each key asked for that a group holds, the group's other terms (as keys). */
  async alternativesOf(keys: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    const rows: { term: string; others: string[] }[] = await this.dataSource.query(
      `SELECT t.term, array_agg(o.term ORDER BY o.term) AS others
         FROM knowledge_synonym_term t JOIN knowledge_synonym_term o ON o.group_id = t.group_id AND o.term <> t.term
        WHERE t.term = ANY($1::text[]) GROUP BY t.term`,
      [keys],
    );
    return new Map(rows.map((row) => [row.term, row.others]));
  }

  private validTerms(request: SaveSynonymsRequest): string[] {
    const terms = [...new Set(request.terms.map(tidy).filter(Boolean))];
    if (terms.length < 2) throw BadUserInputError.field('input.terms', 'count', 'must hold at least two different terms');
    if (terms.length > 20) throw BadUserInputError.field('input.terms', 'count', 'must hold at most 20 terms');
    for (const term of terms) {
      if (term.length > 60) throw BadUserInputError.field('input.terms', 'length', `"${term.slice(0, 20)}…" is longer than 60 characters`);
      if (request.locale === ArticleLocale.ZH_CN && !HAN_ONLY.test(term)) throw BadUserInputError.field('input.terms', 'script', `"${term}" must be written in Chinese characters only`);
      if (request.locale === ArticleLocale.EN && (!LATIN_WORDS.test(term) || HAN.test(term))) throw BadUserInputError.field('input.terms', 'script', `"${term}" must be words in Latin script`);
      if (request.locale === ArticleLocale.EN && synonymKey(term).split(' ').length > 4) throw BadUserInputError.field('input.terms', 'words', `"${term}" must have at most four words`);
    }
    if (new Set(terms.map(synonymKey)).size < terms.length) throw BadUserInputError.field('input.terms', 'unique', 'must not repeat a term');
    return terms;
  }

  private async record(manager: EntityManager, group: KnowledgeSynonymGroup, change: SynonymChangeKind, before: string[] | null, after: string[] | null, by: Identity, at: Date): Promise<void> {
    await manager.save(manager.create(KnowledgeSynonymChange, { groupId: group.id, locale: group.locale, change, termsBefore: before, termsAfter: after, changedBy: by.userId, changedAt: at }));
  }
}
