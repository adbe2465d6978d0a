// Knowledge search benchmark: the knowledge base's full-text search (tsvector, GIN, a bounded set of
// candidates ranked, spelling correction, synonyms, snippets) next to a plain ILIKE search, over the
// same generated articles, in one run with rounds interleaved A/B, B/A.
//
//   unshare -n bash -c 'ip link set lo up; node tools/run.js tools/bench/src/knowledge-search.ts [--articles 50000] [--rounds 2]
//                                                    [--queries 104] [--data-dir DIR] [--every-match]'
//
// --every-match adds the full-text search as it was before candidates were bounded (every match
// ranked), for the ratio of the two.
// --queries times an evenly spread sample of the labelled searches (half of them Chinese) when the
// machine is too slow for all of them; --data-dir keeps the database, so a second run on the same
// articles skips the indexing.
// The articles (mixed English and Chinese, each about one topic: tools/bench/src/knowledge-search-corpus.ts)
// are indexed by training's own index code, on training's own migrations, with the relevance test's
// synonym list. The searches are the 104 labelled searches of the relevance test, as a first page
// (10 results). Before timing, both searches run once per query and their answers are checked: no
// error, and the full-text search finds articles for at least 90 % of the searches; how many have
// an article of the expected topic in their first five is reported with the times. Prints a markdown table on stdout; progress on stderr.
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '@carebridge/local-platform';
import { migrationsOf, openDatabase } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
// Tools reach a subgraph's code by path: the benchmark measures training's own search.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { KnowledgeArticle, KnowledgeArticleVersion } from '../../../apps/training/src/knowledge/knowledge-article.entity';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CHINESE_QUERIES, ENGLISH_QUERIES } from '../../../apps/training/src/search/relevance/relevance-queries';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KnowledgeSearch } from '../../../apps/training/src/search/knowledge-search';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KnowledgeSearchIndex } from '../../../apps/training/src/search/search-index';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SynonymList } from '../../../apps/training/src/search/synonym-list';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KNOWLEDGE_SYNONYMS } from '../../../apps/training/src/search/relevance/knowledge-synonyms';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KNOWLEDGE_CORPUS } from '../../../apps/training/src/search/relevance/knowledge-corpus';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { trainingSubgraph } from '../../../apps/training/src/training.subgraph';
import { generateArticles } from './knowledge-search-corpus';

const log = (message: string) => process.stderr.write(`[bench:knowledge-search] ${message}\n`);
const ALL_QUERIES = [...ENGLISH_QUERIES, ...CHINESE_QUERIES];

/** Every n-th search of each language, so that the sample stays half Chinese. */
function sample(size: number) {
  const half = Math.max(1, Math.floor(size / 2));
  const spread = <T>(list: readonly T[]) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / half)) === 0).slice(0, half);
  return size >= ALL_QUERIES.length ? ALL_QUERIES : [...spread(ENGLISH_QUERIES), ...spread(CHINESE_QUERIES)];
}
const PAGE = 10;

