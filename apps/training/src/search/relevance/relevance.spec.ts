import { people, publishedArticle, type TrainingWorld, useTraining } from '../../training.fixture';
import { KNOWLEDGE_CORPUS } from './knowledge-corpus';
import { KNOWLEDGE_SYNONYMS } from './knowledge-synonyms';
import { CHINESE_QUERIES, ENGLISH_QUERIES, type LabelledQuery } from './relevance-queries';

/** Recall@5: per search, the share of its expected articles among the first five results, averaged. */
async function recallAt5(world: TrainingWorld, ids: Map<string, string>, queries: readonly LabelledQuery[]) {
  const misses: string[] = [];
  let total = 0;
  for (const query of queries) {
    const { hits } = await world.knowledge.search.search({ text: query.text, first: 5, offset: 0, complete: !query.typing });
    const found = new Set(hits.map((hit) => hit.articleId));
    const share = query.expected.filter((key) => found.has(ids.get(key) as string)).length / query.expected.length;
    if (share < 1) misses.push(query.text);
    total += share;
  }
  return { recall: total / queries.length, misses };
}

/** The trainer's synonym list, saved: the ids of its groups. */
async function saveSynonyms(world: TrainingWorld): Promise<string[]> {
  const ids: string[] = [];
  for (const group of KNOWLEDGE_SYNONYMS) ids.push((await world.knowledge.synonyms.save(group, people.trainer)).id);
  return ids;
}

async function publishCorpus(world: TrainingWorld): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const article of KNOWLEDGE_CORPUS) {
    const published = await publishedArticle(world, { ...article, visibility: 'INTERNAL', ownerId: article.kind === 'PROCEDURE' ? 'lead-lena' : null });
    ids.set(article.key, published.id);
  }
  return ids;
}

describe('search relevance over the labelled set (real Postgres)', () => {
  const world = useTraining();
  const wordsOnly = useTraining({ KNOWLEDGE_SEARCH_BIGRAMS: 'false' });

  it('has at least 100 labelled searches, half Chinese and half English, over a corpus in both languages', () => {
    expect(ENGLISH_QUERIES.length + CHINESE_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(ENGLISH_QUERIES.length).toBe(CHINESE_QUERIES.length);
    const keys = new Set(KNOWLEDGE_CORPUS.map((article) => article.key));
    for (const query of [...ENGLISH_QUERIES, ...CHINESE_QUERIES]) for (const key of query.expected) expect(keys).toContain(key);
  });

  it('finds the expected articles in the first five: recall@5 of at least 0.9 in each language', async () => {
    const ids = await publishCorpus(world);
    const synonyms = await saveSynonyms(world);
    const english = await recallAt5(world, ids, ENGLISH_QUERIES);
    const chinese = await recallAt5(world, ids, CHINESE_QUERIES);
    // Without the synonym list, and Chinese words without character bigrams: what each adds (docs/services/training.md).
    for (const id of synonyms) await world.knowledge.synonyms.remove(id, people.trainer);
    const englishPlain = await recallAt5(world, ids, ENGLISH_QUERIES);
    const chinesePlain = await recallAt5(world, ids, CHINESE_QUERIES);
    const wordsOnlyIds = await publishCorpus(wordsOnly);
    await saveSynonyms(wordsOnly);
    const chineseWordsOnly = await recallAt5(wordsOnly, wordsOnlyIds, CHINESE_QUERIES);
    console.info(
      `recall@5 — English ${english.recall.toFixed(3)}, Chinese ${chinese.recall.toFixed(3)}; without synonyms English ${englishPlain.recall.toFixed(3)}, ` +
        `Chinese ${chinesePlain.recall.toFixed(3)}; Chinese words only ${chineseWordsOnly.recall.toFixed(3)}; missed: ${[...english.misses, ...chinese.misses].join(' | ') || 'none'}; ` +
        `missed without synonyms: ${[...englishPlain.misses, ...chinesePlain.misses].join(' | ') || 'none'}; missed without bigrams: ${chineseWordsOnly.misses.join(' | ') || 'none'}`,
    );
    expect(english.recall).toBeGreaterThanOrEqual(0.9);
    expect(chinese.recall).toBeGreaterThanOrEqual(0.9);
    // Two corpora are published: more than the default 30 s on a busy machine.
  }, 120_000);
});
