/**
 * How article text and searches become search terms. English (and other Latin-script text) goes
 * to PostgreSQL's `english` configuration, which stems it and drops stop words. Chinese is written
 * without spaces, so PostgreSQL's parser sees a whole run of Han characters as one word: it is
 * segmented here with ICU's dictionary segmentation (`Intl.Segmenter`, built into Node), and each
 * run's character bigrams are added so that a word the segmenter splits differently in a question
 * than in the article still matches (docs/services/training.md has the measurement).
 */

const HAN_RUN = /[\p{Script=Han}]+/gu;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words that carry no meaning of their own in a question (“请问托运行李的重量是多少” keeps 托运, 行李, 重量). */
const CHINESE_STOP_WORDS = new Set([
  '的', '了', '是', '吗', '呢', '吧', '啊', '我', '你', '您', '他', '她', '我们', '在', '有', '和', '与', '或', '及', '就', '都', '也', '要',
  '请问', '请', '怎么', '怎么办', '怎样', '如何', '什么', '哪些', '哪里', '多少', '可以', '能', '能否', '是否', '会', '一个', '这个', '那个', '需要', '时候',
]);

export interface TextAnalysis {
  /** The text with its Chinese taken out, for the `english` configuration. */
  latin: string;
  /** The Chinese words, in order. */
  hanWords: string[];
  /** With bigrams on, each Han run's character bigrams. */
  hanBigrams: string[];
}

export interface AnalysisOptions {
  /** Add each Han run's character bigrams to its words. */
  bigrams: boolean;
}

export const DEFAULT_ANALYSIS: AnalysisOptions = { bigrams: true };

export function analyse(text: string, options: AnalysisOptions = DEFAULT_ANALYSIS): TextAnalysis {
  const hanWords: string[] = [];
  const hanBigrams: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) hanWords.push(segment);
    if (options.bigrams) for (let i = 0; i + 1 < run.length; i++) hanBigrams.push(run.slice(i, i + 2));
  }
  return { latin: text.replace(HAN_RUN, ' '), hanWords, hanBigrams };
}

/** The Chinese terms a text is indexed under: its words, then its bigrams. */
export function hanTerms(analysis: TextAnalysis): string[] {
  return [...analysis.hanWords, ...analysis.hanBigrams];
}

/**
 * The Chinese words of a text as a tsvector literal with positions and a weight ('A' title, 'B' body):
 * built here rather than by `to_tsvector`, whose parser cannot split Chinese. Only Han characters
 * reach it, so no quoting is needed beyond the quotes themselves.
 */
export function hanVector(words: readonly string[], weight: 'A' | 'B'): string {
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word) ?? [];
    // tsvector positions stop at 16383 and keep at most 256 per lexeme.
    if (list.length < 256) list.push(Math.min(i + 1, 16383));
    positions.set(word, list);
  });
  return [...positions].map(([word, list]) => `'${word}':${list.map((p) => `${p}${weight}`).join(',')}`).join(' ');
}

export interface SearchTerms {
  /** Latin-script words, lower case, in order; the last may be incomplete (as-you-type). */
  latin: string[];
  /** Chinese words and bigrams, stop words left out. */
  han: string[];
  /** The Chinese words alone (no bigrams), stop words left out. */
  hanWords: string[];
  /** The last Chinese word as typed, when the search ends in Chinese: it may be incomplete. */
  lastHanWord: string | null;
}

/** What a search (or an inquiry's text) asks for. */
export function searchTerms(text: string, options: AnalysisOptions = DEFAULT_ANALYSIS, limit = 32): SearchTerms {
  const { latin, hanWords, hanBigrams } = analyse(text.normalize('NFKC'), options);
  const latinWords = [...latin.toLowerCase().matchAll(LATIN_WORD)].map(([word]) => word);
  const trimmed = text.trim();
  const endsInHan = trimmed.length > 0 && HAN.test(trimmed[trimmed.length - 1]);
  const typedLast = endsInHan ? (hanWords[hanWords.length - 1] ?? null) : null;
  const lastHanWord = typedLast && !CHINESE_STOP_WORDS.has(typedLast) ? typedLast : null;
  const meaningful = hanWords.filter((word) => !CHINESE_STOP_WORDS.has(word));
  return {
    latin: unique(latinWords).slice(0, limit),
    han: unique([...meaningful, ...hanBigrams.filter((bigram) => !CHINESE_STOP_WORDS.has(bigram))]).slice(0, limit),
    hanWords: unique(meaningful).slice(0, limit),
    lastHanWord,
  };
}

/** Latin words worth remembering for spelling correction. */
export function vocabulary(text: string): string[] {
  const { latin } = analyse(text, { bigrams: false });
  return unique([...latin.toLowerCase().matchAll(LATIN_WORD)].map(([word]) => word).filter((word) => word.length >= 3 && word.length <= 40 && !/^\d+$/.test(word)));
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