async function load(dataSource: DataSource, count: number): Promise<void> {
  const index = new KnowledgeSearchIndex();
  const categories = new Map<string, string>();
  const now = new Date('2026-11-01T08:00:00.000Z');
  let batch: ReturnType<typeof generateArticles> extends Generator<infer A> ? A[] : never = [];
  let loaded = 0;
  const flush = async () => {
    await dataSource.transaction(async (manager) => {
      for (const generated of batch) {
        let categoryId = categories.get(generated.category);
        if (!categoryId) {
          [{ id: categoryId }] = await manager.query(`INSERT INTO knowledge_category (slug, name, sections) VALUES ($1, $1, '{General}') RETURNING id`, [generated.category]);
          categories.set(generated.category, categoryId as string);
        }
        const [article] = await manager.query(
          `INSERT INTO knowledge_article (kind, status, locale, visibility, category_id, section, title, body, tags, owner_id, translation_group_id, live_version, version_count, created_by, created_at, updated_by, updated_at)
           VALUES ($1, 'PUBLISHED', $2, 'INTERNAL', $3, 'General', $4, $5, $6, 'bench', gen_random_uuid(), 1, 1, 'bench', $7, 'bench', $7) RETURNING id`,
          [generated.kind, generated.locale, categoryId, generated.title, generated.body, generated.tags, now],
        );
        const [version] = await manager.query(
          `INSERT INTO knowledge_article_version (article_id, number, title, body, tags, category_id, section, visibility, written_by, approved_by, published_at)
           VALUES ($1, 1, $2, $3, $4, $5, 'General', 'INTERNAL', 'bench', 'bench', $6) RETURNING id`,
          [article.id, generated.title, generated.body, generated.tags, categoryId, now],
        );
        await index.index(
          manager,
          { id: article.id, kind: generated.kind, locale: generated.locale } as KnowledgeArticle,
          { id: version.id, number: 1, title: generated.title, body: generated.body, tags: generated.tags, categoryId, visibility: 'INTERNAL', publishedAt: now } as KnowledgeArticleVersion,
        );
      }
    });
    loaded += batch.length;
    batch = [];
    if (loaded % 5000 === 0 || loaded === count) log(`indexed ${loaded} of ${count} articles`);
  };
  for (const generated of generateArticles(count)) {
    batch.push(generated);
    if (batch.length === 250) await flush();
  }
  if (batch.length) await flush();
  await dataSource.query('VACUUM ANALYZE knowledge_search_document');
  await dataSource.query('VACUUM ANALYZE knowledge_search_word');
}

/** The titles of a page of results, best first. */
type Engine = { label: string; search(text: string): Promise<string[]> };

const clock = { now: () => new Date() };

function engines(dataSource: DataSource, everyMatch: boolean): Engine[] {
  const synonyms = new SynonymList(dataSource, clock);
  const search = new KnowledgeSearch(dataSource, clock, undefined, synonyms);
  const unbounded = new KnowledgeSearch(dataSource, clock, undefined, synonyms, { titles: 0, texts: 1_000_000, retrievalBudget: Number.POSITIVE_INFINITY });
  const ranked: Engine[] = everyMatch
    ? [{ label: 'full-text search, every match ranked (as before)', search: async (text) => (await unbounded.search({ text, first: PAGE, offset: 0, complete: false })).hits.map((hit) => hit.title) }]
    : [];
  return [
    {
      label: 'full-text search (tsvector, bounded candidates ranked, corrected, synonyms, snippets)',
      // Not `complete`: the benchmark records no content gaps.
      search: async (text) => (await search.search({ text, first: PAGE, offset: 0, complete: false })).hits.map((hit) => hit.title),
    },
    {
      label: 'plain ILIKE (every word, newest first)',
      search: async (text) => {
        const words = text.split(/\s+/).filter(Boolean).map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
        const rows: { title: string }[] = await dataSource.query(
          `SELECT article_id, title, left(body, 160) AS snippet FROM knowledge_search_document
            WHERE (title || ' ' || body) ILIKE ALL ($1::text[]) ORDER BY published_at DESC, article_id LIMIT ${PAGE}`,
          [words],
        );
        return rows.map((row) => row.title);
      },
    },
    ...ranked,
  ];
}

/** The relevance-corpus article whose topic a generated article is, from its title (knowledge-search-corpus.ts makes it so). */
function topicOf(title: string): string | undefined {
  return KNOWLEDGE_CORPUS.find((a) => (a.locale === 'EN' ? title.startsWith(`${a.title}: `) : title.endsWith(a.title)))?.key;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '2' }, queries: { type: 'string', default: String(ALL_QUERIES.length) }, 'data-dir': { type: 'string' }, 'every-match': { type: 'boolean', default: false } },
  });
  const count = Number(values.articles);
  const rounds = Number(values.rounds);
  const QUERIES = sample(Number(values.queries));
  const dataDir = values['data-dir'];
  const postgres = await startEmbeddedPostgres({ dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), 'knowledge-bench-'))), persistent: !!dataDir });
  try {
    const dataSource = await openDatabase({ serverUrl: postgres.url, database: 'training_bench', entities: trainingSubgraph.entities, migrations: migrationsOf(trainingSubgraph), poolSize: 2 });
    const loadStarted = performance.now();
    const [{ indexed }] = await dataSource.query(`SELECT count(*)::int AS indexed FROM knowledge_search_document`);
    if (indexed === 0) await load(dataSource, count);
    else if (indexed !== count) throw new Error(`${dataDir} holds ${indexed} articles, not ${count}: give another --data-dir`);
    else log(`${indexed} articles indexed already in ${dataDir}`);
    const loadSeconds = indexed === 0 ? (performance.now() - loadStarted) / 1000 : null;
    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_relation_size('knowledge_search_document_idx')) AS size`);
    const [{ words }] = await dataSource.query(`SELECT count(*)::int AS words FROM knowledge_search_word`);
    const [{ groups }] = await dataSource.query(`SELECT count(*)::int AS groups FROM knowledge_synonym_group`);
    if (groups === 0) for (const group of KNOWLEDGE_SYNONYMS) await new SynonymList(dataSource, clock).save(group, { userId: 'bench', roles: ['trainer'] });
    const targets = engines(dataSource, !!values['every-match']);

    // Answers first: no error, and the full-text search finds articles for (almost) every search; how
    // often one of the expected topic is among the first five is reported beside the times.
    const found = new Map<string, { withHits: number; onTopic: number }>();
    for (const engine of targets) {
      let withHits = 0;
      let onTopic = 0;
      for (const query of QUERIES) {
        const titles = await engine.search(query.text);
        if (titles.length) withHits++;
        if (titles.slice(0, 5).some((title) => query.expected.includes(topicOf(title) ?? ''))) onTopic++;
      }
      found.set(engine.label, { withHits, onTopic });
      log(`answers checked: ${engine.label}: ${withHits} with results, ${onTopic} with an article of the expected topic in the first five`);
    }
    const fts = found.get(targets[0].label) as { withHits: number; onTopic: number };
    if (fts.withHits < 0.9 * QUERIES.length) throw new Error(`the full-text search found articles for only ${fts.withHits} of ${QUERIES.length} searches`);

    const latencies = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const engine of order) {
        const list = latencies.get(engine.label) as number[];
        for (const query of QUERIES) {
          const started = performance.now();
          await engine.search(query.text);
          list.push(performance.now() - started);
        }
      }
      log(`round ${round + 1} of ${rounds}`);
    }
    const rows = targets.map((engine) => {
      const sorted = [...(latencies.get(engine.label) as number[])].sort((a, b) => a - b);
      return { label: engine.label, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], ...(found.get(engine.label) as { withHits: number; onTopic: number }) };
    });
    const ms = (value: number) => value.toFixed(1);
    process.stdout.write(
      `Knowledge search, first page of ${PAGE}, ${count} articles (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
        `Node ${process.version}, load average ${loadavg()[0].toFixed(2)} at the end — a shared machine)\n` +
        `${loadSeconds === null ? 'Indexed in an earlier run' : `Indexing ${count} articles took ${loadSeconds.toFixed(0)} s`}; GIN index ${size}; ${words} distinct Latin words for spelling correction.\n\n` +
        `| search | searches timed | p50 ms | p95 ms | p99 ms | max ms | searches with results (of ${QUERIES.length}) | expected topic in first 5 (of ${QUERIES.length}) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n` +
        rows.map((r) => `| ${r.label} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.withHits} | ${r.onTopic} |`).join('\n') +
        `\n\np99 of ILIKE ÷ p99 of full-text search: ${(rows[1].p99 / rows[0].p99).toFixed(1)}× (p50: ${(rows[1].p50 / rows[0].p50).toFixed(1)}×)` +
        (rows[2] ? `; p99 of every match ranked ÷ p99 of bounded candidates: ${(rows[2].p99 / rows[0].p99).toFixed(1)}× (p50: ${(rows[2].p50 / rows[0].p50).toFixed(1)}×)` : '') +
        '\n',
    );
    await dataSource.destroy();
  } finally {
    await postgres.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
